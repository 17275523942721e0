import { IConstruct } from 'constructs';
import { AppModel, EndpointMember } from './app-model';
import { firstFew } from './first-few';
import { IntentInputError } from './intent-input-error';
import { CompiledSelector } from '../analysis/compiled-selector';
import { closeMatches } from '../analysis/endpoint';
import { PolicyTarget } from '../constructs/policy-target';
import { parseIp } from '../k8s/cidr';
import { InputError } from '../k8s/input-error';
import { DEFAULT_NAMESPACE } from '../k8s/kinds';
import { LabelSelector } from '../policy/label-selector';
import { WorkloadConstruct } from '../policy/workload-construct';

/**
 * One end of a connection in a reachability intent: a workload of the app, a group of
 * workloads, or an address outside the cluster. An endpoint standing for several workloads
 * makes the intent hold for each of them.
 *
 * Endpoints are resolved when the app synthesizes, against the objects it renders; an endpoint
 * that matches nothing fails synthesis with an `NP-INPUT` error listing close matches.
 *
 * @example
 * const db = new kplus.StatefulSet(chart, 'db', { containers: [{ image: 'postgres:16', portNumber: 5432 }] });
 * Endpoint.workload(db);
 * Endpoint.named('shop/api');
 * Endpoint.ip('203.0.113.7');
 * Endpoint.selection(PolicyTarget.all().inNamespaceNamed('data'));
 * Endpoint.podsMatching(LabelSelector.of({ labels: { tier: 'web' } }), 'shop');
 */
export class Endpoint {
  /**
   * A workload or pod of this app: a `Deployment`, `StatefulSet`, `DaemonSet`, `ReplicaSet`,
   * `Job`, `CronJob` or `Pod` of any cdk8s-plus line, an imported `KubeDeployment` (and the
   * like), or an `ApiObject` of one of those kinds. Intent ids call it `namespace/name`;
   * verdicts use the evaluator's name, `namespace/kind/name` when workloads of several kinds
   * share the name.
   *
   * @param workload the workload or pod construct
   * @example
   * Endpoint.workload(api);
   */
  public static workload(workload: IConstruct): Endpoint {
    const ref = WorkloadConstruct.of('Endpoint.workload', workload);
    const description = `${ref.namespaceName ?? DEFAULT_NAMESPACE}/${ref.apiObject.name}`;
    // The model keeps the path of each object it reads as its origin.
    const origin = ref.apiObject.node.path;
    return new Endpoint(description, false, (app) => {
      const index = app.workloadsByOrigin.get(origin);
      if (index === undefined) {
        throw new IntentInputError(`${ref.kind} ${workload.node.path} is not among the objects this app renders (is it in another App?)`);
      }
      return [{ name: app.model.workloads[index].endpoint, workload: index }];
    });
  }

  /**
   * A workload or pod by the name the evaluator gives it: `namespace/name`, or
   * `namespace/kind/name` where workloads of several kinds share a name. Use this for objects
   * the app does not hold as constructs, such as included YAML.
   *
   * @param name e.g. `shop/api`
   * @example
   * Endpoint.named('kube-system/coredns');
   */
  public static named(name: string): Endpoint {
    const parts = name.split('/');
    if ((parts.length !== 2 && parts.length !== 3) || parts.some((p) => p === '')) {
      const hint = parseIp(name) ? `; for an address use Endpoint.ip(${JSON.stringify(name)})` : '';
      throw new InputError('Endpoint.named', [`name ${JSON.stringify(name)}: must be namespace/name (or namespace/kind/name)${hint}`]);
    }
    return new Endpoint(name, false, (app) => {
      const index = app.workloadsByName.get(name);
      if (index === undefined) {
        const matches = closeMatches(name, [...app.workloadsByName.keys()]);
        throw new IntentInputError(`unknown workload "${name}"; `
          + (matches.length > 0 ? `close matches: ${matches.join(', ')}` : `the app's workloads: ${firstFew([...app.workloadsByName.keys()])}`));
      }
      return [{ name, workload: index }];
    });
  }

  /**
   * An IPv4 or IPv6 address: a host outside the cluster, or the pod whose known IP
   * (`status.podIP`) it is.
   *
   * @param address e.g. `203.0.113.7` or `2001:db8::7`
   * @example
   * Endpoint.ip('203.0.113.7');
   */
  public static ip(address: string): Endpoint {
    const parsed = parseIp(address);
    if (parsed === undefined) {
      throw new InputError('Endpoint.ip', [`address ${JSON.stringify(address)}: is not an IP address (no prefix length, no leading zeros)`]);
    }
    return new Endpoint(address, true, (app) => [{ name: address, workload: app.evaluator._workloadOf(address) }]);
  }

  /**
   * Every workload whose pods the target selects: in the target's namespace, or in every
   * namespace when the target has none.
   *
   * @param target e.g. `PolicyTarget.all().inNamespaceNamed('data')`
   * @example
   * Endpoint.selection(PolicyTarget.labels({ tier: 'web' }).inNamespaceNamed('shop'));
   */
  public static selection(target: PolicyTarget): Endpoint {
    // A workload target's selector is read when the intent is checked, at synth.
    return Endpoint.matching(target.toString(), () => target.podSelector, target.namespaceName);
  }

  /**
   * Every workload whose pods carry labels matching `selector`, in namespace `namespaceName`
   * or in every namespace.
   *
   * @param selector the pods' labels; `LabelSelector.all()` for every pod
   * @param namespaceName the namespace; every namespace when omitted
   * @example
   * Endpoint.podsMatching(LabelSelector.of({ labels: { 'app.kubernetes.io/part-of': 'shop' } }));
   */
  public static podsMatching(selector: LabelSelector, namespaceName?: string): Endpoint {
    const pods = selector.isEmpty() ? 'all pods' : `pods(${selector})`;
    return Endpoint.matching(namespaceName === undefined ? pods : `${pods} in namespace(${namespaceName})`, () => selector, namespaceName);
  }

  private static matching(description: string, selector: () => LabelSelector, namespaceName: string | undefined): Endpoint {
    return new Endpoint(description, false, (app) => {
      const compiled = CompiledSelector.compile(selector()._toKube());
      const members: EndpointMember[] = [];
      app.model.workloads.forEach((w, i) => {
        if ((namespaceName === undefined || w.namespaceName === namespaceName) && compiled.matches(w.labels)) {
          members.push({ name: w.endpoint, workload: i });
        }
      });
      if (members.length === 0) {
        const candidates = app.model.workloads.filter((w) => namespaceName === undefined || w.namespaceName === namespaceName).map((w) => w.endpoint);
        const where = namespaceName === undefined ? 'the app' : `namespace ${namespaceName}`;
        throw new IntentInputError(`${description} matches no workload; `
          + (candidates.length > 0 ? `the workloads of ${where}: ${firstFew(candidates)}` : `${where} has no workloads`));
      }
      return members;
    });
  }

  /**
   * True for an IP address, which has no container ports and cannot be isolated.
   *
   * @internal
   */
  public readonly _isAddress: boolean;

  private readonly description: string;
  private readonly resolver: (app: AppModel) => EndpointMember[];

  private constructor(description: string, isAddress: boolean, resolver: (app: AppModel) => EndpointMember[]) {
    this.description = description;
    this._isAddress = isAddress;
    this.resolver = resolver;
  }

  /** How intent ids and messages name it, e.g. `shop/api` or `all pods in namespace(data)`. */
  public toString(): string {
    return this.description;
  }

  /**
   * The workloads (or the address) this endpoint stands for in the app; throws an
   * `IntentInputError` when it stands for nothing.
   *
   * @internal
   */
  public _resolve(app: AppModel): EndpointMember[] {
    return this.resolver(app);
  }
}

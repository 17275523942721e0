import { AnalysisOptions } from './analysis-options';
import { cached } from './cached';
import { ClusterIndex } from './cluster-index';
import { ClusterPolicyInfo } from './cluster-policy-info';
import { compileClusterPolicy, CompiledClusterPolicy } from './compiled-cluster-policy';
import { compilePolicy, CompiledPolicy } from './compiled-policy';
import { ManifestDocument } from './manifest-document';
import { ClusterPolicyObject, readManifests, withNameLabel, WorkloadObject } from './manifest-reader';
import { ModelFinding } from './model-finding';
import { NamespaceInfo } from './namespace-info';
import { NodeInfo } from './node-info';
import { PeerResolver } from './peer-resolver';
import { PolicyInfo } from './policy-info';
import { priorityTies } from './priority-ties';
import { resolveOptions } from './resolved-options';
import { WorkloadInfo } from './workload-info';
import { ClusterPolicyTier } from '../k8s/cluster-policy-tier';
import { asObject } from '../k8s/json-values';
import { ClusterNetworkPolicyChannel } from '../validation/cluster-network-policy-channel';
import { ClusterNetworkPolicyValidator } from '../validation/cluster-network-policy-validator';
import { CNP_RULE } from '../validation/cnp-rules';
import { FindingSeverity } from '../validation/finding';
import { NetworkPolicyValidator } from '../validation/validator';


/**
 * The namespaces, nodes, workloads, NetworkPolicies and ClusterNetworkPolicies found in a set of
 * manifests, ready for the `Evaluator`. Every policy is validated like the API server would;
 * invalid ones are reported in `findings` and left out of the analysis.
 *
 * @example
 * const model = ClusterModel.fromManifests(
 *   Testing.synth(chart).map((manifest) => ({ manifest })),
 *   { defaultNamespace: 'prod' },
 * );
 * for (const finding of model.findings) {
 *   console.log(`${finding.origin} ${finding.subject}: ${finding.message}`);
 * }
 */
export class ClusterModel {
  /**
   * Reads Namespaces, Nodes, Pods, workloads (Deployment, StatefulSet, DaemonSet, ReplicaSet, Job,
   * CronJob, ReplicationController), NetworkPolicies and ClusterNetworkPolicies; `kind: List`
   * items are read in turn and other objects only imply their namespace.
   *
   * @param documents the objects, each with where it came from
   * @param options the assumptions to make where Kubernetes leaves the answer open
   */
  public static fromManifests(documents: ManifestDocument[], options: AnalysisOptions = {}): ClusterModel {
    return new ClusterModel(documents, options);
  }

  /** Every pod and workload, in reading order. */
  public readonly workloads: WorkloadInfo[];

  /** Every namespace: declared ones in reading order, then the implied ones by name. */
  public readonly namespaces: NamespaceInfo[];

  /**
   * Every Node object, in reading order, then by name the nodes pods name (`spec.nodeName`)
   * without one: their labels and addresses (with the `status.hostIP` of the pods on them) are
   * what `nodes` peers of ClusterNetworkPolicies match.
   */
  public readonly nodes: NodeInfo[];

  /** Every NetworkPolicy read, evaluated or not. */
  public readonly policies: PolicyInfo[];

  /** Every ClusterNetworkPolicy read, evaluated or not. */
  public readonly clusterPolicies: ClusterPolicyInfo[];

  /** Problems met while reading, including each policy's validation findings. */
  public readonly findings: ModelFinding[];

  /** The options in effect, with every default filled in. */
  public readonly options: AnalysisOptions;

  /** @internal */
  public readonly _index: ClusterIndex;

  /** @internal Policies left out of the analysis (`namespace/name`), by namespace. */
  public readonly _excludedPolicies = new Map<string, string[]>();

  /**
   * @internal The valid ClusterNetworkPolicies, compiled for the Admin and Baseline layers, in
   * reading order (`inEvaluationOrder` sorts a tier's).
   */
  public readonly _clusterPolicies: readonly CompiledClusterPolicy[];

  private constructor(documents: ManifestDocument[], options: AnalysisOptions) {
    const resolved = resolveOptions(options);
    this.options = resolved;
    const contents = readManifests(documents, resolved.defaultNamespace);
    this.findings = [...contents.findings];

    const compiled: CompiledPolicy[] = [];
    this.policies = contents.policies.map((policy) => {
      const subject = `${policy.namespaceName}/${policy.name}`;
      const supported = NetworkPolicyValidator.isNetworkPolicy(policy.manifest);
      const findings: ModelFinding[] = supported
        ? NetworkPolicyValidator.check(policy.manifest, { strictCidr: resolved.strictCidr })
          .map((f) => ({ severity: f.severity, origin: policy.origin, subject, field: f.field, message: f.message, rule: f.rule }))
        : [{
          severity: FindingSeverity.WARNING,
          origin: policy.origin,
          subject,
          field: 'apiVersion',
          message: `${JSON.stringify(policy.manifest.apiVersion)} is not networking.k8s.io: this NetworkPolicy is not evaluated`,
          rule: 'NP-INPUT-API-VERSION',
        }];
      this.findings.push(...findings);
      const evaluated = supported && findings.every((f) => f.severity !== FindingSeverity.ERROR);
      if (evaluated) {
        compiled.push(compilePolicy(policy, resolved.strictCidr));
      } else {
        cached(this._excludedPolicies, policy.namespaceName, () => []).push(subject);
      }
      return { namespaceName: policy.namespaceName, name: policy.name, origin: policy.origin, evaluated };
    });

    const compiledClusterPolicies: CompiledClusterPolicy[] = [];
    this.clusterPolicies = contents.clusterPolicies.map((policy) => {
      const info = this.readClusterPolicy(policy, resolved.clusterNetworkPolicyChannel);
      if (info.evaluated) {
        compiledClusterPolicies.push(compileClusterPolicy(policy, compiledClusterPolicies.length));
      }
      return info;
    });
    this._clusterPolicies = compiledClusterPolicies;

    const declared = new Set(contents.namespaces.map((ns) => ns.name));
    const implied = [...contents.usedNamespaces].filter((name) => !declared.has(name)).sort();
    this.namespaces = [
      ...contents.namespaces,
      ...implied.map((name) => ({ name, labels: withNameLabel(name, {}), declared: false })),
    ];

    const endpoints = endpointNames(contents.workloads);
    this.workloads = contents.workloads.map((w, i) => ({
      endpoint: endpoints[i],
      namespaceName: w.namespaceName,
      name: w.name,
      kind: w.kind,
      labels: w.labels,
      ports: w.ports,
      ips: w.ipTexts,
      hostNetwork: w.hostNetwork,
      origin: w.origin,
    }));
    for (const workload of this.workloads.filter((w) => w.hostNetwork)) {
      this.findings.push({
        severity: FindingSeverity.WARNING,
        origin: workload.origin,
        subject: workload.endpoint,
        field: 'spec.hostNetwork',
        message: 'uses the node network: no NetworkPolicy selects its pods, and their traffic counts as node traffic (matched only by ipBlocks containing the node IP and by rules that admit every peer)',
        rule: 'NP-INPUT-HOST-NETWORK',
      });
    }

    // Pods name their node (spec.nodeName) and its addresses (status.hostIP): those add to the
    // Node object's addresses, or imply a node without labels when the input has no such object.
    const hostIps = new Map<string, string[]>();
    for (const w of contents.workloads.filter((x) => x.nodeName !== undefined)) {
      hostIps.set(w.nodeName!, [...hostIps.get(w.nodeName!) ?? [], ...w.hostIps]);
    }
    const declaredNodes = new Set(contents.nodes.map((n) => n.name));
    this.nodes = [
      ...contents.nodes.map((n) => ({
        name: n.name, labels: n.labels, addresses: [...new Set([...n.addresses, ...hostIps.get(n.name) ?? []])], declared: true, origin: n.origin,
      })),
      ...[...hostIps.keys()].filter((name) => !declaredNodes.has(name)).sort()
        .map((name) => ({ name, labels: {}, addresses: [...new Set(hostIps.get(name))], declared: false })),
    ];

    this._index = new ClusterIndex(this.namespaces, contents.workloads, compiled, resolved, compiledClusterPolicies, this.nodes);
    this.findings.push(...priorityTies(compiledClusterPolicies, this._index, new PeerResolver(this._index)));
  }

  /**
   * Validates a ClusterNetworkPolicy like the API server with the CRD in `channel`, reports its
   * findings, and says whether it can be evaluated: valid, and with selectors that implementations
   * can apply.
   */
  private readClusterPolicy(policy: ClusterPolicyObject, channel: ClusterNetworkPolicyChannel): ClusterPolicyInfo {
    const subject = `ClusterNetworkPolicy/${policy.name}`;
    let evaluated: boolean;
    if (ClusterNetworkPolicyValidator.isClusterNetworkPolicy(policy.manifest)) {
      const findings = ClusterNetworkPolicyValidator.check(policy.manifest, { channel });
      this.findings.push(...findings.map((f) => ({
        severity: f.severity, origin: policy.origin, subject, field: f.field, message: f.message, rule: f.rule,
      })));
      evaluated = findings.every((f) => f.severity !== FindingSeverity.ERROR && f.rule !== CNP_RULE.SELECTOR);
    } else {
      // Another API's kind of the same name, such as Antrea's crd.antrea.io ClusterNetworkPolicy.
      this.findings.push({
        severity: FindingSeverity.WARNING,
        origin: policy.origin,
        subject,
        field: 'apiVersion',
        message: `${JSON.stringify(policy.manifest.apiVersion)} is not policy.networking.k8s.io: this ClusterNetworkPolicy is not evaluated`,
        rule: 'NP-INPUT-API-VERSION',
      });
      evaluated = false;
    }
    const spec = asObject(policy.manifest.spec);
    const tier = Object.values(ClusterPolicyTier).find((t) => t === spec?.tier);
    const priority = typeof spec?.priority === 'number' ? spec.priority : undefined;
    return { name: policy.name, origin: policy.origin, evaluated, ...(tier ? { tier } : {}), ...(priority !== undefined ? { priority } : {}) };
  }
}

/** `namespace/name`, qualified with the kind where several kinds share a name. */
function endpointNames(workloads: readonly WorkloadObject[]): string[] {
  const counts = new Map<string, number>();
  const plain = workloads.map((w) => `${w.namespaceName}/${w.name}`);
  plain.forEach((name) => counts.set(name, (counts.get(name) ?? 0) + 1));
  return workloads.map((w, i) => (counts.get(plain[i])! > 1 ? `${w.namespaceName}/${w.kind.toLowerCase()}/${w.name}` : plain[i]));
}

import { ApiObject } from 'cdk8s';
import { IConstruct } from 'constructs';
import { apiObjectOf } from './api-object-of';
import { LabelSelector } from './label-selector';
import { RenderingScope } from './rendering-scope';
import { InputError, NetpolError } from '../k8s/input-error';
import { asArray, asObject, JsonObject } from '../k8s/json-values';
import { POD_TEMPLATE_PATHS } from '../k8s/kinds';

/**
 * The label every line of cdk8s-plus (27 to 34 at least) puts on the pods it defines, unique per
 * workload (`Pod.ADDRESS_LABEL`). Spelled out here so that no cdk8s-plus line is needed at run time.
 */
export const CDK8S_PLUS_ADDRESS_LABEL = 'cdk8s.io/metadata.addr';

/** The kinds that stand for pods: a Pod, or a workload with a pod template. */
const POD_KINDS = ['Pod', ...POD_TEMPLATE_PATHS.keys()];

/** One `containerPort` of a container of the pod template. */
export interface TemplatePort {
  readonly port: number;
  /** As written; absent means TCP. */
  readonly protocol?: string;
}

/** What the pods of a workload look like, read from its rendered object. */
export interface PodTemplate {
  /** The pods' labels (`metadata.labels` of the template, or of the Pod). */
  readonly labels: Record<string, string>;
  /** The ports of the pod's containers (init containers left out), in order. */
  readonly ports: TemplatePort[];
}

/**
 * A construct given where a workload is expected (`Peer.workload`, `PolicyTarget.workload`,
 * `Endpoint.workload`): a cdk8s-plus workload or Pod of any line, an imported `KubeDeployment`,
 * or an `ApiObject` of a workload kind. Only the object it renders is read, never a cdk8s-plus
 * class, so no cdk8s-plus line is needed: the kind, name and namespace when it is given, the pod
 * template's labels and container ports each time they are asked for (when policies render, at
 * synth), so containers and labels added later count.
 */
export class WorkloadConstruct {
  /**
   * The workload behind `construct`; an `NP-INPUT` error naming it when it renders no Pod and no
   * workload with a pod template.
   *
   * @param subject the factory, for messages (`Peer.workload`)
   */
  public static of(subject: string, construct: IConstruct): WorkloadConstruct {
    const apiObject = apiObjectOf(construct);
    if (apiObject === undefined || !POD_KINDS.includes(apiObject.kind)) {
      const renders = apiObject === undefined
        ? 'renders no Kubernetes object (it is not an ApiObject, and has no default child that is one)'
        : `renders a ${apiObject.kind}, which has no pods`;
      throw new InputError(subject, [`${construct.node.path} ${renders}; pass a Pod or a workload with a pod template `
        + `(${POD_KINDS.join(', ')}): a cdk8s-plus workload, an imported KubeDeployment, or an ApiObject of one of those kinds`]);
    }
    return new WorkloadConstruct(construct, apiObject);
  }

  /** The construct the user passed. */
  public readonly construct: IConstruct;
  /** The object it renders. */
  public readonly apiObject: ApiObject;
  /** The rendered object's namespace (its own or its chart's), fixed when the object was constructed. */
  public readonly namespaceName?: string;

  private constructor(construct: IConstruct, apiObject: ApiObject) {
    this.construct = construct;
    this.apiObject = apiObject;
    this.namespaceName = apiObject.metadata.namespace;
  }

  /** The kind of the rendered object, e.g. `Deployment`. */
  public get kind(): string {
    return this.apiObject.kind;
  }

  /** How messages name it: `Deployment(shop/api)`, with the path of the construct the user passed. */
  public toString(): string {
    return `${this.kind}(${this.construct.node.path})`;
  }

  /**
   * The pod template as the object renders now; an `NP-INPUT` error naming the workload when it
   * has none (an `ApiObject` of kind Deployment without `spec.template`).
   */
  public podTemplate(): PodTemplate {
    const path = this.templatePath();
    const template = path.reduce<JsonObject | undefined>((node, key) => asObject(node?.[key]), RenderingScope.toJson(this.apiObject));
    if (template === undefined) {
      throw new InputError(this.toString(), [`${path.join('.')}: is missing, so the pods of this ${this.kind} are unknown; `
        + 'give it a pod template with labels and containers']);
    }
    const labels: Record<string, string> = {};
    for (const [key, value] of Object.entries(asObject(asObject(template.metadata)?.labels) ?? {})) {
      if (typeof value === 'string') {
        labels[key] = value;
      }
    }
    const ports: TemplatePort[] = [];
    for (const container of asArray(asObject(template.spec)?.containers) ?? []) {
      for (const entry of asArray(asObject(container)?.ports) ?? []) {
        const port = asObject(entry);
        if (typeof port?.containerPort === 'number') {
          ports.push({ port: port.containerPort, protocol: typeof port.protocol === 'string' ? port.protocol : undefined });
        }
      }
    }
    return { labels, ports };
  }

  /**
   * The selector of this workload's pods, from the labels of its pod template: cdk8s-plus's
   * address label alone where the template has it (it is unique to the workload), else every
   * label of the template. An `NP-INPUT` error when the template has no labels, since an empty
   * selector would pick every pod of the namespace.
   */
  public podSelector(): LabelSelector {
    const labels = this.podTemplate().labels;
    const address = labels[CDK8S_PLUS_ADDRESS_LABEL];
    if (address !== undefined) {
      return LabelSelector.of({ labels: { [CDK8S_PLUS_ADDRESS_LABEL]: address } });
    }
    const field = [...this.templatePath(), 'metadata', 'labels'].join('.');
    if (Object.keys(labels).length === 0) {
      throw new InputError(this.toString(), [`${field}: is empty, so no selector can pick the pods of this ${this.kind} `
        + 'without picking every pod of its namespace; add labels to its pod template']);
    }
    try {
      return LabelSelector.of({ labels });
    } catch (e) {
      if (e instanceof NetpolError) {
        throw new InputError(this.toString(), e.problems.map(p => `${field}: ${p}`));
      }
      throw e;
    }
  }

  /**
   * The problems that keep this workload's pods from being read, as `NP-INPUT` messages; none
   * when its template can be read and selected.
   */
  public problems(): string[] {
    try {
      this.podSelector();
      return [];
    } catch (e) {
      if (e instanceof NetpolError) {
        return [e.message];
      }
      throw e;
    }
  }

  /** Field names from the object's root to the pod template; none for a Pod, which is its own template. */
  private templatePath(): readonly string[] {
    return POD_TEMPLATE_PATHS.get(this.kind) ?? [];
  }
}

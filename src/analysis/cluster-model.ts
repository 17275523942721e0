import { AnalysisOptions } from './analysis-options';
import { cached } from './cached';
import { ClusterIndex } from './cluster-index';
import { ClusterPolicyInfo } from './cluster-policy-info';
import { compileClusterPolicy, CompiledClusterPolicy } from './compiled-cluster-policy';
import { compilePolicy, CompiledPolicy } from './compiled-policy';
import { ManifestDocument } from './manifest-document';
import { ClusterPolicyObject, readManifests, withNameLabel } from './manifest-reader';
import { ModelFinding } from './model-finding';
import { NamespaceInfo } from './namespace-info';
import { NodeInfo } from './node-info';
import { PeerResolver } from './peer-resolver';
import { PolicyInfo } from './policy-info';
import { priorityTies } from './priority-ties';
import { resolveOptions } from './resolved-options';
import { groupWorkloads, PodObject, WorkloadObject } from './workload-grouping';
import { WorkloadInfo } from './workload-info';
import { ClusterPolicyTier } from '../k8s/cluster-policy-tier';
import { InputError } from '../k8s/input-error';
import { asObject } from '../k8s/json-values';
import { NAMESPACE_NAME_LABEL, NETWORK_POLICY_GROUP } from '../k8s/kinds';
import { printable } from '../k8s/printable';
import { ClusterNetworkPolicyChannel } from '../validation/cluster-network-policy-channel';
import { ClusterNetworkPolicyValidator } from '../validation/cluster-network-policy-validator';
import { CNP_RULE } from '../validation/cnp-rules';
import { FindingSeverity } from '../validation/finding';
import { checkClusterNetworkPolicy, checkNetworkPolicy } from '../validation/validation-memo';
import { NetworkPolicyValidator } from '../validation/validator';


/**
 * The namespaces, nodes, workloads, NetworkPolicies and ClusterNetworkPolicies found in a set
 * of manifests, ready for the `Evaluator`. Every policy is validated like the API server would;
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
   * Reads Namespaces, Nodes, Pods, workloads (Deployment, StatefulSet, DaemonSet, ReplicaSet,
   * Job, CronJob, ReplicationController), NetworkPolicies and ClusterNetworkPolicies; the objects
   * of a List are read in turn and other objects only imply their namespace. Pods are grouped into the workloads that
   * own them (`ownerReferences`), which then stand for them.
   *
   * Throws a `NP-INPUT` error when `documents` is not a list of `{ manifest, origin }` or an
   * option has the wrong type; a manifest that cannot be used is a finding instead.
   *
   * @param documents the objects, each with where it came from
   * @param options the assumptions to make where Kubernetes leaves the answer open
   */
  public static fromManifests(documents: ManifestDocument[], options: AnalysisOptions = {}): ClusterModel {
    if (!Array.isArray(documents)) {
      throw new InputError('ClusterModel.fromManifests', [`documents must be a list of { manifest, origin } objects, not ${describeType(documents)}`]);
    }
    documents.forEach((document: unknown, i) => {
      const entry = asObject(document);
      if (entry === undefined || (entry.origin !== undefined && typeof entry.origin !== 'string')) {
        throw new InputError('ClusterModel.fromManifests', [`documents[${i}] must be an object { manifest, origin? } with a string origin, not ${describeType(document)}`]);
      }
    });
    return new ClusterModel(documents, options);
  }

  /** Every workload (standing for its pods) and bare pod, in reading order. */
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

  /** @internal The pods of the input, each with the index of its workload. */
  public readonly _pods: readonly PodObject[];

  /** @internal The endpoints of the pod groups of a workload whose pods differ, by the workload's `namespace/name`. */
  public readonly _podGroups = new Map<string, string[]>();

  private constructor(documents: ManifestDocument[], options: AnalysisOptions) {
    const resolved = resolveOptions(options);
    this.options = resolved;
    const contents = readManifests(documents, resolved.defaultNamespace);
    this.findings = [...contents.findings];

    const compiled: CompiledPolicy[] = [];
    this.policies = contents.policies.map((policy) => {
      const subject = printable(`${policy.namespaceName}/${policy.name}`);
      const supported = NetworkPolicyValidator.isNetworkPolicy(policy.manifest);
      const findings: ModelFinding[] = supported
        ? checkNetworkPolicy(policy.manifest, { strictCidr: resolved.strictCidr })
          .map((f) => ({ severity: f.severity, origin: policy.origin, subject, field: f.field, message: f.message, rule: f.rule }))
        : [otherApiVersion(policy.manifest.apiVersion, policy.origin, subject)];
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
    this.findings.push(...namespaceLabelFindings(compiled, implied));

    const grouping = groupWorkloads(contents.pods, contents.controllers);
    this.findings.push(...grouping.findings);
    this._pods = grouping.pods;
    const endpoints = endpointNames(grouping.workloads);
    this.workloads = workloadInfos(grouping.workloads, endpoints);
    grouping.workloads.forEach((w, i) => {
      if (w.group !== undefined) {
        cached(this._podGroups, printable(`${w.namespaceName}/${w.name}`), () => []).push(endpoints[i]);
      }
    });
    for (const workload of this.workloads.filter((w) => w.hostNetwork)) {
      this.findings.push({
        severity: FindingSeverity.WARNING,
        origin: workload.origin,
        subject: workload.endpoint,
        field: 'spec.hostNetwork',
        message: 'uses the node network: no NetworkPolicy selects its pods, and their traffic counts as node traffic (matched only by ipBlocks and ClusterNetworkPolicy networks or nodes peers holding the node IP, and by rules that admit every peer)',
        rule: 'NP-INPUT-HOST-NETWORK',
      });
    }

    // Nodes: the Node objects, then those only pods name; each with its pods' host IPs.
    const hostIps = new Map<string, string[]>();
    for (const pod of contents.pods) {
      if (pod.nodeName) {
        cached(hostIps, pod.nodeName, () => []).push(...pod.hostIps, ...(pod.hostNetwork ? pod.ipTexts : []));
      }
    }
    const declaredNodes = new Set(contents.nodes.map((n) => n.name));
    this.nodes = [
      ...contents.nodes.map((n) => ({
        name: n.name, labels: n.labels, addresses: unique([...n.addresses, ...hostIps.get(n.name) ?? []]), declared: true, origin: n.origin,
      })),
      ...[...hostIps.keys()].filter((name) => !declaredNodes.has(name)).sort()
        .map((name) => ({ name, labels: {}, addresses: unique(hostIps.get(name)!), declared: false })),
    ];

    this._index = new ClusterIndex(this.namespaces, grouping.workloads, compiled, resolved, compiledClusterPolicies, this.nodes);
    this.findings.push(...priorityTies(compiledClusterPolicies, this._index, new PeerResolver(this._index)));
  }

  /**
   * @internal This model with more workloads, and the namespaces they need: what a cluster is
   * assumed to run besides the input (its DNS, for the lints). Policies, options and findings
   * are this model's.
   */
  public _withAssumed(workloads: readonly WorkloadObject[], namespaces: readonly NamespaceInfo[]): ClusterModel {
    const all = [...this._index.workloads, ...workloads];
    const allNamespaces = [...this.namespaces, ...namespaces];
    const copy = Object.create(ClusterModel.prototype) as ClusterModel;
    return Object.assign(copy, {
      ...this,
      namespaces: allNamespaces,
      workloads: [...this.workloads, ...workloadInfos(workloads, endpointNames(all).slice(this.workloads.length))],
      _index: new ClusterIndex(allNamespaces, all, this._index.policies, this._index.options, this._index.clusterPolicies, this._index.nodes),
    });
  }

  /**
   * Validates a ClusterNetworkPolicy like the API server with the CRD in `channel`, reports its
   * findings, and says whether it can be evaluated: valid, and with selectors that implementations
   * can apply.
   */
  private readClusterPolicy(policy: ClusterPolicyObject, channel: ClusterNetworkPolicyChannel): ClusterPolicyInfo {
    const subject = printable(`ClusterNetworkPolicy/${policy.name}`);
    let evaluated: boolean;
    if (ClusterNetworkPolicyValidator.isClusterNetworkPolicy(policy.manifest)) {
      const findings = checkClusterNetworkPolicy(policy.manifest, { channel });
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

/** The finding for a NetworkPolicy-kind object of another API group, or of none. */
function otherApiVersion(apiVersion: unknown, origin: string, subject: string): ModelFinding {
  const rule = 'NP-INPUT-API-VERSION';
  if (typeof apiVersion !== 'string' || apiVersion === '') {
    return { severity: FindingSeverity.ERROR, origin, subject, field: 'apiVersion', rule, message: 'has no apiVersion: this NetworkPolicy is not evaluated (use networking.k8s.io/v1)' };
  }
  if (apiVersion.startsWith('extensions/')) {
    // The API server stopped serving it in 1.16: it cannot be applied, as `check` also says.
    return {
      severity: FindingSeverity.ERROR,
      origin,
      subject,
      field: 'apiVersion',
      rule,
      message: `${JSON.stringify(apiVersion)} no longer serves NetworkPolicy (removed in Kubernetes 1.16): this NetworkPolicy is not evaluated; use networking.k8s.io/v1`,
    };
  }
  return {
    severity: FindingSeverity.WARNING,
    origin,
    subject,
    field: 'apiVersion',
    rule,
    message: `${JSON.stringify(apiVersion)} is not ${NETWORK_POLICY_GROUP}: this NetworkPolicy is not evaluated`,
  };
}

/**
 * A finding for each namespace selector that tests labels besides the namespace's name while
 * some namespace of the model has no Namespace object: its labels are unknown (taken as none),
 * so whether the selector matches it is a guess.
 */
function namespaceLabelFindings(policies: readonly CompiledPolicy[], undeclared: readonly string[]): ModelFinding[] {
  if (undeclared.length === 0) {
    return [];
  }
  const shown = undeclared.length > 5 ? `${undeclared.slice(0, 5).join(', ')} and ${undeclared.length - 5} more` : undeclared.join(', ');
  const findings: ModelFinding[] = [];
  for (const policy of policies) {
    for (const [direction, rules] of [['ingress', policy.ingress], ['egress', policy.egress]] as const) {
      for (const rule of rules ?? []) {
        (rule.peers ?? []).forEach((peer, p) => {
          const keys = [...new Set((peer.namespaceSelector?.requirements ?? []).map((r) => r.key).filter((key) => key !== NAMESPACE_NAME_LABEL))];
          if (keys.length === 0) {
            return;
          }
          findings.push({
            severity: FindingSeverity.WARNING,
            origin: policy.origin,
            subject: policy.id,
            field: `spec.${direction}[${rule.index}].${direction === 'ingress' ? 'from' : 'to'}[${p}].namespaceSelector`,
            rule: 'NP-INPUT-NAMESPACE-LABELS',
            message: `selects namespaces by their labels (${keys.join(', ')}), but the input has no Namespace object for ${shown}: `
              + 'their labels are unknown and taken to be none but kubernetes.io/metadata.name; add them (kubectl get ns -o yaml)',
          });
        });
      }
    }
  }
  return findings;
}

function workloadInfos(workloads: readonly WorkloadObject[], endpoints: readonly string[]): WorkloadInfo[] {
  return workloads.map((w, i) => ({
    endpoint: endpoints[i],
    namespaceName: w.namespaceName,
    name: w.name,
    kind: w.kind,
    labels: w.labels,
    ports: w.ports,
    ips: w.ipTexts,
    pods: w.pods,
    nodes: w.nodes,
    hostNetwork: w.hostNetwork,
    origin: w.origin,
  }));
}

/**
 * `namespace/name`, qualified with the kind where several kinds share a name, and `[n]` for
 * the groups of a workload whose pods differ; control characters escaped.
 */
function endpointNames(workloads: readonly WorkloadObject[]): string[] {
  const kinds = new Map<string, Set<string>>();
  workloads.forEach((w) => cached(kinds, `${w.namespaceName}/${w.name}`, () => new Set()).add(w.kind));
  return workloads.map((w) => {
    const plain = `${w.namespaceName}/${w.name}`;
    const name = kinds.get(plain)!.size > 1 ? `${w.namespaceName}/${w.kind.toLowerCase()}/${w.name}` : plain;
    return printable(w.group === undefined ? name : `${name}[${w.group}]`);
  });
}

function unique(texts: readonly string[]): string[] {
  return [...new Set(texts)];
}

function describeType(value: unknown): string {
  return value === null ? 'null' : Array.isArray(value) ? 'a list' : `a ${typeof value}`;
}

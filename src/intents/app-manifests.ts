import { ApiObject } from 'cdk8s';
import { IConstruct } from 'constructs';
import { ManifestDocument } from '../analysis/manifest-document';
import { ClusterNetworkPolicy } from '../constructs/cluster-network-policy';
import { NetworkPolicy } from '../constructs/network-policy';
import { SynthPasses } from '../constructs/synth-pass';
import { CLUSTER_NETWORK_POLICY_KIND } from '../k8s/kinds';
import { RenderingScope } from '../policy/rendering-scope';
import { ClusterNetworkPolicyChannel } from '../validation/cluster-network-policy-channel';

/**
 * The kinds `ClusterModel` reads (besides `*List`). Other objects are not rendered: rendering
 * is most of what the analysis adds to a synthesis.
 */
const MODEL_KINDS = new Set([
  'Namespace', 'NetworkPolicy', CLUSTER_NETWORK_POLICY_KIND, 'Pod',
  'Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet', 'ReplicationController', 'Job', 'CronJob',
]);

/** The app's objects as rendered for synthesis, with their construct paths. */
export interface AppManifests {
  readonly documents: ManifestDocument[];
  /**
   * Origins of the policies written by this library's `NetworkPolicy` and `ClusterNetworkPolicy`
   * constructs, which report their own validation errors.
   */
  readonly selfValidated: ReadonlySet<string>;
  /**
   * The ClusterNetworkPolicy CRD channel the app targets: experimental when one of its
   * `ClusterNetworkPolicy` constructs is, standard otherwise.
   */
  readonly clusterNetworkPolicyChannel: ClusterNetworkPolicyChannel;
  /** Equal for equal renderings, so the model built from one serves the other; computed once, when first asked. */
  fingerprint(): string;
}

/** Renders every ApiObject under `root` the cluster model needs, exactly as synthesis will. */
export function renderApp(root: IConstruct): AppManifests {
  // The objects the policies' validations rendered in this synthesis are not rendered again.
  return SynthPasses.of(root).rendering(() => renderAll(root));
}

function renderAll(root: IConstruct): AppManifests {
  const documents: ManifestDocument[] = [];
  const selfValidated = new Set<string>();
  let clusterNetworkPolicyChannel = ClusterNetworkPolicyChannel.STANDARD;
  for (const construct of root.node.findAll()) {
    if (construct instanceof ClusterNetworkPolicy && construct.channel === ClusterNetworkPolicyChannel.EXPERIMENTAL) {
      clusterNetworkPolicyChannel = ClusterNetworkPolicyChannel.EXPERIMENTAL;
    }
    if (!ApiObject.isApiObject(construct) || !(MODEL_KINDS.has(construct.kind) || construct.kind.endsWith('List'))) {
      continue;
    }
    const origin = construct.node.path;
    documents.push({ manifest: RenderingScope.toJson(construct), origin });
    if (construct.node.scope instanceof NetworkPolicy || construct.node.scope instanceof ClusterNetworkPolicy) {
      selfValidated.add(origin);
    }
  }
  let fingerprint: string | undefined;
  const fingerprintOnce = (): string => (fingerprint ??= JSON.stringify([clusterNetworkPolicyChannel, documents]));
  return { documents, selfValidated, clusterNetworkPolicyChannel, fingerprint: fingerprintOnce };
}

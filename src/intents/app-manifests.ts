import { ApiObject } from 'cdk8s';
import { IConstruct } from 'constructs';
import { ManifestDocument } from '../analysis/manifest-document';
import { NetworkPolicy } from '../constructs/network-policy';
import { WorkloadConstruct } from '../policy/workload-construct';

/**
 * The kinds `ClusterModel` reads (besides `*List`). Other objects are not rendered: rendering
 * is most of what the analysis adds to a synthesis.
 */
const MODEL_KINDS = new Set([
  'Namespace', 'NetworkPolicy', 'Pod',
  'Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet', 'ReplicationController', 'Job', 'CronJob',
]);

/** The app's objects as rendered for synthesis, with their construct paths. */
export interface AppManifests {
  readonly documents: ManifestDocument[];
  /**
   * Origins of the policies written by this library's `NetworkPolicy` construct, which reports
   * its own validation errors.
   */
  readonly selfValidated: ReadonlySet<string>;
  /** Equal for equal renderings, so the model built from one serves the other; computed once, when first asked. */
  fingerprint(): string;
}

/** Renders every ApiObject under `root` the cluster model needs, exactly as synthesis will. */
export function renderApp(root: IConstruct): AppManifests {
  // Each workload's template is read once for every policy that names it.
  return WorkloadConstruct.rendering(() => renderAll(root));
}

function renderAll(root: IConstruct): AppManifests {
  const documents: ManifestDocument[] = [];
  const selfValidated = new Set<string>();
  for (const construct of root.node.findAll()) {
    if (!ApiObject.isApiObject(construct) || !(MODEL_KINDS.has(construct.kind) || construct.kind.endsWith('List'))) {
      continue;
    }
    const origin = construct.node.path;
    documents.push({ manifest: construct.toJson(), origin });
    if (construct.node.scope instanceof NetworkPolicy) {
      selfValidated.add(origin);
    }
  }
  let fingerprint: string | undefined;
  return { documents, selfValidated, fingerprint: () => (fingerprint ??= JSON.stringify(documents)) };
}

/** Small builders for the manifests the analysis tests feed to ClusterModel. */
import { ManifestDocument } from '../../src/analysis';

export interface PodOptions {
  readonly labels?: Record<string, string>;
  readonly ports?: { name?: string; containerPort: number; protocol?: string }[];
  readonly ips?: string[];
  readonly hostNetwork?: boolean;
  /** The controller that owns it, as `Kind/name`. */
  readonly owner?: string;
  /** The node it runs on (pods only). */
  readonly node?: string;
  /** `spec.replicas` (workload objects only). */
  readonly replicas?: number;
}

function ownerReferences(owner: string | undefined): any {
  if (owner === undefined) {
    return undefined;
  }
  const [kind, name] = owner.split('/');
  return [{ apiVersion: 'apps/v1', kind, name, uid: `uid-${name}`, controller: true, blockOwnerDeletion: true }];
}

export function namespace(name: string, labels: Record<string, string> = {}): any {
  return { apiVersion: 'v1', kind: 'Namespace', metadata: { name, labels } };
}

export function pod(ref: string, options: PodOptions = {}): any {
  const [ns, name] = ref.split('/');
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, namespace: ns, labels: options.labels ?? { app: name }, ownerReferences: ownerReferences(options.owner) },
    spec: { hostNetwork: options.hostNetwork, nodeName: options.node, containers: [{ name: 'main', image: 'nginx', ports: options.ports ?? [] }] },
    status: options.ips ? { podIPs: options.ips.map((ip) => ({ ip })) } : undefined,
  };
}

/** A workload object of any kind with a pod template (CronJob's included), optionally owned. */
export function workload(kind: string, ref: string, options: PodOptions = {}): any {
  const [ns, name] = ref.split('/');
  const template = {
    metadata: { labels: options.labels ?? { app: name } },
    spec: { hostNetwork: options.hostNetwork, containers: [{ name: 'main', image: 'nginx', ports: options.ports ?? [] }] },
  };
  const spec = kind === 'CronJob' ? { schedule: '@daily', jobTemplate: { spec: { template } } } : { replicas: options.replicas, template };
  return { apiVersion: 'apps/v1', kind, metadata: { name, namespace: ns, labels: options.labels, ownerReferences: ownerReferences(options.owner) }, spec };
}

export function deployment(ref: string, options: PodOptions = {}): any {
  const [ns, name] = ref.split('/');
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name, namespace: ns },
    spec: {
      selector: { matchLabels: options.labels ?? { app: name } },
      template: {
        metadata: { labels: options.labels ?? { app: name } },
        spec: { hostNetwork: options.hostNetwork, containers: [{ name: 'main', image: 'nginx', ports: options.ports ?? [] }] },
      },
    },
  };
}

export function policy(ref: string, spec: any): any {
  const [ns, name] = ref.split('/');
  return { apiVersion: 'networking.k8s.io/v1', kind: 'NetworkPolicy', metadata: { name, namespace: ns }, spec };
}

export function clusterPolicy(name: string, spec: any): any {
  return { apiVersion: 'policy.networking.k8s.io/v1alpha2', kind: 'ClusterNetworkPolicy', metadata: { name }, spec };
}

/** Wraps manifests as documents with `file.yaml:<index>` origins. */
export function documents(...manifests: any[]): ManifestDocument[] {
  return manifests.map((manifest, i) => ({ manifest, origin: `file.yaml:${i}` }));
}

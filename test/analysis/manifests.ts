/** Small builders for the manifests the analysis tests feed to ClusterModel. */
import { ManifestDocument } from '../../src/analysis';

export interface PodOptions {
  readonly labels?: Record<string, string>;
  readonly ports?: { name?: string; containerPort: number; protocol?: string }[];
  readonly ips?: string[];
  readonly hostNetwork?: boolean;
}

export function namespace(name: string, labels: Record<string, string> = {}): any {
  return { apiVersion: 'v1', kind: 'Namespace', metadata: { name, labels } };
}

export function pod(ref: string, options: PodOptions = {}): any {
  const [ns, name] = ref.split('/');
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, namespace: ns, labels: options.labels ?? { app: name } },
    spec: { hostNetwork: options.hostNetwork, containers: [{ name: 'main', image: 'nginx', ports: options.ports ?? [] }] },
    status: options.ips ? { podIPs: options.ips.map((ip) => ({ ip })) } : undefined,
  };
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

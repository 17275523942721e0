import { ClusterModel } from '../../src/analysis/cluster-model';

/** Two workloads in `app`: `web` may reach `db` on TCP/5432, nothing else reaches `db`. */
export function twoTierModel(): ClusterModel {
  return ClusterModel.fromManifests(twoTierManifests().map((manifest, i) => ({ manifest, origin: `cluster.yaml:${i}` })));
}

/** The objects of `twoTierModel`. */
export function twoTierManifests(): any[] {
  const pod = (name: string, ports: any[] = []) => ({
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name, namespace: 'app' },
    spec: {
      selector: { matchLabels: { app: name } },
      template: { metadata: { labels: { app: name } }, spec: { containers: [{ name, image: name, ports }] } },
    },
  });
  const policy = {
    apiVersion: 'networking.k8s.io/v1',
    kind: 'NetworkPolicy',
    metadata: { name: 'db-from-web', namespace: 'app' },
    spec: { podSelector: { matchLabels: { app: 'db' } }, ingress: [{ from: [{ podSelector: { matchLabels: { app: 'web' } } }], ports: [{ port: 5432 }] }] },
  };
  return [pod('web'), pod('db', [{ containerPort: 5432, name: 'pg' }]), policy];
}

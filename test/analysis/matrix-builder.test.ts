import { deployment, documents, pod, policy } from './manifests';
import { ClusterModel } from '../../src/analysis';
import { ClusterIndex } from '../../src/analysis/cluster-index';
import { buildClassMatrix } from '../../src/analysis/matrix-builder';
import { NetworkPolicyLayer } from '../../src/analysis/network-policy-layer';
import { PeerResolver } from '../../src/analysis/peer-resolver';
import { checkPortQuery } from '../../src/analysis/port-target';
import { Protocol } from '../../src/k8s/protocol';

const index: ClusterIndex = ClusterModel.fromManifests(documents(
  deployment('x/web-1', { labels: { app: 'web' } }),
  deployment('x/web-2', { labels: { app: 'web' } }),
  deployment('x/db', { labels: { app: 'db' }, ports: [{ name: 'sql', containerPort: 5432 }] }),
  pod('x/host', { labels: { app: 'host' }, hostNetwork: true }),
  policy('x/db', { podSelector: { matchLabels: { app: 'db' } }, ingress: [{ from: [{ podSelector: { matchLabels: { app: 'web' } } }], ports: [{ port: 'sql' }] }] }),
  policy('x/web', { podSelector: { matchLabels: { app: 'web' } }, policyTypes: ['Egress'], egress: [{ to: [{ podSelector: { matchLabels: { app: 'db' } } }] }] }),
))._index;
const layers = [new NetworkPolicyLayer(index, new PeerResolver(index))];
const WEB = 0;
const DB = 1;
const HOST = 2;

const reach = (query: Parameters<typeof checkPortQuery>[0]) => {
  const matrix = buildClassMatrix(index, layers, checkPortQuery(query));
  const classes = [WEB, DB, HOST];
  const destinations = (source: number) => classes.filter((destination) => matrix.has(source, destination));
  return { web: destinations(WEB), db: destinations(DB), host: destinations(HOST), withPort: classes.filter((c) => matrix.hasPort.has(c)) };
};

describe('buildClassMatrix', () => {
  test('identical workloads form one class', () => {
    expect(index.classOfWorkload).toEqual([0, 0, 1, 2]);
  });

  test('intersects the egress rows with the ingress columns', () => {
    // web may only send to db; db admits web on its sql port only; hostNetwork pods are not isolated.
    expect(reach({ port: 5432 })).toEqual({ web: [DB], db: [WEB, HOST], host: [WEB, HOST], withPort: [WEB, DB, HOST] });
    expect(reach({ port: 80 })).toEqual({ web: [], db: [WEB, HOST], host: [WEB, HOST], withPort: [WEB, DB, HOST] });
  });

  test('a port name reaches only the classes that define it', () => {
    expect(reach({ portName: 'sql' })).toEqual({ web: [DB], db: [], host: [], withPort: [DB] });
    expect(reach({ portName: 'sql', protocol: Protocol.UDP })).toEqual({ web: [], db: [], host: [], withPort: [] });
  });
});

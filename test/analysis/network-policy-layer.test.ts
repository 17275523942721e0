import { documents, pod, policy } from './manifests';
import { ClusterModel } from '../../src/analysis';
import { Endpoint, EndpointResolver } from '../../src/analysis/endpoint';
import { evaluateSide } from '../../src/analysis/side-evaluation';
import { TrafficDirection } from '../../src/analysis/traffic-direction';

const model = ClusterModel.fromManifests(documents(
  pod('x/web', { labels: { app: 'web' }, ips: ['10.0.0.1'] }),
  pod('x/db', { labels: { app: 'db' }, ports: [{ name: 'sql', containerPort: 5432 }] }),
  pod('x/host', { labels: { app: 'web' }, hostNetwork: true }),
  policy('x/db', {
    podSelector: { matchLabels: { app: 'db' } },
    ingress: [
      { from: [{ podSelector: { matchLabels: { app: 'web' } } }], ports: [{ port: 'sql' }] },
      { from: [{ ipBlock: { cidr: '10.0.0.0/8' } }] },
      { ports: [{ port: 9999 }] },
    ],
  }),
  policy('x/web-egress', { podSelector: { matchLabels: { app: 'web' } }, policyTypes: ['Egress'] }),
));
const resolver = new EndpointResolver(model);
const at = (text: string): Endpoint => resolver.resolve(text, 'source');
const port = (n: number, destination: string) => ({ protocol: 'TCP', port: n, destinationPorts: model.workloads.find((w) => w.endpoint === destination)?.ports ?? [] });
const ruleIndexes = (side: ReturnType<typeof evaluateSide>) => side.admitted.map((a) => `${a.policy.id}#${a.rule.index}`);

describe('evaluateSide', () => {
  test('ingress: every admitting rule of every selecting policy', () => {
    const side = evaluateSide(model._index, TrafficDirection.INGRESS, at('x/db'), at('x/web'), port(5432, 'x/db'));
    expect(side.selecting.map((p) => p.id)).toEqual(['x/db']);
    expect(ruleIndexes(side)).toEqual(['x/db#0', 'x/db#1']);
  });

  test('a named port resolves on the destination (the subject, for ingress)', () => {
    expect(ruleIndexes(evaluateSide(model._index, TrafficDirection.INGRESS, at('x/db'), at('x/web'), port(80, 'x/db')))).toEqual(['x/db#1']);
  });

  test('outside peers: only ipBlock and all-peer rules', () => {
    expect(ruleIndexes(evaluateSide(model._index, TrafficDirection.INGRESS, at('x/db'), at('10.2.2.2'), port(9999, 'x/db')))).toEqual(['x/db#1', 'x/db#2']);
    expect(ruleIndexes(evaluateSide(model._index, TrafficDirection.INGRESS, at('x/db'), at('11.2.2.2'), port(5432, 'x/db')))).toEqual([]);
  });

  test('a hostNetwork peer is not matched by a pod selector', () => {
    expect(ruleIndexes(evaluateSide(model._index, TrafficDirection.INGRESS, at('x/db'), at('x/host'), port(5432, 'x/db')))).toEqual([]);
  });

  test('egress: selecting policies without rules admit nothing', () => {
    const side = evaluateSide(model._index, TrafficDirection.EGRESS, at('x/web'), at('x/db'), port(5432, 'x/db'));
    expect(side.selecting.map((p) => p.id)).toEqual(['x/web-egress']);
    expect(side.admitted).toEqual([]);
  });

  test.each(['x/host', '10.9.9.9', 'node'])('%s is not subject to policies', (subject) => {
    const side = evaluateSide(model._index, TrafficDirection.EGRESS, at(subject), at('x/db'), port(5432, 'x/db'));
    expect(side.selecting).toEqual([]);
  });
});

import { documents, pod, policy } from './manifests';
import { ClusterModel } from '../../src/analysis';
import { Endpoint, EndpointResolver } from '../../src/analysis/endpoint';
import { NetworkPolicyLayer } from '../../src/analysis/network-policy-layer';
import { PeerResolver } from '../../src/analysis/peer-resolver';
import { matchesClass, RuleOrder } from '../../src/analysis/side-rules';
import { DecisionOutcome } from '../../src/analysis/verdict';
import { TrafficDirection } from '../../src/k8s/traffic-direction';

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
const layer = new NetworkPolicyLayer(model._index, new PeerResolver(model._index));
const decide = (direction: TrafficDirection, subject: Endpoint, peer: Endpoint, connectionPort: ReturnType<typeof port>) =>
  layer.decide({ direction, subject, peer, port: connectionPort });
const ruleIndexes = (side: ReturnType<typeof decide>) => side.rules.map((r) => `${r.policy}#${r.ruleIndex}`);

describe('NetworkPolicyLayer.decide', () => {
  test('ingress: every admitting rule of every selecting policy', () => {
    const side = decide(TrafficDirection.INGRESS, at('x/db'), at('x/web'), port(5432, 'x/db'));
    expect(side.policies).toEqual(['x/db']);
    expect(ruleIndexes(side)).toEqual(['x/db#0', 'x/db#1']);
    expect(side.outcome).toBe(DecisionOutcome.ACCEPT);
  });

  test('a named port resolves on the destination (the subject, for ingress)', () => {
    expect(ruleIndexes(decide(TrafficDirection.INGRESS, at('x/db'), at('x/web'), port(80, 'x/db')))).toEqual(['x/db#1']);
  });

  test('outside peers: only ipBlock and all-peer rules', () => {
    expect(ruleIndexes(decide(TrafficDirection.INGRESS, at('x/db'), at('10.2.2.2'), port(9999, 'x/db')))).toEqual(['x/db#1', 'x/db#2']);
    expect(ruleIndexes(decide(TrafficDirection.INGRESS, at('x/db'), at('11.2.2.2'), port(5432, 'x/db')))).toEqual([]);
  });

  test('a hostNetwork peer is not matched by a pod selector', () => {
    expect(ruleIndexes(decide(TrafficDirection.INGRESS, at('x/db'), at('x/host'), port(5432, 'x/db')))).toEqual([]);
  });

  test('egress: selecting policies without rules admit nothing', () => {
    const side = decide(TrafficDirection.EGRESS, at('x/web'), at('x/db'), port(5432, 'x/db'));
    expect(side.policies).toEqual(['x/web-egress']);
    expect(side.rules).toEqual([]);
    expect(side).toMatchObject({ outcome: DecisionOutcome.DENY, reason: 'egress from x/web is isolated by x/web-egress, and none of its rules admits x/db' });
  });

  test.each(['x/host', '10.9.9.9', 'node'])('%s is not subject to policies', (subject) => {
    const side = decide(TrafficDirection.EGRESS, at(subject), at('x/db'), port(5432, 'x/db'));
    expect(side.policies).toEqual([]);
    expect(side.outcome).toBe(DecisionOutcome.NO_MATCH);
    expect(side.reason).toMatch(/^egress from \S+ is not subject to NetworkPolicy/);
  });
});

describe('NetworkPolicyLayer.sideRules', () => {
  const classOf = (endpoint: string) => model._index.classOfWorkload[model.workloads.findIndex((w) => w.endpoint === endpoint)];

  test('every rule of the isolating policies, in order, each admitting; nothing for a class no policy isolates', () => {
    const rules = layer.sideRules(TrafficDirection.INGRESS, classOf('x/db'))!;
    expect(rules.order).toBe(RuleOrder.ANY);
    expect(rules.rules.map((r) => [r.action, r.reference.policy, r.reference.ruleIndex])).toEqual([
      [DecisionOutcome.ACCEPT, 'x/db', 0], [DecisionOutcome.ACCEPT, 'x/db', 1], [DecisionOutcome.ACCEPT, 'x/db', 2],
    ]);
    // The pod selector matches web (not the hostNetwork pod), the ipBlock web's IP; the third rule has no peers.
    expect([0, 1].map((i) => matchesClass(rules.rules[i], classOf('x/web')))).toEqual([true, true]);
    expect(matchesClass(rules.rules[0], classOf('x/host'))).toBe(false);
    expect(rules.rules[2].peers).toBeUndefined();
    expect(layer.sideRules(TrafficDirection.INGRESS, classOf('x/web'))).toBeUndefined();
    expect(layer.sideRules(TrafficDirection.EGRESS, classOf('x/web'))!.rules).toEqual([]);
  });

  test('classes under the same policies share their rules', () => {
    expect(layer.sideRules(TrafficDirection.INGRESS, classOf('x/db'))).toBe(layer.sideRules(TrafficDirection.INGRESS, classOf('x/db')));
  });
});

import { documents, pod, policy } from './manifests';
import { ClusterModel } from '../../src/analysis';
import { ClassPorts } from '../../src/analysis/class-ports';
import { Endpoint, EndpointResolver } from '../../src/analysis/endpoint';
import { NetworkPolicyLayer } from '../../src/analysis/network-policy-layer';
import { PeerResolver } from '../../src/analysis/peer-resolver';
import { checkPortQuery } from '../../src/analysis/port-target';
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
const layer = new NetworkPolicyLayer(model._index);
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

describe('NetworkPolicyLayer.classDecisions', () => {
  const peers = new PeerResolver(model._index);
  const classOf = (endpoint: string) => model._index.classOfWorkload[model.workloads.findIndex((w) => w.endpoint === endpoint)];
  const members = (bitset: { forEach(visit: (m: number) => void): void }) => {
    const ids: number[] = [];
    bitset.forEach((m) => ids.push(m));
    return ids;
  };

  test('decides every peer of an isolated class, and nothing for the others', () => {
    const ports = new ClassPorts(model._index, checkPortQuery({ port: 5432 }));
    const ingress = layer.classDecisions(TrafficDirection.INGRESS, ports, peers);
    expect(ingress[classOf('x/web')]).toBeUndefined();
    const db = ingress[classOf('x/db')]!;
    expect(db.decided.isFull()).toBe(true);
    // Port 5432 is db's sql port: web by the named-port rule, and the 10.0.0.0/8 block (web's IP) on any port.
    expect(members(db.accept)).toEqual([classOf('x/web')]);
  });

  test('egress accepts only destinations that have the port', () => {
    const ports = new ClassPorts(model._index, checkPortQuery({ portName: 'sql' }));
    const egress = layer.classDecisions(TrafficDirection.EGRESS, ports, peers);
    expect(members(egress[classOf('x/web')]!.accept)).toEqual([]);
    expect(egress[classOf('x/db')]).toBeUndefined();
  });
});

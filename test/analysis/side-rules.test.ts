import { documents, pod } from './manifests';
import { ClusterModel } from '../../src/analysis';
import { ClassPorts } from '../../src/analysis/class-ports';
import { PortRanges } from '../../src/analysis/port-ranges';
import { PortSet } from '../../src/analysis/port-set';
import { checkPortQuery } from '../../src/analysis/port-target';
import { classDecisions, decidedPorts, LayerRule, RuleOrder, SideRules } from '../../src/analysis/side-rules';
import { DecisionOutcome } from '../../src/analysis/verdict';
import { Protocol } from '../../src/k8s/protocol';
import { TrafficDirection } from '../../src/k8s/traffic-direction';

// Three pod classes: a (http on 8080), b (http on 9090), c (no ports).
const model = ClusterModel.fromManifests(documents(
  pod('x/a', { labels: { app: 'a' }, ports: [{ name: 'http', containerPort: 8080 }] }),
  pod('x/b', { labels: { app: 'b' }, ports: [{ name: 'http', containerPort: 9090 }] }),
  pod('x/c', { labels: { app: 'c' } }),
));
const [A, B, C] = ['x/a', 'x/b', 'x/c'].map((e) => model._index.classOfWorkload[model.workloads.findIndex((w) => w.endpoint === e)]);
const portsOf = (c: number) => model._index.classes[c].ports;

let n = 0;
const rule = (action: DecisionOutcome, peers: number[] | undefined, ports: Parameters<typeof PortSet.fromRulePorts>[0]): LayerRule => ({
  action,
  peers: peers && [[...peers].sort()],
  ports: PortSet.fromRulePorts(ports),
  reference: { policy: 'p', origin: 'o', direction: TrafficDirection.EGRESS, ruleIndex: n++ },
  signature: `rule ${n}`,
});
const first = (...rules: LayerRule[]): SideRules => ({ key: `first ${rules.map((r) => r.reference.ruleIndex)}`, order: RuleOrder.FIRST, rules });
const any = (...rules: LayerRule[]): SideRules => ({ key: `any ${rules.map((r) => r.reference.ruleIndex)}`, order: RuleOrder.ANY, rules });
const text = ({ accept, decided }: { accept: PortRanges; decided: PortRanges }) => ({ accept: accept.toString(), decided: decided.toString() });

describe('decidedPorts', () => {
  test('ANY: the union of the matching rules is accepted, everything is decided', () => {
    const rules = any(rule(DecisionOutcome.ACCEPT, [A], [{ port: 80 }]), rule(DecisionOutcome.ACCEPT, undefined, [{ port: 'http' }]), rule(DecisionOutcome.ACCEPT, [B], [{ port: 443 }]));
    expect(text(decidedPorts(rules, A, portsOf(A)))).toEqual({ accept: 'TCP 80, 8080', decided: 'TCP 1-65535; UDP 1-65535; SCTP 1-65535' });
    expect(text(decidedPorts(rules, C, portsOf(C)))).toEqual({ accept: '', decided: 'TCP 1-65535; UDP 1-65535; SCTP 1-65535' });
  });

  test('FIRST: each port goes to the first matching rule; Pass decides nothing and hides the rules after it', () => {
    const rules = first(
      rule(DecisionOutcome.PASS, [A], [{ port: 22 }]),
      rule(DecisionOutcome.DENY, undefined, [{ port: 1, endPort: 1024 }]),
      rule(DecisionOutcome.ACCEPT, [A, B], [{ port: 'http' }, { protocol: Protocol.UDP, port: 53 }]),
      rule(DecisionOutcome.ACCEPT, undefined, [{ port: 22 }]),
    );
    // For a: 22 passes (not decided; the later Accept of 22 never applies), 1-1024 otherwise denied, http (8080) and UDP 53 accepted.
    expect(text(decidedPorts(rules, A, portsOf(A)))).toEqual({ accept: 'TCP 8080; UDP 53', decided: 'TCP 1-21, 23-1024, 8080; UDP 53' });
    // For c: no named port to resolve; 22 is caught by the Deny first.
    expect(text(decidedPorts(rules, C, portsOf(C)))).toEqual({ accept: '', decided: 'TCP 1-1024' });
  });
});

describe('classDecisions (one port)', () => {
  const rules = first(
    rule(DecisionOutcome.PASS, [A], [{ port: 22 }]),
    rule(DecisionOutcome.DENY, undefined, [{ port: 1, endPort: 1024 }]),
    rule(DecisionOutcome.ACCEPT, [A, B], [{ port: 'http' }]),
  );
  const members = (set: { has(m: number): boolean }) => [A, B, C].filter((c) => set.has(c));

  test.each([
    ['TCP/22: a passes, b and c are denied', { port: 22 }, [], [B, C]],
    ['TCP/8080: only a has it as http', { port: 8080 }, [A], [A]],
    ['TCP/9090: only b has it as http', { port: 9090 }, [B], [B]],
    ['http by name: on a and b', { portName: 'http' }, [A, B], [A, B]],
  ])('egress, %s', (_, query, accepted, decided) => {
    const port = new ClassPorts(model._index, checkPortQuery(query));
    const [decision] = classDecisions(model._index.classes.length, TrafficDirection.EGRESS, port, () => rules);
    expect([members(decision!.accept), members(decision!.decided)]).toEqual([accepted, decided]);
  });

  test('the same decisions as decidedPorts, port by port', () => {
    for (const number of [22, 80, 1024, 1025, 8080, 9090]) {
      const port = new ClassPorts(model._index, checkPortQuery({ port: number }));
      const decision = classDecisions(model._index.classes.length, TrafficDirection.EGRESS, port, () => rules)[A]!;
      for (const peer of [A, B, C]) {
        const ports = decidedPorts(rules, peer, portsOf(peer));
        expect([peer, number, decision.accept.has(peer), decision.decided.has(peer)])
          .toEqual([peer, number, ports.accept.contains(Protocol.TCP, number), ports.decided.contains(Protocol.TCP, number)]);
      }
    }
  });

  test('no rules: no decision', () => {
    const port = new ClassPorts(model._index, checkPortQuery({ port: 80 }));
    expect(classDecisions(3, TrafficDirection.INGRESS, port, () => undefined)).toEqual([undefined, undefined, undefined]);
  });
});

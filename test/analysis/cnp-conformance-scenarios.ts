/**
 * The upstream ClusterNetworkPolicy conformance scenarios, step by step. Each scenario starts from
 * the policies its manifest declares; each step applies the change the upstream test makes before
 * probing (changes accumulate, as on a live cluster) and lists the connections it probes.
 *
 * A probe row is `[route, upstream, derived?]`: the route as `G0>R1 TCP/80` (short pod names, see
 * `endpoint`), what the upstream test asserts (`A` allowed, `D` denied, `-` for a connection it does
 * not probe), and, for a subset, the verdict we worked out ourselves from the evaluation model
 * (reference §3) by reading the policies. A `-` row must carry our own verdict.
 */
import {
  byHouse, byName, cnp, copy, House, HOST_PORTS, houseNamespace, houseStudents, onPort, podIp, swapRules,
} from './conformance-cluster';
import { policy } from './manifests';
import { Protocol } from '../../src/k8s/protocol';

type Verdict = 'A' | 'D';
type Row = [string, Verdict | '-', Verdict?];

export interface Probe {
  readonly from: string;
  readonly to: string;
  readonly protocol: Protocol;
  readonly port: number;
  /** Undefined where the upstream test asserts nothing about this connection. */
  readonly upstream?: boolean;
  readonly derived?: boolean;
}

export interface Step {
  readonly title: string;
  /** The policies in force (ClusterNetworkPolicies and NetworkPolicies). */
  readonly policies: any[];
  readonly probes: Probe[];
}

export interface Scenario {
  readonly name: string;
  /** Uses experimental-channel features (node peers, named ports as a conformance feature). */
  readonly experimental: boolean;
  readonly steps: Step[];
}

function probe([route, upstream, derived]: Row): Probe {
  const match = /^(\w\d)>(\w\d) (TCP|UDP|SCTP)\/(\d+)$/.exec(route);
  if (!match) throw new Error(`bad probe ${route}`);
  if (upstream === '-' && derived === undefined) throw new Error(`probe ${route} has no verdict at all`);
  return {
    from: match[1],
    to: match[2],
    protocol: match[3] as Protocol,
    port: Number(match[4]),
    upstream: upstream === '-' ? undefined : upstream === 'A',
    derived: derived === undefined ? undefined : derived === 'A',
  };
}

/** Accumulates a scenario's steps: each step copies the previous policies, then changes them. */
class ScenarioBuilder {
  public readonly steps: Step[] = [];

  constructor(private policies: any[]) {}

  public step(title: string, rows: Row[], change?: (policies: any[]) => any[] | void): this {
    if (change) {
      const changed = copy(this.policies);
      this.policies = change(changed) ?? changed;
    }
    this.steps.push({ title, policies: this.policies, probes: rows.map(probe) });
    return this;
  }
}

type Direction = 'ingress' | 'egress';

interface LadderOptions {
  readonly name: string;
  readonly tier: 'Admin' | 'Baseline';
  readonly priority: number;
  readonly subject: House;
  readonly direction: Direction;
  /** Every port of this house: accepted, then denied, then (Admin) passed. */
  readonly whole: House;
  /** This house on these ports: denied, then (Admin) passed. */
  readonly blocked: House;
  readonly blockedPorts: any[];
  /** This house on these ports accepted, on every other port denied. */
  readonly opened: House;
  readonly openedPorts: any[];
}

/**
 * The rule list the protocol scenarios share: contradictory rules one after the other, so that
 * only the written order decides. Admin lists carry Pass rules; Baseline lists do not.
 */
function ladder(o: LadderOptions): any {
  const side = o.direction === 'egress' ? 'to' : 'from';
  const rule = (action: string, house: House, protocols?: any[]) => ({
    name: `${action.toLowerCase()}-${house}${protocols ? '-some-ports' : ''}`,
    action,
    [side]: [{ namespaces: byName(house) }],
    ...protocols ? { protocols } : {},
  });
  const admin = o.tier === 'Admin';
  const rules = [
    rule('Accept', o.whole), rule('Deny', o.whole), ...admin ? [rule('Pass', o.whole)] : [],
    rule('Deny', o.blocked, o.blockedPorts), ...admin ? [rule('Pass', o.blocked, o.blockedPorts)] : [],
    rule('Accept', o.opened, o.openedPorts), rule('Deny', o.opened),
  ];
  return cnp(o.name, { tier: o.tier, priority: o.priority, subject: { namespaces: byName(o.subject) }, [o.direction]: rules });
}

const tcp = (port: number) => onPort(Protocol.TCP, port);
const udp = (port: number) => onPort(Protocol.UDP, port);
const sctp = (port: number) => onPort(Protocol.SCTP, port);

// Indexes in the Admin ladder: 0-2 the whole house (Accept, Deny, Pass), 3-4 the blocked ports (Deny, Pass),
// 5-6 the opened house (Accept its ports, Deny the rest). Baseline: 0-1, 2, 3-4.
const swap = (direction: Direction, i: number, j: number) => (ps: any[]) => swapRules(ps[0], direction, i, j);

function adminProtocolScenario(direction: Direction, protocol: string, policyFor: LadderOptions, rows: Row[][]): Scenario {
  const b = new ScenarioBuilder([ladder(policyFor)])
    .step('accept the whole house (rule order: Accept before Deny)', rows[0])
    .step('accept one port of a house, deny the rest', rows[1]);
  if (rows.length === 7) b.step(`a policy with ${direction} rules only leaves the other direction alone`, rows[6]);
  b.step('swap Accept and Deny: the Deny now comes first', rows[2], swap(direction, 0, 1))
    .step('deny one port of a house; other ports match nothing', rows[3])
    .step('move Pass to the front: traffic falls through to the default allow', rows[4], swap(direction, 0, 2))
    .step('put the Pass before the port Deny', rows[5], swap(direction, 3, 4));
  return { name: `CNPAdminTier${direction === 'egress' ? 'Egress' : 'Ingress'}${protocol}`, experimental: false, steps: b.steps };
}

/** The Baseline protocol scenarios: the Admin steps without the Pass ones. */
function baselineProtocolScenario(direction: Direction, protocol: string, policyFor: Omit<LadderOptions, 'name' | 'tier' | 'priority' | 'direction'>, rows: Row[][]): Scenario {
  const steps = new ScenarioBuilder([ladder({ ...policyFor, name: 'default', tier: 'Baseline', priority: 10, direction })])
    .step('accept the whole house (rule order: Accept before Deny)', rows[0])
    .step('accept one port of a house, deny the rest', rows[1])
    .step('swap Accept and Deny: the Deny now comes first', rows[2], swap(direction, 0, 1))
    .step('deny one port of a house; other ports match nothing', rows[3])
    .steps;
  return { name: `CNPBaselineTier${direction === 'egress' ? 'Egress' : 'Ingress'}${protocol}`, experimental: false, steps };
}

function scenarios(): Scenario[] {
  const all: Scenario[] = [];

  // Admin tier, one protocol per scenario.
  all.push(adminProtocolScenario('egress', 'TCP', {
    name: 'egress-tcp',
    tier: 'Admin',
    priority: 6,
    subject: 'gryffindor',
    direction: 'egress',
    whole: 'ravenclaw',
    blocked: 'slytherin',
    blockedPorts: [tcp(80)],
    opened: 'hufflepuff',
    openedPorts: [tcp(8080)],
  }, [
    [['G0>R0 TCP/80', 'A', 'A'], ['G1>R0 TCP/8080', 'A', 'A']],
    [['G0>H1 TCP/8080', 'A', 'A'], ['G1>H1 TCP/80', 'D', 'D']],
    [['G0>R1 TCP/80', 'D', 'D'], ['G1>R1 TCP/8080', 'D', 'D']],
    [['G0>S0 TCP/80', 'D', 'D'], ['G1>S0 TCP/8080', 'A', 'A']],
    [['G0>R0 TCP/80', 'A', 'A'], ['G1>R0 TCP/8080', 'A', 'A']],
    [['G0>S0 TCP/80', 'A', 'A'], ['G1>S0 TCP/8080', 'A', 'A']],
  ]));
  all.push(adminProtocolScenario('egress', 'UDP', {
    name: 'egress-udp',
    tier: 'Admin',
    priority: 7,
    subject: 'hufflepuff',
    direction: 'egress',
    whole: 'ravenclaw',
    blocked: 'slytherin',
    blockedPorts: [udp(5353)],
    opened: 'gryffindor',
    openedPorts: [udp(53)],
  }, [
    [['H0>R0 UDP/53', 'A'], ['H1>R0 UDP/5353', 'A']],
    [['H0>G1 UDP/53', 'A'], ['H1>G1 UDP/5353', 'D']],
    [['H0>R1 UDP/53', 'D'], ['H1>R1 UDP/5353', 'D']],
    [['H0>S0 UDP/5353', 'D'], ['H1>S0 UDP/53', 'A']],
    [['H0>R1 UDP/5353', 'A'], ['H1>R1 UDP/53', 'A']],
    [['H0>S0 UDP/5353', 'A'], ['H1>S0 UDP/53', 'A']],
  ]));
  all.push(adminProtocolScenario('egress', 'SCTP', {
    name: 'egress-sctp',
    tier: 'Admin',
    priority: 8,
    subject: 'ravenclaw',
    direction: 'egress',
    whole: 'gryffindor',
    blocked: 'slytherin',
    blockedPorts: [sctp(9003)],
    opened: 'hufflepuff',
    openedPorts: [sctp(9003)],
  }, [
    [['R0>G0 SCTP/9003', 'A'], ['R1>G0 SCTP/9005', 'A']],
    [['R0>H1 SCTP/9003', 'A'], ['R1>H1 SCTP/9005', 'D']],
    [['R0>G1 SCTP/9003', 'D'], ['R1>G1 SCTP/9005', 'D']],
    [['R0>S0 SCTP/9003', 'D'], ['R1>S0 SCTP/9005', 'A']],
    [['R0>G1 SCTP/9003', 'A'], ['R1>G1 SCTP/9005', 'A']],
    [['R0>S0 SCTP/9003', 'A'], ['R1>S0 SCTP/9005', 'A']],
  ]));
  all.push(adminProtocolScenario('ingress', 'TCP', {
    name: 'ingress-tcp',
    tier: 'Admin',
    priority: 3,
    subject: 'gryffindor',
    direction: 'ingress',
    whole: 'ravenclaw',
    blocked: 'slytherin',
    blockedPorts: [tcp(80)],
    opened: 'hufflepuff',
    openedPorts: [tcp(80)],
  }, [
    [['R0>G0 TCP/80', 'A'], ['R1>G0 TCP/8080', 'A']],
    [['H0>G1 TCP/80', 'A'], ['H1>G1 TCP/8080', 'D']],
    [['R0>G1 TCP/80', 'D'], ['R1>G1 TCP/8080', 'D']],
    [['S0>G0 TCP/80', 'D'], ['S1>G0 TCP/8080', 'A']],
    [['R0>G0 TCP/80', 'A'], ['R1>G0 TCP/8080', 'A']],
    [['S0>G0 TCP/80', 'A'], ['S1>G0 TCP/8080', 'A']],
    // The subject's own egress, even where its ingress rules would deny the reverse direction.
    [['G0>R0 TCP/80', 'A', 'A'], ['G1>S0 TCP/80', 'A', 'A']],
  ]));
  all.push(adminProtocolScenario('ingress', 'UDP', {
    name: 'ingress-udp',
    tier: 'Admin',
    priority: 4,
    subject: 'hufflepuff',
    direction: 'ingress',
    whole: 'ravenclaw',
    blocked: 'slytherin',
    blockedPorts: [udp(5353)],
    opened: 'gryffindor',
    openedPorts: [udp(53)],
  }, [
    [['R0>H0 UDP/53', 'A', 'A'], ['R1>H0 UDP/5353', 'A', 'A']],
    [['G0>H1 UDP/53', 'A', 'A'], ['G1>H1 UDP/5353', 'D', 'D']],
    [['R0>H1 UDP/53', 'D', 'D'], ['R1>H1 UDP/5353', 'D', 'D']],
    [['S0>H0 UDP/5353', 'D', 'D'], ['S1>H0 UDP/53', 'A', 'A']],
    [['R0>H1 UDP/5353', 'A', 'A'], ['R1>H1 UDP/53', 'A', 'A']],
    [['S0>H0 UDP/5353', 'A', 'A'], ['S1>H0 UDP/53', 'A', 'A']],
  ]));
  all.push(adminProtocolScenario('ingress', 'SCTP', {
    name: 'ingress-sctp',
    tier: 'Admin',
    priority: 5,
    subject: 'ravenclaw',
    direction: 'ingress',
    whole: 'gryffindor',
    blocked: 'slytherin',
    blockedPorts: [sctp(9003)],
    opened: 'hufflepuff',
    openedPorts: [sctp(9003)],
  }, [
    [['G0>R0 SCTP/9003', 'A'], ['G1>R0 SCTP/9005', 'A']],
    [['H0>R1 SCTP/9003', 'A'], ['H1>R1 SCTP/9005', 'D']],
    [['G0>R1 SCTP/9003', 'D'], ['G1>R1 SCTP/9005', 'D']],
    [['S0>R0 SCTP/9003', 'D'], ['S1>R0 SCTP/9005', 'A']],
    [['G0>R1 SCTP/9003', 'A'], ['G1>R1 SCTP/9005', 'A']],
    [['S0>R0 SCTP/9003', 'A'], ['S1>R0 SCTP/9005', 'A']],
  ]));

  // Both directions and every protocol in one policy; the Admin version adds the Pass steps.
  const both = (i: number, j: number) => (ps: any[]) => {
    swapRules(ps[0], 'egress', i, j);
    swapRules(ps[0], 'ingress', i, j);
  };
  for (const tier of ['Admin', 'Baseline'] as const) {
    const admin = tier === 'Admin';
    const gress = (direction: Direction, opened: any[]) => ladder({
      name: admin ? 'gress-rules' : 'default',
      tier,
      priority: admin ? 15 : 10,
      subject: 'gryffindor',
      direction,
      whole: 'ravenclaw',
      blocked: 'slytherin',
      blockedPorts: [tcp(80), udp(53), sctp(9003)],
      opened: 'hufflepuff',
      openedPorts: opened,
    });
    const egressHalf = gress('egress', [tcp(8080), udp(5353), sctp(9003)]);
    const ingressHalf = gress('ingress', [tcp(80), udp(5353), sctp(9003)]);
    const b = new ScenarioBuilder([cnp(egressHalf.metadata.name, { ...egressHalf.spec, ingress: ingressHalf.spec.ingress })])
      .step('accept the whole house, every protocol, both directions', [
        ['G0>R0 TCP/80', 'A'], ['G1>R0 UDP/53', 'A'], ['G0>R0 SCTP/9003', 'A'],
        ['R0>G0 TCP/80', 'A'], ['R1>G0 UDP/53', 'A'], ['R1>G0 SCTP/9003', 'A'],
      ])
      .step('accept listed ports of a house per protocol, deny the rest', [
        ['G0>H1 TCP/8080', 'A'], ['G1>H1 TCP/80', 'D'], ['G0>H1 UDP/5353', 'A'], ['G1>H1 UDP/53', 'D'],
        ['G0>H1 SCTP/9003', 'A'], ['G1>H1 SCTP/9005', 'D'],
        ['H0>G1 TCP/80', 'A'], ['H1>G1 TCP/8080', 'D'], ['H0>G1 UDP/5353', 'A'], ['H1>G1 UDP/53', 'D'],
        ['H0>G1 SCTP/9003', 'A'], ['H1>G1 SCTP/9005', 'D'],
      ])
      .step('swap Accept and Deny in both directions', [
        ['G0>R1 TCP/80', 'D'], ['G1>R1 UDP/53', 'D'], ['G0>R1 SCTP/9003', 'D'],
        ['R0>G1 TCP/80', 'D'], ['R1>G1 UDP/53', 'D'], ['R1>G1 SCTP/9003', 'D'],
      ], both(0, 1))
      .step('deny listed ports of a house; other ports match nothing', [
        ['G0>S0 TCP/80', 'D', 'D'], ['G1>S0 TCP/8080', 'A', 'A'], ['G0>S0 UDP/53', 'D', 'D'], ['G1>S0 UDP/5353', 'A', 'A'],
        ['G0>S0 SCTP/9003', 'D', 'D'], ['G1>S0 SCTP/9005', 'A', 'A'],
        ['S0>G0 TCP/80', 'D', 'D'], ['S1>G0 TCP/8080', 'A', 'A'], ['S0>G0 UDP/53', 'D', 'D'], ['S1>G0 UDP/5353', 'A', 'A'],
        ['S0>G0 SCTP/9003', 'D', 'D'], ['S1>G0 SCTP/9005', 'A', 'A'],
      ]);
    if (admin) {
      b.step('move Pass to the front in both directions', [
        ['G0>R0 TCP/80', 'A'], ['G0>R0 UDP/5353', 'A'], ['G0>R0 SCTP/9003', 'A'],
        ['R0>G0 TCP/80', 'A'], ['R1>G0 UDP/53', 'A'], ['R1>G0 SCTP/9003', 'A'],
      ], both(0, 2))
        .step('put the port Pass before the port Deny in both directions', [
          ['G0>S0 TCP/80', 'A'], ['G1>S0 TCP/8080', 'A'], ['G0>S0 UDP/53', 'A'], ['G1>S0 UDP/5353', 'A'],
          ['G0>S0 SCTP/9003', 'A'], ['G1>S0 SCTP/9005', 'A'],
          ['S0>G0 TCP/80', 'A'], ['S1>G0 TCP/8080', 'A'], ['S0>G0 UDP/53', 'A'], ['S1>G0 UDP/5353', 'A'],
          ['S0>G0 SCTP/9003', 'A'], ['S1>G0 SCTP/9005', 'A'],
        ], both(3, 4));
    }
    all.push({ name: `CNP${tier}TierGress`, experimental: false, steps: b.steps });
  }

  // Admin Pass hands over to the NetworkPolicy tier, and past it to Baseline once the NetworkPolicy is gone.
  const denySlytherin = (name: string, tier: string) => cnp(name, {
    tier,
    priority: 10,
    subject: { namespaces: byHouse('gryffindor') },
    ingress: [{ name: 'no-slytherin-in', action: 'Deny', from: [{ namespaces: byHouse('slytherin') }] }],
    egress: [{ name: 'no-slytherin-out', action: 'Deny', to: [{ namespaces: byHouse('slytherin') }] }],
  });
  const friendly = policy(`${houseNamespace('gryffindor')}/slytherin-both-ways`, {
    podSelector: {},
    policyTypes: ['Ingress', 'Egress'],
    ingress: [{ from: [{ namespaceSelector: byHouse('slytherin') }] }],
    egress: [{ to: [{ namespaceSelector: byHouse('slytherin') }] }],
  });
  all.push({
    name: 'CNPAdminTierIntegration',
    experimental: false,
    steps: new ScenarioBuilder([denySlytherin('pass-example', 'Admin'), friendly, denySlytherin('default', 'Baseline')])
      .step('the Admin Deny wins over the NetworkPolicy (ingress)', [['S0>G0 TCP/80', 'D', 'D'], ['S1>G0 TCP/8080', 'D', 'D']])
      .step('the Admin Deny wins over the NetworkPolicy (egress)', [['G0>S0 TCP/80', 'D', 'D'], ['G1>S0 TCP/8080', 'D', 'D']])
      .step('Admin ingress rule turned to Pass: the NetworkPolicy accepts', [['S0>G0 TCP/80', 'A', 'A'], ['S1>G0 TCP/8080', 'A', 'A']],
        (ps) => { ps[0].spec.ingress[0].action = 'Pass'; })
      .step('Admin egress rule turned to Pass: the NetworkPolicy accepts', [['G0>S0 TCP/80', 'A', 'A'], ['G1>S0 TCP/8080', 'A', 'A']],
        (ps) => { ps[0].spec.egress[0].action = 'Pass'; })
      .step('NetworkPolicy deleted: the Pass reaches the Baseline Deny (ingress)', [['S0>G0 TCP/80', 'D', 'D'], ['S1>G0 TCP/8080', 'D', 'D']],
        (ps) => ps.filter((p) => p.kind !== 'NetworkPolicy'))
      .step('NetworkPolicy deleted: the Pass reaches the Baseline Deny (egress)', [['G0>S0 TCP/80', 'D', 'D'], ['G1>S0 TCP/8080', 'D', 'D']])
      .steps,
  });

  // Priority: the lower number goes first.
  const both2 = (name: string, tier: string, priority: number, action: string) => cnp(name, {
    tier,
    priority,
    subject: { pods: houseStudents('gryffindor') },
    ingress: [{ name: `${action.toLowerCase()}-slytherin-in`, action, from: [{ pods: houseStudents('slytherin') }] }],
    egress: [{ name: `${action.toLowerCase()}-slytherin-out`, action, to: [{ pods: houseStudents('slytherin') }] }],
  });
  all.push({
    name: 'CNPAdminTierPriorityField',
    experimental: false,
    steps: new ScenarioBuilder([
      both2('priority-50-example', 'Admin', 50, 'Deny'), both2('old-priority-60-new-priority-40-example', 'Admin', 60, 'Pass'),
      both2('default', 'Baseline', 10, 'Accept'),
    ])
      .step('the Deny at 50 goes before the Pass at 60 (ingress)', [['S0>G0 TCP/80', 'D', 'D'], ['S1>G0 TCP/8080', 'D', 'D']])
      .step('the Deny at 50 goes before the Pass at 60 (egress)', [['G0>S0 TCP/80', 'D', 'D'], ['G1>S0 TCP/8080', 'D', 'D']])
      .step('the Pass moved to 40 now goes first and reaches the Baseline Accept', [
        ['S0>G0 TCP/80', 'A', 'A'], ['S1>G0 TCP/8080', 'A', 'A'], ['G0>S0 TCP/80', 'A', 'A'], ['G1>S0 TCP/8080', 'A', 'A'],
      ], (ps) => { ps[1].spec.priority = 40; })
      .steps,
  });

  // `networks` peers match pod IPs: a deny-all CIDR blocks pod traffic; a /32 Accept before it opens one pod.
  for (const tier of ['Admin', 'Baseline'] as const) {
    const admin = tier === 'Admin';
    const everywhere = ['R0', 'H0'].flatMap((to) => [`G1>${to} TCP/80`, `G1>${to} UDP/53`, `G1>${to} SCTP/9003`]);
    const elsewhere = ['R1', 'H1'].flatMap((to) => [`G1>${to} TCP/80`, `G1>${to} UDP/53`, `G1>${to} SCTP/9003`]);
    const slytherin = ['G1>S0 TCP/80', 'G1>S0 UDP/53', 'G1>S0 SCTP/9003'];
    all.push({
      name: `CNP${tier}TierEgressInlineCIDRPeers`,
      experimental: false,
      steps: new ScenarioBuilder([cnp(admin ? 'inline-cidr-as-peers-example' : 'default', {
        tier,
        priority: admin ? 85 : 10,
        subject: admin ? { pods: houseStudents('gryffindor') } : { namespaces: byName('gryffindor') },
        egress: [
          { name: 'slytherin-welcome', action: 'Accept', to: [{ pods: houseStudents('slytherin') }] },
          { name: 'nothing-else', action: 'Deny', to: [{ networks: ['0.0.0.0/0', '::/0'] }] },
        ],
      })])
        .step('deny every address, pods included, after accepting one house', [
          ...everywhere.map((r): Row => [r, 'D', 'D']), ...slytherin.map((r): Row => [r, 'A', 'A']),
        ])
        .step('accept two pod IPs as /32 networks before the deny', [
          ...everywhere.map((r): Row => [r, 'A', 'A']), ...elsewhere.map((r): Row => [r, 'D', 'D']),
        ], (ps) => {
          ps[0].spec.egress.unshift({ name: 'two-pods', action: 'Accept', to: [{ networks: [`${podIp('R0')}/32`, `${podIp('H0')}/32`] }] });
        })
        .steps,
    });
  }

  // Named ports resolve on the destination pod (experimental conformance feature).
  all.push({
    name: 'CNPAdminTierEgressNamedPort',
    experimental: true,
    steps: new ScenarioBuilder([ladder({
      name: 'egress-tcp',
      tier: 'Admin',
      priority: 6,
      subject: 'gryffindor',
      direction: 'egress',
      whole: 'ravenclaw',
      blocked: 'slytherin',
      blockedPorts: [tcp(80)],
      opened: 'hufflepuff',
      openedPorts: [tcp(8080)],
    })])
      .step('the opened port becomes the named port web (TCP 80)', [['G0>H1 TCP/80', 'A', 'A'], ['G1>H1 TCP/8080', 'D', 'D']],
        (ps) => { ps[0].spec.egress[5].protocols = [{ destinationNamedPort: 'web' }]; })
      .steps,
  });
  all.push({
    name: 'CNPAdminTierIngressNamedPort',
    experimental: true,
    steps: new ScenarioBuilder([ladder({
      name: 'ingress-udp',
      tier: 'Admin',
      priority: 4,
      subject: 'hufflepuff',
      direction: 'ingress',
      whole: 'ravenclaw',
      blocked: 'slytherin',
      blockedPorts: [udp(5353)],
      opened: 'gryffindor',
      openedPorts: [udp(53)],
    })])
      .step('the opened port becomes the named port dns (UDP 53)', [['G0>H1 UDP/53', 'A', 'A'], ['G1>H1 UDP/5353', 'D', 'D']],
        (ps) => { ps[0].spec.ingress[5].protocols = [{ destinationNamedPort: 'dns' }]; })
      .steps,
  });

  // Node peers reach a host-network pod by its node's address (experimental).
  const hostPort = (i: number) => `${HOST_PORTS[i].protocol}/${HOST_PORTS[i].port}`;
  const linux = { matchLabels: { 'kubernetes.io/os': 'linux' } };
  all.push({
    name: 'CNPAdminTierEgressNodePeers',
    experimental: true,
    steps: new ScenarioBuilder([cnp('node-and-cidr-as-peers-example', {
      tier: 'Admin',
      priority: 75,
      subject: { pods: houseStudents('gryffindor') },
      egress: [
        { name: 'nodes-first-port', action: 'Accept', to: [{ nodes: linux }], protocols: [onPort(HOST_PORTS[0].protocol, HOST_PORTS[0].port)] },
        { name: 'nodes-udp-port', action: 'Pass', to: [{ nodes: linux }], protocols: [onPort(HOST_PORTS[2].protocol, HOST_PORTS[2].port)] },
        { name: 'the-rest', action: 'Deny', to: [{ pods: houseStudents('slytherin') }, { nodes: linux }, { networks: ['0.0.0.0/0', '::/0'] }] },
      ],
    })])
      .step('accept one TCP port on the nodes', [[`G1>C1 ${hostPort(0)}`, 'A', 'A']])
      .step('pass one UDP port on the nodes: nothing else decides, so allowed', [[`G1>C1 ${hostPort(2)}`, 'A', 'A']])
      .step('deny every other port on the nodes', [
        [`G1>C1 ${hostPort(1)}`, 'D', 'D'], [`G1>C1 ${hostPort(4)}`, 'D', 'D'], [`G1>C1 ${hostPort(6)}`, 'D', 'D'],
      ])
      .steps,
  });

  // Baseline tier: the same ladders without Pass rules.
  const baselineEgressTcp = ladder({
    name: 'default',
    tier: 'Baseline',
    priority: 10,
    subject: 'gryffindor',
    direction: 'egress',
    whole: 'ravenclaw',
    blocked: 'slytherin',
    blockedPorts: [tcp(80)],
    opened: 'hufflepuff',
    openedPorts: [tcp(8080)],
  });
  all.push({
    name: 'CNPBaselineTierEgressTCP',
    experimental: false,
    steps: new ScenarioBuilder([baselineEgressTcp])
      .step('accept the whole house (rule order: Accept before Deny)', [['G0>R0 TCP/80', 'A'], ['G1>R0 TCP/8080', 'A']])
      .step('accept one port of a house, deny the rest', [['G0>H1 TCP/8080', 'A'], ['G1>H1 TCP/80', 'D']])
      .step('a policy with egress rules only leaves ingress alone', [['R0>G0 TCP/80', 'A', 'A'], ['S0>G1 TCP/80', 'A', 'A']])
      .step('swap Accept and Deny', [['G0>R1 TCP/80', 'D', 'D'], ['G1>R1 TCP/8080', 'D', 'D']], swap('egress', 0, 1))
      .step('deny one port of a house; other ports match nothing', [['G0>S0 TCP/80', 'D', 'D'], ['G1>S0 TCP/8080', 'A', 'A']])
      .steps,
  });
  const baselineIngressTcp = ladder({
    name: 'default',
    tier: 'Baseline',
    priority: 10,
    subject: 'gryffindor',
    direction: 'ingress',
    whole: 'ravenclaw',
    blocked: 'slytherin',
    blockedPorts: [tcp(80)],
    opened: 'hufflepuff',
    openedPorts: [tcp(80)],
  });
  all.push({
    name: 'CNPBaselineTierIngressTCP',
    experimental: false,
    steps: new ScenarioBuilder([baselineIngressTcp])
      .step('accept the whole house (rule order: Accept before Deny)', [['R0>G0 TCP/80', 'A'], ['R1>G0 TCP/8080', 'A']])
      .step('accept one port of a house, deny the rest', [['H0>G1 TCP/80', 'A'], ['H1>G1 TCP/8080', 'D']])
      .step('a policy with ingress rules only leaves egress alone', [['G0>R0 TCP/80', 'A'], ['G1>S0 TCP/80', 'A']])
      .step('swap Accept and Deny', [['R0>G1 TCP/80', 'D'], ['R1>G1 TCP/8080', 'D']], swap('ingress', 0, 1))
      .step('deny one port of a house; other ports match nothing', [['S0>G0 TCP/80', 'D'], ['S1>G0 TCP/8080', 'A']])
      .steps,
  });
  all.push({
    name: 'CNPBaselineTierEgressNamedPort',
    experimental: true,
    steps: new ScenarioBuilder([ladder({
      name: 'default',
      tier: 'Baseline',
      priority: 10,
      subject: 'hufflepuff',
      direction: 'egress',
      whole: 'ravenclaw',
      blocked: 'slytherin',
      blockedPorts: [udp(5353)],
      opened: 'gryffindor',
      openedPorts: [udp(53)],
    })])
      .step('the opened port becomes the named port dns (UDP 53)', [['H0>G1 UDP/53', 'A', 'A'], ['H1>G1 UDP/5353', 'D', 'D']],
        (ps) => { ps[0].spec.egress[3].protocols = [{ destinationNamedPort: 'dns' }]; })
      .steps,
  });
  all.push({
    name: 'CNPBaselineTierIngressNamedPort',
    experimental: true,
    steps: new ScenarioBuilder([baselineIngressTcp])
      .step('the opened port becomes the named port web (TCP 80)', [['H0>G1 TCP/80', 'A', 'A'], ['H1>G1 TCP/8080', 'D', 'D']],
        (ps) => { ps[0].spec.ingress[3].protocols = [{ destinationNamedPort: 'web' }]; })
      .steps,
  });
  all.push({
    name: 'CNPBaselineTierEgressNodePeers',
    experimental: true,
    steps: new ScenarioBuilder([cnp('default', {
      tier: 'Baseline',
      priority: 10,
      subject: { namespaces: byName('gryffindor') },
      egress: [
        {
          name: 'nodes-tcp-range',
          action: 'Accept',
          to: [{ nodes: linux }],
          protocols: [{ tcp: { destinationPort: { range: { start: HOST_PORTS[0].port, end: HOST_PORTS[1].port } } } }],
        },
        { name: 'the-rest', action: 'Deny', to: [{ nodes: linux }, { networks: ['0.0.0.0/0', '::/0'] }] },
      ],
    })])
      .step('accept a TCP port range on the nodes', [[`G0>C1 ${hostPort(0)}`, 'A', 'A'], [`G1>C1 ${hostPort(1)}`, 'A', 'A']])
      .step('deny the other protocols on the nodes', [[`G1>C1 ${hostPort(3)}`, 'D', 'D'], ['G1>C1 SCTP/9003', 'D', 'D']])
      .steps,
  });

  // Baseline tier, UDP and SCTP. The only stored version of the SCTP ingress test predates the move to
  // ClusterNetworkPolicy: its probes are read against the v1alpha2 manifest, whose rules are the same.
  all.push(baselineProtocolScenario('egress', 'UDP', {
    subject: 'hufflepuff', whole: 'ravenclaw', blocked: 'slytherin', blockedPorts: [udp(5353)], opened: 'gryffindor', openedPorts: [udp(53)],
  }, [
    [['H0>R0 UDP/53', 'A', 'A'], ['H1>R0 UDP/5353', 'A', 'A']],
    [['H0>G1 UDP/53', 'A', 'A'], ['H1>G1 UDP/5353', 'D', 'D']],
    [['H0>R1 UDP/53', 'D', 'D'], ['H1>R1 UDP/5353', 'D', 'D']],
    [['H0>S0 UDP/5353', 'D', 'D'], ['H1>S0 UDP/53', 'A', 'A']],
  ]));
  all.push(baselineProtocolScenario('egress', 'SCTP', {
    subject: 'ravenclaw', whole: 'gryffindor', blocked: 'slytherin', blockedPorts: [sctp(9003)], opened: 'hufflepuff', openedPorts: [sctp(9003)],
  }, [
    [['R0>G0 SCTP/9003', 'A'], ['R1>G0 SCTP/9005', 'A']],
    [['R0>H1 SCTP/9003', 'A'], ['R1>H1 SCTP/9005', 'D']],
    [['R0>G1 SCTP/9003', 'D'], ['R1>G1 SCTP/9005', 'D']],
    [['R0>S0 SCTP/9003', 'D'], ['R1>S0 SCTP/9005', 'A']],
  ]));
  all.push(baselineProtocolScenario('ingress', 'UDP', {
    subject: 'hufflepuff', whole: 'ravenclaw', blocked: 'slytherin', blockedPorts: [udp(5353)], opened: 'gryffindor', openedPorts: [udp(53)],
  }, [
    [['R0>H0 UDP/53', 'A'], ['R1>H0 UDP/5353', 'A']],
    [['G0>H1 UDP/53', 'A'], ['G1>H1 UDP/5353', 'D']],
    [['R0>H1 UDP/53', 'D'], ['R1>H1 UDP/5353', 'D']],
    [['S0>H0 UDP/5353', 'D'], ['S1>H0 UDP/53', 'A']],
  ]));
  all.push(baselineProtocolScenario('ingress', 'SCTP', {
    subject: 'ravenclaw', whole: 'gryffindor', blocked: 'slytherin', blockedPorts: [sctp(9003)], opened: 'hufflepuff', openedPorts: [sctp(9003)],
  }, [
    [['G0>R0 SCTP/9003', 'A', 'A'], ['G1>R0 SCTP/9005', 'A', 'A']],
    [['H0>R1 SCTP/9003', 'A', 'A'], ['H1>R1 SCTP/9005', 'D', 'D']],
    [['G0>R1 SCTP/9003', 'D', 'D'], ['G1>R1 SCTP/9005', 'D', 'D']],
    [['S0>R0 SCTP/9003', 'D', 'D'], ['S1>R0 SCTP/9005', 'A', 'A']],
  ]));

  // Policies sharing a priority: none conflicts with another, so each must act on its own subject only.
  for (const tier of ['Admin', 'Baseline'] as const) {
    const admin = tier === 'Admin';
    const denyAt = (subject: House, peer: House, port: number) => cnp(`${admin ? '' : 'baseline-'}same-priority-${subject}-${peer}`, {
      tier,
      priority: admin ? 15 : 10,
      subject: { namespaces: byName(subject) },
      ingress: [{ name: `no-${peer}-in-on-${port}`, action: 'Deny', from: [{ namespaces: byName(peer) }], protocols: [tcp(port)] }],
      egress: [{ name: `no-${peer}-out-on-${port}`, action: 'Deny', to: [{ namespaces: byName(peer) }], protocols: [tcp(port)] }],
    });
    // The Admin test serves from replica 0 of each house, the Baseline one from replica 1.
    const x = admin ? '0' : '1';
    all.push({
      name: `CNP${tier}TierSamePriority`,
      experimental: false,
      steps: new ScenarioBuilder([
        denyAt('gryffindor', 'slytherin', 80), denyAt('gryffindor', 'hufflepuff', 80), denyAt('hufflepuff', 'slytherin', 8080),
      ])
        .step('each policy denies its own peer and port, both ways', [
          [`S0>G${x} TCP/80`, 'D', 'D'], [`G0>S${x} TCP/80`, 'D', 'D'], [`H0>G${x} TCP/80`, 'D', 'D'],
          [`G1>H${x} TCP/80`, 'D', 'D'], [`S1>H${x} TCP/8080`, 'D', 'D'], [`H1>S${x} TCP/8080`, 'D', 'D'],
        ])
        .step("one policy's port does not leak onto another policy's subject", [
          [`S0>G${x} TCP/8080`, 'A', 'A'], [`G0>S${x} TCP/8080`, 'A', 'A'], [`S1>H${x} TCP/80`, 'A', 'A'], [`H0>S${x} TCP/80`, 'A', 'A'],
        ])
        .step('a house no policy names talks to the shared subject freely', [
          [`R0>G${x} TCP/80`, 'A', 'A'], [`G${admin ? '1' : '0'}>R${x} TCP/80`, 'A', 'A'],
        ])
        .steps,
    });
  }

  // A policy with rules in one direction only leaves the subject's other direction alone.
  for (const tier of ['Admin', 'Baseline'] as const) {
    const prefix = tier === 'Admin' ? 'admin' : 'baseline';
    const oneWay = (direction: Direction) => cnp(`${prefix}-${direction}-isolation`, {
      tier,
      priority: 20,
      subject: { namespaces: byName('gryffindor') },
      [direction]: [{
        name: `no-slytherin-${direction === 'ingress' ? 'in' : 'out'}`,
        action: 'Deny',
        [direction === 'ingress' ? 'from' : 'to']: [{ namespaces: byName('slytherin') }],
      }],
    });
    all.push({
      name: `CNP${tier}TierIngressRulesEgressUnaffected`,
      experimental: false,
      steps: new ScenarioBuilder([oneWay('ingress')])
        .step('the ingress Deny is in force', [['S0>G0 TCP/80', 'D', 'D']])
        .step('the subject still reaches a house the policy never names', [['G0>R0 TCP/80', 'A', 'A']])
        .step('the subject still reaches another house', [['G0>H0 TCP/80', 'A', 'A']])
        .steps,
    });
    all.push({
      name: `CNP${tier}TierEgressRulesIngressUnaffected`,
      experimental: false,
      steps: new ScenarioBuilder([oneWay('egress')])
        .step('the egress Deny is in force', [['G0>S0 TCP/80', 'D', 'D']])
        .step('a house the policy never names still reaches the subject', [['R0>G0 TCP/80', 'A', 'A']])
        .step('another house still reaches the subject', [['H0>G0 TCP/80', 'A', 'A']])
        .steps,
    });
  }

  // Pod selectors: alone (every namespace), combined with a namespace selector, and picking one pod by name.
  const podName = (name: string) => ({ matchLabels: { 'statefulset.kubernetes.io/pod-name': name } });
  for (const tier of ['Admin', 'Baseline'] as const) {
    const admin = tier === 'Admin';
    const cedric0 = { pods: { namespaceSelector: byHouse('hufflepuff'), podSelector: podName('cedric-diggory-0') } };
    all.push({
      name: `CNP${tier}TierPodSelector`,
      experimental: false,
      steps: new ScenarioBuilder([
        cnp('pod-selector-rules', {
          tier,
          priority: admin ? 20 : 10,
          // No namespace selector: gryffindor-labelled pods in any namespace.
          subject: { pods: { podSelector: byHouse('gryffindor') } },
          egress: [
            { name: 'no-ravenclaw-pods', action: 'Deny', to: [{ pods: { podSelector: byHouse('ravenclaw') } }] },
            { name: 'no-cedric-0', action: 'Deny', to: [cedric0] },
          ],
          ingress: [
            { name: 'no-slytherin-pods', action: 'Deny', from: [{ pods: { podSelector: byHouse('slytherin') } }] },
            { name: 'no-cedric-0', action: 'Deny', from: [cedric0] },
          ],
        }),
        cnp('pod-name-subject-rules', {
          tier,
          priority: admin ? 21 : 10,
          subject: { pods: { namespaceSelector: byHouse('ravenclaw'), podSelector: podName('luna-lovegood-0') } },
          egress: [{ name: 'no-slytherin', action: 'Deny', to: [{ namespaces: byName('slytherin') }] }],
        }),
      ])
        .step('egress peers by pod labels; the other pod of the named one is left alone', [
          ['G0>R0 TCP/80', 'D', 'D'], ['G0>H0 TCP/80', 'D', 'D'], ['G0>H1 TCP/80', 'A', 'A'],
        ])
        .step('ingress peers by pod labels; the other pod of the named one is left alone', [
          ['S0>G0 TCP/80', 'D', 'D'], ['H0>G0 TCP/80', 'D', 'D'], ['H1>G0 TCP/80', 'A', 'A'],
        ])
        .step('subjects by pod labels: only the selected pods are subjects', [
          ['S0>H0 TCP/80', 'A', 'A'], ['R0>S0 TCP/80', 'D', 'D'], ['R1>S0 TCP/80', 'A', 'A'],
        ])
        .steps,
    });
  }

  // Port ranges, one protocol per peer house, then a Deny for every house.
  const range = (protocol: string, start: number, end: number) => ({ [protocol]: { destinationPort: { range: { start, end } } } });
  const everyHouse = { namespaces: { matchExpressions: [{ key: 'conformance-house', operator: 'Exists' }] } };
  const rangeRules = (side: 'to' | 'from', word: string) => [
    { name: `ravenclaw-tcp-range-${word}`, action: 'Accept', [side]: [{ namespaces: byName('ravenclaw') }], protocols: [range('tcp', 80, 8080)] },
    { name: `hufflepuff-udp-range-${word}`, action: 'Accept', [side]: [{ namespaces: byName('hufflepuff') }], protocols: [range('udp', 53, 5353)] },
    { name: `slytherin-sctp-range-${word}`, action: 'Accept', [side]: [{ namespaces: byName('slytherin') }], protocols: [range('sctp', 9003, 9005)] },
    { name: `nothing-else-${word}`, action: 'Deny', [side]: [everyHouse] },
  ];
  for (const tier of ['Admin', 'Baseline'] as const) {
    all.push({
      name: `CNP${tier}TierPortRange`,
      experimental: false,
      steps: new ScenarioBuilder([cnp('port-range-rules', {
        tier,
        priority: tier === 'Admin' ? 9 : 10,
        subject: { namespaces: byName('gryffindor') },
        egress: rangeRules('to', 'out'),
        ingress: rangeRules('from', 'in'),
      })])
        .step('egress: both ends of each range accepted, another protocol denied', [
          ['G0>R0 TCP/80', 'A', 'A'], ['G0>R0 TCP/8080', 'A', 'A'], ['G1>R0 UDP/53', 'D', 'D'],
          ['G0>H0 UDP/53', 'A', 'A'], ['G0>H0 UDP/5353', 'A', 'A'], ['G1>H0 TCP/80', 'D', 'D'],
          ['G0>S0 SCTP/9003', 'A', 'A'], ['G0>S0 SCTP/9005', 'A', 'A'], ['G1>S0 TCP/80', 'D', 'D'],
        ])
        .step('ingress: both ends of each range accepted, another protocol denied', [
          ['R0>G0 TCP/80', 'A', 'A'], ['R0>G0 TCP/8080', 'A', 'A'], ['R1>G0 UDP/53', 'D', 'D'],
          ['H0>G0 UDP/53', 'A', 'A'], ['H0>G0 UDP/5353', 'A', 'A'], ['H1>G0 TCP/80', 'D', 'D'],
          ['S0>G0 SCTP/9003', 'A', 'A'], ['S0>G0 SCTP/9005', 'A', 'A'], ['S1>G0 TCP/80', 'D', 'D'],
        ])
        .steps,
    });
  }

  // Hairpin. Upstream's only probe goes from G0 to a Service that selects both gryffindor pods, and
  // expects a timeout: we model no Services, so the Service itself is left out. Whichever backend the
  // Service picks, the connection must be dropped, so the probe implies that G0 -> G1 on the pod IP is
  // denied; the case where the Service picks G0 itself (a hairpin through the Service, subject to the
  // policy) has no pod-IP equivalent. A pod reaching its own pod IP is outside ClusterNetworkPolicy
  // (reference §3.3), which upstream does not probe: that row carries only our own verdict.
  all.push({
    name: 'CNPAdminTierHairpin',
    experimental: false,
    steps: new ScenarioBuilder([cnp('hairpin-ingress-deny', {
      tier: 'Admin',
      priority: 15,
      subject: { namespaces: byName('gryffindor') },
      ingress: [{ name: 'no-gryffindor-in', action: 'Deny', from: [{ namespaces: byName('gryffindor') }] }],
    })])
      .step('the namespace denies its own ingress, except a pod reaching its own IP', [
        ['G0>G1 TCP/80', 'D', 'D'], ['G0>G0 TCP/80', '-', 'A'],
      ])
      .steps,
  });
  return all;
}

export const SCENARIOS: Scenario[] = scenarios();

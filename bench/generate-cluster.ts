/**
 * Deterministic synthetic clusters for the benchmarks: plain manifests as `kubectl get -o yaml`
 * would return them, with exactly the scale's numbers of namespaces, workloads and policies.
 *
 * Order: kube-system, monitoring, ingress-nginx, then team namespaces `<team>-<env>-<index>`;
 * each Namespace is followed by its workloads, then its policies.
 *
 * Namespaces: labels kubernetes.io/metadata.name, team, env (prod 50%, staging 30%, dev 20%), tier;
 * optional istio-injection (30%), network-zone (40%), compliance=pci (10%), managed-by (50%).
 *
 * Workloads: 7 fixed system ones (kube-dns, kube-proxy, metrics-server, prometheus, grafana,
 * node-exporter, ingress-nginx-controller); the rest spread over team namespaces with skewed
 * weights (a few large namespaces, some empty). Kinds: Deployment 72%, StatefulSet 10%,
 * CronJob 5%, bare Pod 5% (status.podIP, 20% dual-stack), Job 4%, DaemonSet 4% (some hostNetwork).
 * Pod labels app, tier, team, version; optional track (20%), app.kubernetes.io/part-of (30%),
 * pci (5%). Ports come from per-app profiles: mostly named TCP, some unnamed, UDP (dns, statsd,
 * syslog, memcache, sip) and SCTP (diameter, ngap); 20% of Deployments/StatefulSets have an envoy sidecar.
 *
 * Policies (none in kube-system). Per namespace: 8% none, 7% allows only, 85% a default deny:
 * ingress+egress 45%, ingress 20%, ingress with policyTypes absent 10%, ingress as `egress: []`
 * with policyTypes absent 5%, egress 10%, separate ingress and egress policies 10%. 90% of the
 * egress-denied namespaces allow DNS to kube-dns (namespace AND pod peer 70%, namespace only 20%,
 * named ports 10%). All remaining policies are allows, spread by namespace size:
 * - target: app label 65%, tier 10%, all pods 10%, matchExpressions 15%;
 * - ingress 60%, egress 20%, both 20%; policyTypes explicit 75%, absent 25% (ingress-only ones
 *   then add `egress: []` 20% of the time); 1-3 rules per direction;
 * - a rule is `{}` 4%, else has no peers 10% and no ports 15%; 1-3 peers: podSelector 30%,
 *   namespaceSelector 15%, both in one peer (AND) 20%, prometheus/ingress-nginx/kube-dns 10%,
 *   ipBlock 10% (25% in egress); selectors use matchExpressions ~15-20% (In, NotIn, Exists,
 *   DoesNotExist equally likely);
 * - ipBlocks: 0.0.0.0/0 minus 1-3 private ranges 20%, private subnets 40% (a third inside the pod
 *   CIDR 10.244.0.0/16), public subnets 10%, /32 hosts 15%, IPv6 15% (::/0 minus fc00::/7, or a
 *   ULA /48 or 2001:db8::/32); subnets get 0-2 strict `except` sub-blocks;
 * - ports: number 58%, named 30% (names destination pods expose), endPort range 12%; TCP with
 *   the protocol field omitted 40% of the time, UDP and SCTP where the profile says so.
 *
 * Every object passes API-server validation (DNS-1123 names, label syntax, canonical CIDRs with
 * no host bits, strict `except` subsets, ports 1-65535, endPort >= port only with numeric ports).
 */
import { Random } from './random';
import { Scale } from './scales';

type Protocol = 'TCP' | 'UDP' | 'SCTP';
type Kind = 'Deployment' | 'StatefulSet' | 'DaemonSet' | 'Job' | 'CronJob' | 'Pod';
type Direction = 'ingress' | 'egress';
/** [name (optional), number, protocol] */
type PortSpec = readonly [string | undefined, number, Protocol];
type Labels = Record<string, string>;

interface Profile {
  readonly app: string;
  readonly tier: string;
  readonly ports: readonly PortSpec[];
  readonly hostNetwork?: boolean;
}

interface WorkloadSpec {
  readonly kind: Kind;
  readonly name: string;
  readonly labels: Labels;
  /** The main container's ports. */
  readonly ports: readonly PortSpec[];
  readonly sidecar?: boolean;
  readonly hostNetwork?: boolean;
}

type DenyVariant = 'all' | 'ingress' | 'ingress-implicit' | 'ingress-empty-egress' | 'egress' | 'split';
type DnsVariant = 'and' | 'namespace' | 'named';

interface NamespacePlan {
  readonly name: string;
  readonly labels: Labels;
  readonly fixed: readonly WorkloadSpec[];
  workloads: number;
  hasPolicies: boolean;
  deny?: DenyVariant;
  dns?: DnsVariant;
  allows: number;
}

const TEAMS = [
  'payments', 'checkout', 'search', 'catalog', 'identity', 'billing', 'ledger', 'ads', 'analytics',
  'ml', 'data', 'mobile', 'web', 'messaging', 'notify', 'shipping', 'inventory', 'pricing', 'risk',
  'support', 'media', 'maps', 'core', 'telco',
];
const ENVS: ReadonlyArray<readonly [string, number]> = [['prod', 5], ['staging', 3], ['dev', 2]];
const TIERS = ['frontend', 'backend', 'data', 'platform'];
const OPERATORS = ['In', 'NotIn', 'Exists', 'DoesNotExist'];

const HTTP: PortSpec = ['http', 8080, 'TCP'];
const METRICS: PortSpec = ['metrics', 9102, 'TCP'];
const SIDECAR: readonly PortSpec[] = [['envoy-admin', 15000, 'TCP'], ['envoy-prom', 15090, 'TCP']];

const PROFILES: Record<Kind, readonly Profile[]> = {
  Deployment: [
    { app: 'frontend', tier: 'frontend', ports: [HTTP, ['metrics', 9090, 'TCP']] },
    { app: 'web', tier: 'frontend', ports: [['http', 80, 'TCP']] },
    { app: 'gateway', tier: 'frontend', ports: [['https', 8443, 'TCP'], HTTP, ['admin', 9901, 'TCP']] },
    { app: 'api', tier: 'backend', ports: [HTTP, ['grpc', 50051, 'TCP'], METRICS] },
    { app: 'auth', tier: 'backend', ports: [HTTP, METRICS] },
    { app: 'graphql', tier: 'backend', ports: [['http', 4000, 'TCP']] },
    { app: 'search', tier: 'backend', ports: [['http', 9200, 'TCP'], ['transport', 9300, 'TCP']] },
    { app: 'worker', tier: 'backend', ports: [METRICS] },
    { app: 'consumer', tier: 'backend', ports: [METRICS] },
    { app: 'notifier', tier: 'backend', ports: [HTTP, [undefined, 9102, 'TCP']] },
    { app: 'memcached', tier: 'data', ports: [['memcache', 11211, 'TCP'], ['memcache-udp', 11211, 'UDP']] },
    { app: 'statsd-exporter', tier: 'platform', ports: [['statsd', 9125, 'UDP'], METRICS] },
    { app: 'sip-proxy', tier: 'backend', ports: [['sip', 5060, 'UDP'], ['sip-tcp', 5060, 'TCP']] },
    { app: 'diameter-gw', tier: 'backend', ports: [['diameter', 3868, 'SCTP'], METRICS] },
    { app: 'amf', tier: 'backend', ports: [['ngap', 38412, 'SCTP'], ['sbi', 8080, 'TCP']] },
  ],
  StatefulSet: [
    { app: 'postgres', tier: 'data', ports: [['postgres', 5432, 'TCP']] },
    { app: 'redis', tier: 'data', ports: [['redis', 6379, 'TCP']] },
    { app: 'rabbitmq', tier: 'data', ports: [['amqp', 5672, 'TCP'], ['management', 15672, 'TCP']] },
    { app: 'kafka', tier: 'data', ports: [['kafka', 9092, 'TCP'], [undefined, 9093, 'TCP']] },
    { app: 'zookeeper', tier: 'data', ports: [['client', 2181, 'TCP'], ['peer', 2888, 'TCP'], ['election', 3888, 'TCP']] },
    { app: 'cassandra', tier: 'data', ports: [['cql', 9042, 'TCP'], ['intra', 7000, 'TCP']] },
  ],
  DaemonSet: [
    { app: 'log-agent', tier: 'platform', ports: [['metrics', 2020, 'TCP']] },
    { app: 'node-agent', tier: 'platform', ports: [['metrics', 9101, 'TCP']], hostNetwork: true },
    { app: 'syslog-relay', tier: 'platform', ports: [['syslog', 514, 'UDP']] },
  ],
  Job: [
    { app: 'migrate', tier: 'backend', ports: [] },
    { app: 'backfill', tier: 'data', ports: [METRICS] },
  ],
  CronJob: [
    { app: 'report', tier: 'backend', ports: [] },
    { app: 'backup', tier: 'data', ports: [] },
    { app: 'cleanup', tier: 'platform', ports: [] },
  ],
  Pod: [
    { app: 'toolbox', tier: 'platform', ports: [] },
    { app: 'debug', tier: 'backend', ports: [HTTP] },
    { app: 'canary', tier: 'backend', ports: [HTTP, METRICS] },
  ],
};
const KINDS: ReadonlyArray<readonly [Kind, number]> = [
  ['Deployment', 72], ['StatefulSet', 10], ['CronJob', 5], ['Pod', 5], ['Job', 4], ['DaemonSet', 4],
];
const APPS = Object.values(PROFILES).flatMap(profiles => profiles.map(p => p.app));

/** Ports egress rules aim at: the names are ones the profiles expose, so named ports resolve. */
const DESTINATION_PORTS: readonly PortSpec[] = [
  ['https', 443, 'TCP'], ['http', 80, 'TCP'], HTTP, ['postgres', 5432, 'TCP'], ['redis', 6379, 'TCP'],
  ['grpc', 50051, 'TCP'], METRICS, ['kafka', 9092, 'TCP'], ['amqp', 5672, 'TCP'], ['dns', 53, 'UDP'],
  ['statsd', 9125, 'UDP'], ['syslog', 514, 'UDP'], ['diameter', 3868, 'SCTP'], ['ngap', 38412, 'SCTP'],
];

const SYSTEM_NAMESPACES: ReadonlyArray<{ name: string; labels: Labels; workloads: WorkloadSpec[] }> = [
  {
    name: 'kube-system',
    labels: {},
    workloads: [
      { kind: 'Deployment', name: 'kube-dns', labels: { 'k8s-app': 'kube-dns' }, ports: [['dns', 53, 'UDP'], ['dns-tcp', 53, 'TCP'], ['metrics', 9153, 'TCP']] },
      { kind: 'DaemonSet', name: 'kube-proxy', labels: { 'k8s-app': 'kube-proxy' }, ports: [], hostNetwork: true },
      { kind: 'Deployment', name: 'metrics-server', labels: { 'k8s-app': 'metrics-server' }, ports: [['https', 10250, 'TCP']] },
    ],
  },
  {
    name: 'monitoring',
    labels: { team: 'core', env: 'prod', tier: 'platform' },
    workloads: [
      { kind: 'StatefulSet', name: 'prometheus', labels: { app: 'prometheus', tier: 'platform' }, ports: [['web', 9090, 'TCP']] },
      { kind: 'Deployment', name: 'grafana', labels: { app: 'grafana', tier: 'platform' }, ports: [['http', 3000, 'TCP']] },
      { kind: 'DaemonSet', name: 'node-exporter', labels: { app: 'node-exporter', tier: 'platform' }, ports: [['metrics', 9100, 'TCP']], hostNetwork: true },
    ],
  },
  {
    name: 'ingress-nginx',
    labels: { team: 'core', env: 'prod', tier: 'frontend' },
    workloads: [{
      kind: 'Deployment',
      name: 'ingress-nginx-controller',
      labels: { 'app': 'ingress-nginx', 'app.kubernetes.io/name': 'ingress-nginx', 'tier': 'frontend' },
      ports: [['http', 80, 'TCP'], ['https', 443, 'TCP'], ['metrics', 10254, 'TCP']],
    }],
  },
];

const PRIVATE_V4 = ['10.0.0.0/8', '172.16.0.0/12', '192.168.0.0/16'];
const PUBLIC_V4_OCTETS = [34, 35, 52, 104, 151, 185];
const V4 = (a: number, b = 0): number => a * 2 ** 24 + b * 2 ** 16;
const POD_V4_BASE = V4(10, 244);

/** The cluster as a list of manifests. Same scale and seed, same objects. */
export function generateCluster(scale: Scale, seed = 1): any[] {
  return Array.from(clusterObjects(scale, seed));
}

/** The manifests one at a time, in the order of `generateCluster`, so writers can stream them. */
export function* clusterObjects(scale: Scale, seed = 1): Generator<any> {
  yield* new ClusterBuilder(scale, seed).objects();
}

class ClusterBuilder {
  private readonly rng: Random;
  private readonly plans: NamespacePlan[];
  private pods = 0;
  /** The namespace being generated, read by the policy helpers. */
  private ns!: NamespacePlan;
  private workloads: WorkloadSpec[] = [];

  constructor(scale: Scale, seed: number) {
    this.rng = new Random(seed);
    this.plans = this.plan(scale);
  }

  public* objects(): Generator<any> {
    for (const plan of this.plans) {
      this.ns = plan;
      yield { apiVersion: 'v1', kind: 'Namespace', metadata: { name: plan.name, labels: { ...plan.labels } } };
      const used = new Map<string, number>();
      this.workloads = [...plan.fixed];
      for (let i = 0; i < plan.workloads; i++) this.workloads.push(this.teamWorkload(used));
      for (const w of this.workloads) yield this.workload(w);
      yield* this.policies();
    }
  }

  private plan(scale: Scale): NamespacePlan[] {
    const rng = this.rng;
    const fixedCount = SYSTEM_NAMESPACES.reduce((n, s) => n + s.workloads.length, 0);
    if (scale.namespaces <= SYSTEM_NAMESPACES.length || scale.workloads < fixedCount) {
      throw new Error(`scale ${scale.name} needs more than ${SYSTEM_NAMESPACES.length} namespaces and at least ${fixedCount} workloads`);
    }
    const plans: NamespacePlan[] = SYSTEM_NAMESPACES.map(s => ({
      name: s.name,
      labels: { 'kubernetes.io/metadata.name': s.name, ...s.labels },
      fixed: s.workloads,
      workloads: 0,
      hasPolicies: false,
      allows: 0,
    }));
    for (let i = plans.length; i < scale.namespaces; i++) {
      const team = rng.pick(TEAMS);
      const env = rng.weighted(ENVS);
      const name = `${team}-${env}-${i}`;
      const labels: Labels = { 'kubernetes.io/metadata.name': name, 'team': team, 'env': env, 'tier': rng.pick(TIERS) };
      if (rng.chance(0.3)) labels['istio-injection'] = 'enabled';
      if (rng.chance(0.4)) labels['network-zone'] = rng.pick(['dmz', 'internal', 'restricted']);
      if (rng.chance(0.1)) labels.compliance = 'pci';
      if (rng.chance(0.5)) labels['app.kubernetes.io/managed-by'] = 'argocd';
      plans.push({ name, labels, fixed: [], workloads: 0, hasPolicies: false, allows: 0 });
    }
    // Cubed uniform weights: a few namespaces hold many workloads; at XL density about 1 in 6 is empty.
    const teams = plans.slice(SYSTEM_NAMESPACES.length);
    this.spread(teams, teams.map(() => 0.5 + rng.next() ** 3 * 8), scale.workloads - fixedCount, p => p.workloads++);

    let base = 0;
    for (const p of plans.slice(1)) {
      const mode = rng.weighted([['none', 8], ['allows', 7], ['deny', 85]]);
      p.hasPolicies = mode !== 'none';
      if (mode !== 'deny') continue;
      p.deny = rng.weighted<DenyVariant>([
        ['all', 45], ['ingress', 20], ['ingress-implicit', 10], ['ingress-empty-egress', 5], ['egress', 10], ['split', 10],
      ]);
      if (['all', 'egress', 'split'].includes(p.deny) && rng.chance(0.9)) {
        p.dns = rng.weighted<DnsVariant>([['and', 70], ['namespace', 20], ['named', 10]]);
      }
      base += basePolicies(p);
    }
    // Only a scale with under ~1.5 policies per namespace needs this: drop base policies from the end.
    for (let i = plans.length - 1; base > scale.policies; i--) {
      base -= basePolicies(plans[i]);
      plans[i].deny = plans[i].dns = undefined;
    }
    const eligible = plans.filter(p => p.hasPolicies);
    if (!eligible.length) eligible.push(...plans.slice(1));
    this.spread(eligible, eligible.map(p => 1 + p.workloads + p.fixed.length), scale.policies - base, p => {
      p.allows++;
    });
    return plans;
  }

  /** Hands out `count` units to items with probability proportional to their weights. */
  private spread<T>(items: T[], weights: number[], count: number, add: (item: T) => void): void {
    const cumulative: number[] = [];
    let total = 0;
    for (const w of weights) cumulative.push(total += w);
    for (let k = 0; k < count; k++) {
      const r = this.rng.next() * total;
      let lo = 0;
      let hi = cumulative.length - 1;
      while (lo < hi) {
        const mid = Math.floor((lo + hi) / 2);
        if (cumulative[mid] > r) hi = mid; else lo = mid + 1;
      }
      add(items[lo]);
    }
  }

  private teamWorkload(used: Map<string, number>): WorkloadSpec {
    const rng = this.rng;
    const kind = rng.weighted(KINDS);
    const profile = rng.pick(PROFILES[kind]);
    const n = (used.get(profile.app) ?? 0) + 1;
    used.set(profile.app, n);
    const name = n === 1 ? profile.app : `${profile.app}-${n}`;
    const team = this.ns.labels.team;
    const labels: Labels = { app: name, tier: profile.tier, team, version: `v${rng.int(1, 4)}` };
    if (rng.chance(0.2)) labels.track = rng.chance(0.8) ? 'stable' : 'canary';
    if (rng.chance(0.3)) labels['app.kubernetes.io/part-of'] = `${team}-suite`;
    if (rng.chance(0.05)) labels.pci = 'true';
    const sidecar = (kind === 'Deployment' || kind === 'StatefulSet') && rng.chance(0.2);
    return { kind, name, labels, ports: profile.ports, sidecar, hostNetwork: profile.hostNetwork };
  }

  private workload(w: WorkloadSpec): any {
    const rng = this.rng;
    const metadata = { name: w.name, namespace: this.ns.name, labels: { ...w.labels } };
    const containers: any[] = [container(w.name, `registry.example.com/${w.name}:${w.labels.version ?? '1.0'}`, w.ports)];
    if (w.sidecar) containers.push(container('envoy', 'envoyproxy/envoy:v1.30', SIDECAR));
    const restartPolicy = w.kind === 'Job' ? 'Never' : w.kind === 'CronJob' ? 'OnFailure' : undefined;
    const podSpec = { ...(w.hostNetwork && { hostNetwork: true }), ...(restartPolicy && { restartPolicy }), containers };
    const template = { metadata: { labels: { ...w.labels } }, spec: podSpec };
    const selector = { matchLabels: firstLabel(w.labels) };
    switch (w.kind) {
      case 'Deployment':
        return { apiVersion: 'apps/v1', kind: w.kind, metadata, spec: { replicas: rng.int(1, 5), selector, template } };
      case 'StatefulSet':
        return { apiVersion: 'apps/v1', kind: w.kind, metadata, spec: { serviceName: w.name, replicas: rng.int(1, 3), selector, template } };
      case 'DaemonSet':
        return { apiVersion: 'apps/v1', kind: w.kind, metadata, spec: { selector, template } };
      case 'Job':
        return { apiVersion: 'batch/v1', kind: w.kind, metadata, spec: { template } };
      case 'CronJob': {
        const schedule = `${rng.int(0, 59)} ${rng.pick(['*', '*/6', '2'])} * * *`;
        return { apiVersion: 'batch/v1', kind: w.kind, metadata, spec: { schedule, jobTemplate: { spec: { template } } } };
      }
      case 'Pod': {
        const n = 2 + this.pods++;
        const podIP = v4(POD_V4_BASE + n);
        const podIPs = [{ ip: podIP }];
        if (rng.chance(0.2)) podIPs.push({ ip: v6([0xfd00, 0x10, 0x244, 0, 0, 0, Math.floor(n / 65536), n % 65536]) });
        return { apiVersion: 'v1', kind: w.kind, metadata, spec: podSpec, status: { phase: 'Running', podIP, podIPs } };
      }
    }
  }

  private* policies(): Generator<any> {
    const p = this.ns;
    switch (p.deny) {
      case 'all': yield this.policy('default-deny-all', { podSelector: {}, policyTypes: ['Ingress', 'Egress'] }); break;
      case 'ingress': yield this.policy('default-deny-ingress', { podSelector: {}, policyTypes: ['Ingress'] }); break;
      case 'ingress-implicit': yield this.policy('default-deny-ingress', { podSelector: {} }); break;
      case 'ingress-empty-egress': yield this.policy('default-deny-ingress', { podSelector: {}, egress: [] }); break;
      case 'egress': yield this.policy('default-deny-egress', { podSelector: {}, policyTypes: ['Egress'] }); break;
      case 'split':
        yield this.policy('default-deny-ingress', { podSelector: {}, policyTypes: ['Ingress'] });
        yield this.policy('default-deny-egress', { podSelector: {}, policyTypes: ['Egress'] });
        break;
    }
    if (p.dns) yield this.dnsPolicy(p.dns);
    for (let i = 1; i <= p.allows; i++) yield this.allowPolicy(i);
  }

  private policy(name: string, spec: any): any {
    return { apiVersion: 'networking.k8s.io/v1', kind: 'NetworkPolicy', metadata: { name, namespace: this.ns.name }, spec };
  }

  private dnsPolicy(variant: DnsVariant): any {
    const namespaceSelector = { matchLabels: { 'kubernetes.io/metadata.name': 'kube-system' } };
    const peer = variant === 'namespace' ? { namespaceSelector } : { namespaceSelector, podSelector: { matchLabels: { 'k8s-app': 'kube-dns' } } };
    const ports = variant === 'named'
      ? [{ protocol: 'UDP', port: 'dns' }, { protocol: 'TCP', port: 'dns-tcp' }]
      : [{ protocol: 'UDP', port: 53 }, { protocol: 'TCP', port: 53 }];
    return this.policy('allow-dns', { podSelector: {}, policyTypes: ['Egress'], egress: [{ to: [peer], ports }] });
  }

  private allowPolicy(index: number): any {
    const rng = this.rng;
    const target = this.workloads.length && rng.chance(0.85) ? rng.pick(this.workloads) : undefined;
    const direction = rng.weighted([['ingress', 60], ['egress', 20], ['both', 20]]);
    const spec: any = { podSelector: this.targetSelector(target) };
    if (rng.chance(0.75)) {
      spec.policyTypes = direction === 'both' ? ['Ingress', 'Egress'] : [direction === 'ingress' ? 'Ingress' : 'Egress'];
    }
    if (direction !== 'egress') spec.ingress = this.rules('ingress', target);
    if (direction !== 'ingress') spec.egress = this.rules('egress', target);
    // People write `egress: []` meaning "no egress rules"; with policyTypes absent it isolates nothing.
    if (direction === 'ingress' && !spec.policyTypes && rng.chance(0.2)) spec.egress = [];
    return this.policy(`allow-${target ? target.name : 'all'}-${direction}-${index}`, spec);
  }

  private targetSelector(target: WorkloadSpec | undefined): any {
    if (!target) return this.rng.chance(0.5) ? {} : { matchLabels: { app: this.rng.pick(APPS) } };
    switch (this.rng.weighted([['app', 65], ['tier', 10], ['all', 10], ['expressions', 15]])) {
      case 'app': return { matchLabels: firstLabel(target.labels) };
      case 'tier': return target.labels.tier ? { matchLabels: { tier: target.labels.tier } } : {};
      case 'all': return {};
      default: return this.podExpressions(true);
    }
  }

  private rules(direction: Direction, target: WorkloadSpec | undefined): any[] {
    const rng = this.rng;
    return Array.from({ length: rng.weighted([[1, 70], [2, 22], [3, 8]]) }, () => {
      if (rng.chance(0.04)) return {};
      const rule: any = {};
      if (!rng.chance(0.1)) {
        rule[direction === 'ingress' ? 'from' : 'to'] = Array.from({ length: rng.weighted([[1, 65], [2, 25], [3, 10]]) }, () => this.peer(direction));
      }
      if (!rng.chance(0.15)) {
        rule.ports = Array.from({ length: rng.weighted([[1, 60], [2, 30], [3, 10]]) }, () => this.port(direction, target));
      }
      return rule;
    });
  }

  private peer(direction: Direction): any {
    const rng = this.rng;
    const kind = rng.weighted([['pod', 30], ['namespace', 15], ['both', 20], ['known', 10], ['ip', direction === 'egress' ? 25 : 10]]);
    switch (kind) {
      case 'pod': return { podSelector: this.podSelector(true) };
      case 'namespace': return { namespaceSelector: this.namespaceSelector() };
      case 'both': return { namespaceSelector: this.namespaceSelector(), podSelector: this.podSelector(false) };
      case 'known': {
        const [ns, labels] = direction === 'egress'
          ? rng.pick<[string, Labels]>([['kube-system', { 'k8s-app': 'kube-dns' }], ['monitoring', { app: 'prometheus' }]])
          : rng.pick<[string, Labels]>([['monitoring', { app: 'prometheus' }], ['ingress-nginx', { 'app.kubernetes.io/name': 'ingress-nginx' }]]);
        return { namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': ns } }, podSelector: { matchLabels: labels } };
      }
      default: return { ipBlock: this.ipBlock() };
    }
  }

  /** Local selectors draw values from this namespace's workloads, remote ones from the profiles. */
  private podSelector(local: boolean): any {
    const rng = this.rng;
    switch (rng.weighted([['app', 60], ['tier', 15], ['expressions', 15], ['all', 10]])) {
      case 'app': return { matchLabels: { app: this.podLabel('app', local) } };
      case 'tier': return { matchLabels: { tier: this.podLabel('tier', local) } };
      case 'expressions': return this.podExpressions(local);
      default: return {};
    }
  }

  private podExpressions(local: boolean): any {
    const rng = this.rng;
    const matchExpressions = Array.from({ length: rng.int(1, 2) }, () =>
      this.expression(rng.pick(['app', 'tier', 'track', 'version', 'pci']), key => this.podLabel(key, local)));
    return rng.chance(0.3) ? { matchLabels: { tier: this.podLabel('tier', local) }, matchExpressions } : { matchExpressions };
  }

  private podLabel(key: string, local: boolean): string {
    const w = local && this.workloads.length ? this.rng.pick(this.workloads) : undefined;
    const fallback: Record<string, readonly string[]> = { app: APPS, tier: TIERS, track: ['stable', 'canary'], version: ['v1', 'v2'], pci: ['true'] };
    return w?.labels[key] ?? this.rng.pick(fallback[key]);
  }

  private namespaceSelector(): any {
    const rng = this.rng;
    const label = (key: string) => this.namespaceLabel(key);
    switch (rng.weighted([['name', 35], ['team', 20], ['env', 10], ['team-env', 5], ['all', 10], ['expressions', 20]])) {
      case 'name': return { matchLabels: { 'kubernetes.io/metadata.name': label('kubernetes.io/metadata.name') } };
      case 'team': return { matchLabels: { team: label('team') } };
      case 'env': return { matchLabels: { env: label('env') } };
      case 'team-env': return { matchLabels: { team: label('team'), env: label('env') } };
      case 'all': return {};
      default: return {
        matchExpressions: Array.from({ length: rng.int(1, 2) }, () =>
          this.expression(rng.pick(['kubernetes.io/metadata.name', 'team', 'env', 'compliance', 'istio-injection', 'network-zone']), label)),
      };
    }
  }

  private namespaceLabel(key: string): string {
    const fallback: Record<string, readonly string[]> = {
      'team': TEAMS, 'env': ['prod', 'staging', 'dev'], 'compliance': ['pci'], 'istio-injection': ['enabled'], 'network-zone': ['dmz', 'internal'],
    };
    return this.rng.pick(this.plans).labels[key] ?? this.rng.pick(fallback[key]);
  }

  private expression(key: string, value: (key: string) => string): any {
    const operator = this.rng.pick(OPERATORS);
    if (operator === 'Exists' || operator === 'DoesNotExist') return { key, operator };
    const values = [...new Set(Array.from({ length: this.rng.int(1, 3) }, () => value(key)))];
    return { key, operator, values };
  }

  /** Ingress ports usually name what the selected pods expose; egress ports what destinations expose. */
  private port(direction: Direction, target: WorkloadSpec | undefined): any {
    const rng = this.rng;
    const own = direction === 'ingress' && target ? podPorts(target) : [];
    const [name, port, protocol] = rng.pick(own.length && rng.chance(0.8) ? own : DESTINATION_PORTS);
    const withProtocol = (p: any) => (protocol === 'TCP' && rng.chance(0.4) ? p : { protocol, ...p });
    switch (rng.weighted([['number', 58], ['name', 30], ['range', 12]])) {
      case 'name': if (name) return withProtocol({ port: name }); break;
      case 'range':
        return rng.chance(0.3)
          ? withProtocol({ port: 30000, endPort: 32767 })
          : withProtocol({ port, endPort: Math.min(65535, port + rng.int(0, 100)) });
    }
    return withProtocol({ port });
  }

  private ipBlock(): any {
    const rng = this.rng;
    switch (rng.weighted([['internet', 20], ['private', 40], ['public', 10], ['host', 15], ['v6', 15]])) {
      case 'internet': return { cidr: '0.0.0.0/0', except: PRIVATE_V4.slice(0, rng.int(1, 3)) };
      case 'private': return rng.chance(0.3) ? this.v4Block(POD_V4_BASE, 16, rng.int(16, 24)) : this.v4Block(V4(10), 8, rng.int(12, 28));
      case 'public': return this.v4Block(V4(rng.pick(PUBLIC_V4_OCTETS)), 8, rng.int(16, 28));
      case 'host': return this.v4Block(V4(rng.pick(PUBLIC_V4_OCTETS)), 8, 32);
      default: {
        if (rng.chance(0.3)) return { cidr: '::/0', except: ['fc00::/7'] };
        // A ULA /48 (or a /32 of the documentation prefix) with /64 subnets excepted.
        const groups = rng.chance(0.7)
          ? [0xfd00 + rng.int(0, 255), rng.int(0, 0xffff), rng.int(0, 0xffff), 0, 0, 0, 0, 0]
          : [0x2001, 0xdb8, 0, 0, 0, 0, 0, 0];
        const prefix = groups[0] === 0x2001 ? 32 : 48;
        const except = Array.from({ length: rng.int(0, 2) }, () => {
          const sub = [...groups];
          if (prefix === 32) sub[2] = rng.int(0, 0xffff);
          sub[3] = rng.int(0, 0xffff);
          return `${v6(sub)}/64`;
        }).filter(unique);
        return except.length ? { cidr: `${v6(groups)}/${prefix}`, except } : { cidr: `${v6(groups)}/${prefix}` };
      }
    }
  }

  /** A random /prefix inside net/netPrefix, aligned so it has no host bits, with strict sub-blocks excepted. */
  private v4Block(net: number, netPrefix: number, prefix: number): any {
    const rng = this.rng;
    const size = 2 ** (32 - prefix);
    const start = net + Math.floor(rng.next() * 2 ** (prefix - netPrefix)) * size;
    const cidr = `${v4(start)}/${prefix}`;
    const count = prefix < 31 ? rng.weighted([[0, 40], [1, 40], [2, 20]]) : 0;
    const except = Array.from({ length: count }, () => {
      const sub = rng.int(prefix + 1, Math.min(prefix + 8, 32));
      const subSize = 2 ** (32 - sub);
      return `${v4(start + Math.floor(rng.next() * (size / subSize)) * subSize)}/${sub}`;
    }).filter(unique);
    return except.length ? { cidr, except } : { cidr };
  }
}

function basePolicies(p: NamespacePlan): number {
  return (p.deny === 'split' ? 2 : p.deny ? 1 : 0) + (p.dns ? 1 : 0);
}

function container(name: string, image: string, ports: readonly PortSpec[]): any {
  if (!ports.length) return { name, image };
  const containerPorts = ports.map(([portName, containerPort, protocol]) =>
    (portName ? { name: portName, containerPort, protocol } : { containerPort, protocol }));
  return { name, image, ports: containerPorts };
}

function podPorts(w: WorkloadSpec): readonly PortSpec[] {
  return w.sidecar ? [...w.ports, ...SIDECAR] : w.ports;
}

function firstLabel(labels: Labels): Labels {
  const [key, value] = Object.entries(labels)[0];
  return { [key]: value };
}

function unique<T>(value: T, index: number, all: readonly T[]): boolean {
  return all.indexOf(value) === index;
}

function v4(address: number): string {
  return [24, 16, 8, 0].map(shift => Math.floor(address / 2 ** shift) % 256).join('.');
}

/** RFC 5952 text: lowercase, no leading zeros, the longest run of 2+ zero groups (leftmost) as `::`. */
function v6(groups: readonly number[]): string {
  let best = -1;
  let bestLength = 1;
  for (let i = 0; i < groups.length;) {
    let j = i;
    while (j < groups.length && groups[j] === 0) j++;
    if (j - i > bestLength) [best, bestLength] = [i, j - i];
    i = Math.max(j, i + 1);
  }
  const hex = groups.map(g => g.toString(16));
  return best < 0 ? hex.join(':') : `${hex.slice(0, best).join(':')}::${hex.slice(best + bestLength).join(':')}`;
}

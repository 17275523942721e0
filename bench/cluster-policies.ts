/**
 * The ClusterNetworkPolicy dimension of the benchmark: Admin and Baseline policies over the
 * namespaces `generate-cluster.ts` writes (its `team`, `env`, `tier` and `network-zone` labels,
 * its system namespaces), drawn from their own seeded generator so that the rest of the cluster
 * stays exactly as it is without them. Priorities are distinct within a tier.
 */
import { Random } from './random';

/** How many of each tier the benchmark adds. */
export const ADMIN_POLICIES = 50;
export const BASELINE_POLICIES = 20;

const TEAMS = ['payments', 'checkout', 'search', 'catalog', 'identity', 'billing', 'ledger', 'ads', 'core', 'risk'];
const ENVS = ['prod', 'staging', 'dev'];
const TIERS = ['frontend', 'backend', 'data', 'platform'];
const ZONES = ['dmz', 'internal', 'restricted'];
const PORTS = [80, 443, 8080, 5432, 6379, 9090];

const byName = (name: string) => ({ matchLabels: { 'kubernetes.io/metadata.name': name } });
const tcp = (number: number) => ({ tcp: { destinationPort: { number } } });
const udp = (number: number) => ({ udp: { destinationPort: { number } } });

/** `ADMIN_POLICIES` Admin and `BASELINE_POLICIES` Baseline ClusterNetworkPolicies; the same seed gives the same objects. */
export function clusterPolicyObjects(seed = 1): any[] {
  const rng = new Random(seed * 7919 + 17);
  const namespaces = () => {
    const key = rng.pick(['team', 'env', 'tier', 'network-zone']);
    const values = key === 'team' ? TEAMS : key === 'env' ? ENVS : key === 'tier' ? TIERS : ZONES;
    return { matchLabels: { [key]: rng.pick(values) } };
  };
  const pods = () => ({ pods: { namespaceSelector: namespaces(), podSelector: { matchLabels: { tier: rng.pick(TIERS) } } } });
  const subject = () => (rng.chance(0.7) ? { namespaces: namespaces() } : pods());
  const peer = () => (rng.chance(0.6) ? { namespaces: namespaces() } : pods());
  const protocols = () => (rng.chance(0.5) ? {} : { protocols: [tcp(rng.pick(PORTS))] });
  const rules = (direction: 'ingress' | 'egress') => Array.from({ length: rng.int(1, 4) }, () => ({
    action: rng.weighted([['Deny', 4], ['Pass', 3], ['Accept', 3]]),
    [direction === 'ingress' ? 'from' : 'to']: direction === 'egress' && rng.chance(0.2)
      ? [{ networks: [rng.pick(['0.0.0.0/0', '10.0.0.0/8', '169.254.169.254/32', '34.0.0.0/8'])] }]
      : [peer()],
    ...protocols(),
  }));
  const policy = (name: string, tier: 'Admin' | 'Baseline', priority: number, spec: object) =>
    ({ apiVersion: 'policy.networking.k8s.io/v1alpha2', kind: 'ClusterNetworkPolicy', metadata: { name }, spec: { tier, priority, ...spec } });

  // The guardrails platform teams write first, then policies drawn from the namespaces' labels.
  const admin = [
    policy('admin-dns', 'Admin', 1, {
      subject: { namespaces: {} },
      egress: [{ action: 'Accept', to: [{ pods: { namespaceSelector: byName('kube-system'), podSelector: { matchLabels: { 'k8s-app': 'kube-dns' } } } }], protocols: [udp(53), tcp(53)] }],
    }),
    policy('admin-scraping', 'Admin', 2, {
      subject: { namespaces: {} },
      ingress: [{ action: 'Accept', from: [{ namespaces: byName('monitoring') }], protocols: [{ tcp: { destinationPort: { range: { start: 9090, end: 9100 } } } }] }],
    }),
    policy('admin-no-dev-in-prod', 'Admin', 3, {
      subject: { namespaces: { matchLabels: { env: 'prod' } } },
      ingress: [{ action: 'Deny', from: [{ namespaces: { matchLabels: { env: 'dev' } } }] }],
    }),
    policy('admin-no-metadata', 'Admin', 4, { subject: { namespaces: {} }, egress: [{ action: 'Deny', to: [{ networks: ['169.254.169.254/32'] }] }] }),
  ];
  for (let i = admin.length; i < ADMIN_POLICIES; i++) {
    admin.push(policy(`admin-${i}`, 'Admin', 10 + i * 10, { subject: subject(), ...(rng.chance(0.6) ? { ingress: rules('ingress') } : { egress: rules('egress') }) }));
  }
  const baseline = [
    policy('baseline-default-deny', 'Baseline', 900, {
      subject: { namespaces: { matchExpressions: [{ key: 'kubernetes.io/metadata.name', operator: 'NotIn', values: ['kube-system'] }] } },
      ingress: [{ action: 'Deny', from: [{ namespaces: {} }] }],
    }),
  ];
  for (let i = baseline.length; i < BASELINE_POLICIES; i++) {
    baseline.push(policy(`baseline-${i}`, 'Baseline', 10 + i * 10, { subject: subject(), ...(rng.chance(0.6) ? { ingress: rules('ingress') } : { egress: rules('egress') }) }));
  }
  return [...admin, ...baseline];
}

/**
 * A deterministic change to a generated cluster, as a pull request makes one: a given share of its
 * NetworkPolicies edited, each in one of three ways that reviewers meet (every edited policy stays
 * valid):
 * - open: a rule added that admits every pod of the namespace on one port (TCP 8000-8999);
 * - close: the policy's last rule removed (a default deny stays one: it has none);
 * - move: a numeric port of a rule moved to another number (a range keeps its width).
 */
import { Random } from './random';

type Edit = 'open' | 'close' | 'move';

/** What `mutatePolicies` saw and changed, counted as the objects pass. */
export interface MutationCounts {
  policies: number;
  open: number;
  close: number;
  move: number;
}

/** Yields `objects` with `percent`% of their NetworkPolicies edited (which ones, and how, chosen by `seed`). */
export function* mutatePolicies(objects: Iterable<any>, percent: number, seed: number, counts: MutationCounts): Generator<any> {
  // A sequence of its own, derived from the cluster's seed.
  const rng = new Random(seed * 7919 + 17);
  for (const object of objects) {
    if (object.kind !== 'NetworkPolicy') {
      yield object;
      continue;
    }
    counts.policies++;
    if (!rng.chance(percent / 100)) {
      yield object;
      continue;
    }
    const copy = structuredClone(object);
    counts[editPolicy(copy.spec, rng)]++;
    yield copy;
  }
}

function editPolicy(spec: any, rng: Random): Edit {
  const directions = policyDirections(spec);
  const withRules = directions.filter((d) => (spec[d] ?? []).length > 0);
  const withNumericPorts = withRules.filter((d) => spec[d].some((rule: any) => (rule.ports ?? []).some((p: any) => typeof p.port === 'number')));
  const edit = rng.weighted<Edit>([['open', 2], ['close', withRules.length > 0 ? 1 : 0], ['move', withNumericPorts.length > 0 ? 1 : 0]]);
  if (edit === 'close') {
    const direction = rng.pick(withRules);
    spec[direction] = spec[direction].slice(0, -1);
  } else if (edit === 'move') {
    const rules: any[] = spec[rng.pick(withNumericPorts)].filter((rule: any) => (rule.ports ?? []).some((p: any) => typeof p.port === 'number'));
    const port = rng.pick(rules).ports.find((p: any) => typeof p.port === 'number');
    const width = (port.endPort ?? port.port) - port.port;
    port.port = rng.int(20000, 30000);
    if (port.endPort !== undefined) port.endPort = port.port + width;
  } else {
    const direction = rng.pick(directions);
    const peer = direction === 'ingress' ? { from: [{ podSelector: {} }] } : { to: [{ podSelector: {} }] };
    spec[direction] = [...(spec[direction] ?? []), { ...peer, ports: [{ protocol: 'TCP', port: 8000, endPort: 8999 }] }];
  }
  return edit;
}

/** The directions a policy's rules count for: its policyTypes, or as the API server defaults them. */
function policyDirections(spec: any): ('ingress' | 'egress')[] {
  if (Array.isArray(spec.policyTypes)) {
    return spec.policyTypes.map((t: string) => t.toLowerCase());
  }
  return spec.egress !== undefined ? ['ingress', 'egress'] : ['ingress'];
}

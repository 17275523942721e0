import { cached } from './cached';
import { layeredPorts } from './layered-ports';
import { DNS_LABEL, DNS_NAMESPACE, LintContext } from './lint-context';
import { LintId } from './lint-id';
import { lintFinding, LintReport, listed } from './lint-report';
import { PortRanges } from './port-ranges';
import { Protocol } from '../k8s/protocol';
import { TrafficDirection } from '../k8s/traffic-direction';

const DNS_PORT = 53;

/** Which DNS ports a pod class reaches. */
interface DnsReach {
  readonly udp: boolean;
  readonly tcp: boolean;
}

/**
 * `NP-LINT-DNS-BLOCKED` and `NP-LINT-DNS-PARTIAL`: pods the policy isolates for egress reach the
 * cluster DNS neither on UDP/53 nor on TCP/53 (every name lookup fails), or on one of them only
 * (lookups over UDP, or answers too large for UDP, fail). The cluster DNS is the pods labelled
 * `k8s-app=kube-dns` in `kube-system`; when the input has none, the pods assumed in their place,
 * or any address (a node-local cache, an outside resolver). Connections are judged whole,
 * through every layer: the DNS pods' own ingress side counts.
 */
export function lintDns(context: LintContext, report: LintReport): void {
  const engine = context.engine;
  const reach = new Map<number, DnsReach>();
  // What a side lets out to addresses depends on its rules only: judged once per side.
  const toAddresses = new Map<unknown, PortRanges>();
  const reachOf = (s: number): DnsReach => cached(reach, s, () => {
    let ports = PortRanges.NONE;
    for (const d of context.dnsClasses) {
      ports = ports.union(engine.ports(s, d));
    }
    if (context.dnsAssumed) {
      const layers = engine._layersOf(TrafficDirection.EGRESS, s);
      ports = ports.union(cached(toAddresses, layers.id, () => context.addresses.parts(layers.flat).reduce((all, part) => {
        const matched = new Set(part.rules.map((i) => layers.flat[i]));
        return all.union(layeredPorts(layers.rules, (rule) => matched.has(rule), []));
      }, PortRanges.NONE)));
    }
    return { udp: ports.contains(Protocol.UDP, DNS_PORT), tcp: ports.contains(Protocol.TCP, DNS_PORT) };
  });
  const dns = context.dnsAssumed
    ? `the cluster DNS (pods labelled ${DNS_LABEL.key}=${DNS_LABEL.value} in ${DNS_NAMESPACE}, which the input lacks, or any address)`
    : `the cluster DNS (${listed(context.workloadNames(context.dnsClasses))})`;
  context.policies.forEach((policy, p) => {
    const subjects = context.subjects(p, TrafficDirection.EGRESS);
    const blocked = subjects.filter((s) => !reachOf(s).udp && !reachOf(s).tcp);
    const partial = subjects.filter((s) => reachOf(s).udp !== reachOf(s).tcp);
    if (blocked.length > 0) {
      report(lintFinding(LintId.DNS_BLOCKED, policy, 'spec.egress',
        `pods this policy isolates for egress (${listed(context.workloadNames(blocked))}) cannot reach ${dns} on UDP/53 or TCP/53: `
        + 'every name lookup they make fails. Fix: allow egress to the DNS pods on UDP and TCP 53 (AllowDns, or allowDns on a default deny), '
        + 'and let the DNS pods admit them'));
    }
    if (partial.length > 0) {
      const missing = partial.map((s) => (reachOf(s).udp ? 'TCP' : 'UDP'));
      const only = [...new Set(missing)];
      report(lintFinding(LintId.DNS_PARTIAL, policy, 'spec.egress',
        `pods this policy isolates for egress (${listed(context.workloadNames(partial))}) reach ${dns} without ${only.join(' or ')}/53: `
        + (only.includes('UDP') ? 'ordinary lookups, which use UDP, fail' : 'answers too large for UDP, which are retried over TCP, fail')
        + '. Fix: allow both UDP and TCP 53 to the DNS pods'));
    }
  });
}

import { directionRules } from './compiled-policy';
import { LintContext } from './lint-context';
import { LintId } from './lint-id';
import { DIRECTIONS, lintFinding, LintReport, listed, peerField } from './lint-report';
import { lowerBound } from './lower-bound';
import { ipBlockText, rawPeer } from './selector-text';
import { unmapIpv4 } from '../k8s/ip-address';

/** A known pod IP, and whose it is. */
interface PodAddress {
  readonly value: bigint;
  readonly text: string;
  readonly workload: number;
}

/**
 * `NP-LINT-IPBLOCK-COVERS-PODS`: an ipBlock, less its excepts, holds the IP of a pod of the
 * input (a pod on the pod network whose IP the input gives). Whether ipBlocks match pod IPs is
 * up to the network plugin: some do, some only match traffic from outside the cluster.
 */
export function lintIpBlocks(context: LintContext, report: LintReport): void {
  const assumed = context.index.options.ipBlocksMatchPodIps ? 'it matches them: ipBlocksMatchPodIps' : 'it does not: ipBlocksMatchPodIps is false';
  const addresses = { 4: [] as PodAddress[], 6: [] as PodAddress[] };
  const workloads = context.input._index.workloads;
  workloads.forEach((workload, i) => {
    if (!workload.hostNetwork) {
      workload.ips.forEach((ip, k) => {
        const address = unmapIpv4(ip);
        addresses[address.family].push({ value: address.value, text: workload.ipTexts[k], workload: i });
      });
    }
  });
  const byValue = (a: PodAddress, b: PodAddress) => (a.value < b.value ? -1 : a.value > b.value ? 1 : 0);
  addresses[4].sort(byValue);
  addresses[6].sort(byValue);
  if (addresses[4].length + addresses[6].length === 0) {
    return;
  }
  for (const policy of context.policies) {
    for (const direction of DIRECTIONS) {
      for (const rule of directionRules(policy, direction)) {
        (rule.peers ?? []).forEach((peer, p) => {
          if (!peer.ipBlock) {
            return;
          }
          const inside: PodAddress[] = [];
          for (const [family, set] of [[4, peer.ipBlock.v4], [6, peer.ipBlock.v6]] as const) {
            const sorted = addresses[family];
            for (const range of set.ranges) {
              for (let i = lowerBound(sorted.length, (j) => sorted[j].value < range.first); i < sorted.length && sorted[i].value <= range.last; i++) {
                inside.push(sorted[i]);
              }
            }
          }
          if (inside.length === 0) {
            return;
          }
          const pods = [...new Set(inside.map((a) => `${context.input.workloads[a.workload].endpoint} (${a.text})`))];
          report(lintFinding(LintId.IPBLOCK_COVERS_PODS, policy, `${peerField(direction, rule.index, p)}.ipBlock`,
            `ipBlock ${ipBlockText(rawPeer(policy, direction, rule.index, p))} holds the IP of pod${pods.length === 1 ? '' : 's'} ${listed(pods)}: `
            + 'network plugins disagree on whether ipBlocks match pod IPs (some only match traffic from outside the cluster), '
            + `so what this peer admits depends on the plugin (the evaluator assumes ${assumed}). `
            + 'Fix: select those pods with podSelector and namespaceSelector, and leave their range out of the ipBlock with except'));
        });
      }
    }
  }
}

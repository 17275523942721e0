/**
 * The benchmark's clusters rewritten so that netpol-analyzer (`k8snetpolicy`, np-guard) accepts
 * them, with the same pod-to-pod meaning.
 *
 * netpol-analyzer stops the whole run on an egress rule that has a named port and a `to` that
 * can select IP blocks (a missing or empty `to`, or an ipBlock peer): it cannot resolve the name
 * for an address. Kubernetes accepts such rules; a named port resolves on the destination pod, so
 * for an address it matches nothing. Each such rule is split, in place:
 * - its numeric (and port-less) entries, with the `to` unchanged;
 * - its named entries, with the `to` reduced to what can be a pod: `namespaceSelector: {}` for a
 *   missing or empty `to` (every pod), else the peers without the ipBlocks.
 * Rules and ports are OR-ed, so the split rules admit what the rule did to pods (and, since a
 * named port never matches an address, to addresses). When both halves are empty (ipBlock peers
 * and named ports only: a rule that admits nothing), a rule whose peer selects no pod stands in,
 * so the egress list never becomes empty (which would change the policy's implied policyTypes).
 */

/** A peer that selects no pod (no pod has this label) and no address. */
const NO_POD = { namespaceSelector: {}, podSelector: { matchLabels: { 'bench.cdk8s-netpol/never-matches': 'true' } } };

/** `objects` with every egress rule netpol-analyzer refuses split as described above; `split` counts the rules rewritten. */
export function* forNetpolAnalyzer(objects: Iterable<any>, counts: { split: number }): Generator<any> {
  for (const object of objects) {
    const egress = object.kind === 'NetworkPolicy' ? object.spec?.egress : undefined;
    if (!Array.isArray(egress) || !egress.some(refused)) {
      yield object;
      continue;
    }
    counts.split += egress.filter(refused).length;
    yield { ...object, spec: { ...object.spec, egress: egress.flatMap((rule: any) => (refused(rule) ? splitRule(rule) : [rule])) } };
  }
}

function isNamed(port: any): boolean {
  return typeof port?.port === 'string';
}

function selectsAddresses(rule: any): boolean {
  return !Array.isArray(rule.to) || rule.to.length === 0 || rule.to.some((peer: any) => peer.ipBlock !== undefined);
}

function refused(rule: any): boolean {
  return (rule.ports ?? []).some(isNamed) && selectsAddresses(rule);
}

function splitRule(rule: any): any[] {
  const numeric = rule.ports.filter((p: any) => !isNamed(p));
  const named = rule.ports.filter(isNamed);
  const podPeers = !Array.isArray(rule.to) || rule.to.length === 0
    ? [{ namespaceSelector: {} }]
    : rule.to.filter((peer: any) => peer.ipBlock === undefined);
  const rules = [
    ...(numeric.length > 0 ? [{ ...rule, ports: numeric }] : []),
    ...(podPeers.length > 0 ? [{ ...rule, to: podPeers, ports: named }] : []),
  ];
  return rules.length > 0 ? rules : [{ ...rule, to: [NO_POD], ports: named }];
}

/**
 * One peer of `from` or `to`: each selector and the ipBlock are checked first, then
 * whether the peer names something and does not mix ipBlock with a selector.
 */
import { forbidden, required } from './field-errors';
import { ValidationFinding } from './finding';
import { ipBlockFindings } from './ip-block';
import { labelSelectorFindings } from './label-selector';
import { RULE } from './rules';
import { asStruct, isAbsent } from '../k8s/json-values';

/** Findings for the peer at `field`, e.g. `spec.ingress[0].from[2]`. */
export function peerFindings(value: unknown, field: string, strictCidr: boolean): ValidationFinding[] {
  const peer = asStruct(value);
  if (!peer) return [];
  // JSON null is an absent pointer; a present value of the wrong type still counts (it is a decoding error).
  const hasPods = !isAbsent(peer.podSelector);
  const hasNamespaces = !isAbsent(peer.namespaceSelector);
  const hasIpBlock = !isAbsent(peer.ipBlock);
  const findings = [
    ...(hasPods ? labelSelectorFindings(peer.podSelector, `${field}.podSelector`) : []),
    ...(hasNamespaces ? labelSelectorFindings(peer.namespaceSelector, `${field}.namespaceSelector`) : []),
    ...(hasIpBlock ? ipBlockFindings(peer.ipBlock, `${field}.ipBlock`, strictCidr) : []),
  ];
  if (!hasPods && !hasNamespaces && !hasIpBlock) {
    findings.push(required(RULE.PEER_REQUIRED, field, 'must specify a peer'));
  } else if (hasIpBlock && (hasPods || hasNamespaces)) {
    findings.push(forbidden(RULE.PEER_IPBLOCK_COMBINED, field, 'may not specify both ipBlock and another peer'));
  }
  return findings;
}

import { createHash } from 'crypto';
import { PolicyTarget } from './policy-target';
import { LabelSelector } from '../policy/label-selector';
import { namespaceNameOf } from '../policy/namespace-name';
import { Peer } from '../policy/peer';

/**
 * Readable, deterministic `metadata.name`s derived from what a policy does, e.g.
 * `allow-frontend-to-db`. Not part of the public API: users override names with `metadata.name`.
 */

/** Longest derived name: a DNS-1123 label, so names also fit in label values and narrow terminals. */
const MAX_LENGTH = 63;
const HASH_LENGTH = 8;

/**
 * Joins `words` into a DNS-1123 name. A name longer than 63 characters keeps its start and ends
 * with a hash of the whole, so it stays unique and the same on every synth.
 */
export function policyName(words: string[]): string {
  const full = toDnsWords(words.join('-'));
  if (full.length <= MAX_LENGTH) {
    return full;
  }
  const hash = createHash('sha256').update(full).digest('hex').slice(0, HASH_LENGTH);
  return `${full.slice(0, MAX_LENGTH - HASH_LENGTH - 1).replace(/-+$/, '')}-${hash}`;
}

/** Lower-case words separated by single hyphens; camelCase is split (`FrontendApi` -> `frontend-api`). */
export function toDnsWords(text: string): string {
  return text
    .replace(/([a-z0-9])([A-Z])/g, '$1-$2')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** `base`, then the target's words unless the policy applies to every pod (`default-deny-all-db`). */
export function defaultName(base: string, target: PolicyTarget): string {
  return target._selectsEveryPod() ? base : policyName([base, targetWords(target)]);
}

/** The pods a policy selects, in a name: the workload's construct id, the label values, or `all-pods`. */
export function targetWords(target: PolicyTarget): string {
  const workload = target._workload();
  if (workload !== undefined) {
    return workload.construct.node.id;
  }
  return target._selectsEveryPod() ? 'all-pods' : selectorWords(target.podSelector);
}

/** Peers in a name, each once, joined with `and`. */
export function peersWords(peers: Peer[]): string {
  return [...new Set(peers.map(peerWords))].join('-and-');
}

function peerWords(peer: Peer): string {
  const workload = peer._workload();
  if (workload !== undefined) {
    return workload.construct.node.id;
  }
  if (peer.cidr !== undefined) {
    return peer.cidr === '0.0.0.0/0' ? 'any-ipv4' : peer.cidr === '::/0' ? 'any-ipv6' : peer.cidr;
  }
  const namespaces = peer.namespaceSelector;
  const pods = peer.podSelector;
  if (namespaces === undefined) {
    return pods!.isEmpty() ? 'all-pods' : selectorWords(pods!);
  }
  const where = namespaces.isEmpty() ? 'all-namespaces' : namespaceWords(namespaces);
  return pods === undefined || pods.isEmpty() ? where : `${selectorWords(pods)}-in-${where}`;
}

function namespaceWords(selector: LabelSelector): string {
  return namespaceNameOf(selector) ?? selectorWords(selector);
}

/** Label values say more than keys (`app=db` -> `db`); keys stand in where there is no value. */
function selectorWords(selector: LabelSelector): string {
  const words = Object.keys(selector.labels).sort().map(key => selector.labels[key] || shortKey(key));
  for (const expression of selector.expressions) {
    switch (expression.operatorName) {
      case 'In': words.push(...expression.values!); break;
      case 'NotIn': words.push('not', ...expression.values!); break;
      case 'Exists': words.push(shortKey(expression.key)); break;
      default: words.push('no', shortKey(expression.key));
    }
  }
  return words.join('-');
}

function shortKey(key: string): string {
  return key.slice(key.indexOf('/') + 1);
}

import { CNP_RULE } from '../../src/validation/cnp-rules';
import { RULE } from '../../src/validation/rules';

test('ClusterNetworkPolicy rule ids are unique, carry the NP-VAL-CNP prefix and clash with no NetworkPolicy id', () => {
  const ids = Object.values(CNP_RULE);
  expect(new Set(ids).size).toBe(ids.length);
  for (const id of ids) expect(id).toMatch(/^NP-VAL-CNP-[A-Z0-9]+(-[A-Z0-9]+)*$/);
  expect(ids.filter((id) => (Object.values(RULE) as string[]).includes(id))).toEqual([]);
});

test('published ids stay stable', () => {
  expect([CNP_RULE.CHANNEL, CNP_RULE.PORT_RANGE, CNP_RULE.CIDR, CNP_RULE.DOMAIN_NAMES])
    .toEqual(['NP-VAL-CNP-CHANNEL', 'NP-VAL-CNP-PORT-RANGE', 'NP-VAL-CNP-CIDR', 'NP-VAL-CNP-DOMAIN-NAMES']);
});

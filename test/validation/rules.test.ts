import { RULE } from '../../src/validation/rules';

test('rule ids are unique and carry the NP-VAL prefix', () => {
  const ids = Object.values(RULE);
  expect(new Set(ids).size).toBe(ids.length);
  for (const id of ids) expect(id).toMatch(/^NP-VAL-[A-Z0-9]+(-[A-Z0-9]+)*$/);
});

test('published ids stay stable', () => {
  expect(RULE.PORT_RANGE).toBe('NP-VAL-PORT-RANGE');
  expect(RULE.UNKNOWN_FIELD).toBe('NP-VAL-UNKNOWN-FIELD');
  expect(RULE.EXCEPT_SUBSET).toBe('NP-VAL-EXCEPT-SUBSET');
});

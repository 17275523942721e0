import { ruleName } from '../../src/constructs/cluster-rule-name';

test('a rule name keeps within 100 characters, counted as characters', () => {
  expect(ruleName('deny from x')).toBe('deny from x');
  expect(ruleName('é'.repeat(100))).toBe('é'.repeat(100));
  expect([...ruleName('é'.repeat(101))]).toHaveLength(100);
  expect(ruleName('a'.repeat(150)).endsWith('…')).toBe(true);
});

import { InputError, NetpolError, quoted } from '../../src/k8s/input-error';
import { LabelSelector } from '../../src/policy/label-selector';
import { thrown } from '../thrown';

test.each([
  ['PortRange.tcp', ['port 0: out of range'], 'NP-INPUT[PortRange.tcp]: port 0: out of range'],
  ['LabelSelector.of', ['labels key "a b": bad', 'labels["x"] value "y z": bad'], 'NP-INPUT[LabelSelector.of]: labels key "a b": bad; labels["x"] value "y z": bad'],
])('%s with %j', (subject, problems, message) => {
  const error = new InputError(subject, problems);
  expect(error).toBeInstanceOf(NetpolError);
  expect(error).toBeInstanceOf(Error);
  expect(error.message).toBe(message);
  expect([error.code, error.subject, error.problems, error.reason]).toEqual(['NP-INPUT', subject, problems, problems.join('; ')]);
});

test('a factory throws the typed error, which callers can tell apart from defects', () => {
  let error: unknown;
  try {
    LabelSelector.of({ labels: { 'a b': 'c' } });
  } catch (e) {
    error = e;
  }
  expect(error).toBeInstanceOf(InputError);
  expect((error as InputError).subject).toBe('LabelSelector.of');
});

describe('quoted', () => {
  test.each([
    ['web', '"web"'],
    ['a"b', '"a\\"b"'],
    ['x'.repeat(80), `"${'x'.repeat(80)}"`],
    ['x'.repeat(81), `"${'x'.repeat(80)}…(81 bytes)"`],
    ['é'.repeat(100), `"${'é'.repeat(80)}…(200 bytes)"`],
  ])('%j', (value, expected) => {
    expect(quoted(value)).toBe(expected);
  });

  test('a runaway label value is shortened in the error, which still names the field and the limit', () => {
    const message = thrown(() => LabelSelector.of({ labels: { app: 'x'.repeat(10_000) } }));
    expect(message.length).toBeLessThan(400);
    expect(message).toContain(`labels["app"] value "${'x'.repeat(80)}…(10000 bytes)": `);
    expect(message).toContain('63');
  });
});

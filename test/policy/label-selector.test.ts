import { LabelExpression, LabelSelector } from '../../src/policy';
import { thrown } from '../thrown';

describe('rendering', () => {
  test.each([
    ['all()', () => LabelSelector.all(), {}],
    ['of({})', () => LabelSelector.of({}), {}],
    ['of with empty labels and expressions', () => LabelSelector.of({ labels: {}, expressions: [] }), {}],
    ['labels only', () => LabelSelector.of({ labels: { app: 'web', tier: 'frontend' } }), { matchLabels: { app: 'web', tier: 'frontend' } }],
    ['expressions only', () => LabelSelector.of({ expressions: [LabelExpression.exists('app')] }),
      { matchExpressions: [{ key: 'app', operator: 'Exists' }] }],
    ['labels and expressions', () => LabelSelector.of({
      labels: { 'app': 'web', 'example.com/team': '' },
      expressions: [LabelExpression.oneOf('env', ['prod', 'staging']), LabelExpression.doesNotExist('canary')],
    }), {
      matchLabels: { 'app': 'web', 'example.com/team': '' },
      matchExpressions: [
        { key: 'env', operator: 'In', values: ['prod', 'staging'] },
        { key: 'canary', operator: 'DoesNotExist' },
      ],
    }],
  ])('%s', (_name, build, json) => {
    expect(build()._toKube()).toEqual(json);
  });

  test('later changes to the input map and array do not leak in', () => {
    const labels: { [key: string]: string } = { app: 'web' };
    const expressions = [LabelExpression.exists('x')];
    const selector = LabelSelector.of({ labels, expressions });
    labels.app = 'db';
    expressions.pop();
    expect(selector._toKube()).toEqual({ matchLabels: { app: 'web' }, matchExpressions: [{ key: 'x', operator: 'Exists' }] });
    expect(selector.labels).toEqual({ app: 'web' });
    expect(selector.expressions).toHaveLength(1);
  });
});

test.each([
  [LabelSelector.all(), true],
  [LabelSelector.of({}), true],
  [LabelSelector.of({ labels: { app: 'web' } }), false],
  [LabelSelector.of({ expressions: [LabelExpression.exists('app')] }), false],
])('isEmpty() of %s is %s', (selector, empty) => {
  expect(selector.isEmpty()).toBe(empty);
});

test.each([
  [LabelSelector.all(), '*'],
  [LabelSelector.of({ labels: { app: 'web' } }), 'app=web'],
  [LabelSelector.of({ labels: { app: 'web' }, expressions: [LabelExpression.oneOf('tier', ['a', 'b'])] }), 'app=web,tier in (a,b)'],
  [LabelSelector.of({ labels: { app: 'web', env: '' }, expressions: [LabelExpression.exists('x'), LabelExpression.doesNotExist('y')] }), 'app=web,env=,x,!y'],
])('toString is %s', (selector, text) => {
  expect(selector.toString()).toBe(text);
});

describe('errors name the field and what would be valid', () => {
  test.each([
    ['a key with a space', { 'bad key': 'x' }, 'NP-INPUT[LabelSelector.of]: labels key "bad key": name part must consist of alphanumeric characters'],
    ['an empty prefix', { '/app': 'x' }, 'NP-INPUT[LabelSelector.of]: labels key "/app": prefix part must be non-empty'],
    ['a value with a space', { app: 'web server' }, 'NP-INPUT[LabelSelector.of]: labels["app"] value "web server": a valid label must be an empty string or consist of'],
    ['a 64-character value', { app: 'v'.repeat(64) }, `NP-INPUT[LabelSelector.of]: labels["app"] value "${'v'.repeat(64)}": must be no more than 63 bytes`],
  ])('%s', (_name, labels, start) => {
    expect(thrown(() => LabelSelector.of({ labels })).slice(0, start.length)).toBe(start);
  });

  test.each([
    ['an empty value', { app: '' }],
    ['an upper-case name part', { 'example.com/App': 'x' }],
    ['the namespace name label', { 'kubernetes.io/metadata.name': 'prod' }],
    ['a 63-character value', { app: 'v'.repeat(63) }],
  ])('accepts %s', (_name, labels) => {
    expect(LabelSelector.of({ labels })._toKube()).toEqual({ matchLabels: labels });
  });

  test('every problem is reported at once', () => {
    expect(() => LabelSelector.of({ labels: { 'bad key': 'ok', 'ok': 'bad value' } }))
      .toThrow(/labels key "bad key": .*; labels\["ok"\] value "bad value": /);
  });
});

describe('_key', () => {
  test('equal for the same selector however it was written', () => {
    const a = LabelSelector.of({
      labels: { app: 'web', tier: 'a' },
      expressions: [LabelExpression.exists('x'), LabelExpression.oneOf('env', ['b', 'a'])],
    });
    const b = LabelSelector.of({
      labels: { tier: 'a', app: 'web' },
      expressions: [LabelExpression.oneOf('env', ['a', 'b']), LabelExpression.exists('x'), LabelExpression.exists('x')],
    });
    expect(a._key()).toBe(b._key());
    expect(LabelSelector.all()._key()).toBe(LabelSelector.of({})._key());
  });

  test.each([
    ['a label value', LabelSelector.of({ labels: { app: 'web' } }), LabelSelector.of({ labels: { app: 'db' } })],
    ['an extra label', LabelSelector.of({ labels: { app: 'web' } }), LabelSelector.of({ labels: { app: 'web', x: 'y' } })],
    ['an expression', LabelSelector.of({ expressions: [LabelExpression.oneOf('app', ['web'])] }), LabelSelector.of({ expressions: [LabelExpression.noneOf('app', ['web'])] })],
    ['empty vs not', LabelSelector.all(), LabelSelector.of({ expressions: [LabelExpression.exists('app')] })],
  ])('differs by %s', (_name, a, b) => {
    expect(a._key()).not.toBe(b._key());
  });
});

test('a selector is immutable: its labels and expressions cannot be changed', () => {
  const selector = LabelSelector.of({ labels: { app: 'web' }, expressions: [LabelExpression.exists('tier')] });
  expect(() => { selector.labels.app = 'db'; }).toThrow(TypeError);
  expect(() => selector.expressions.push(LabelExpression.exists('x'))).toThrow(TypeError);
  expect(() => LabelExpression.oneOf('k', ['a']).values!.push('b')).toThrow(TypeError);
});

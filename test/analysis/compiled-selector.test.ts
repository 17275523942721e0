import { CompiledSelector } from '../../src/analysis/compiled-selector';

describe('CompiledSelector', () => {
  test.each([
    ['absent matches everything', undefined, {}, true],
    ['{} matches everything', {}, { a: '1' }, true],
    ['matchLabels', { matchLabels: { app: 'web' } }, { app: 'web', x: 'y' }, true],
    ['matchLabels other value', { matchLabels: { app: 'web' } }, { app: 'db' }, false],
    ['matchLabels empty value needs the key', { matchLabels: { app: '' } }, {}, false],
    ['In', { matchExpressions: [{ key: 'env', operator: 'In', values: ['a', 'b'] }] }, { env: 'b' }, true],
    ['In without the key', { matchExpressions: [{ key: 'env', operator: 'In', values: ['a'] }] }, {}, false],
    ['NotIn with another value', { matchExpressions: [{ key: 'env', operator: 'NotIn', values: ['a'] }] }, { env: 'b' }, true],
    ['NotIn with a listed value', { matchExpressions: [{ key: 'env', operator: 'NotIn', values: ['a'] }] }, { env: 'a' }, false],
    ['NotIn without the key', { matchExpressions: [{ key: 'env', operator: 'NotIn', values: ['a'] }] }, {}, true],
    ['Exists', { matchExpressions: [{ key: 'env', operator: 'Exists' }] }, { env: '' }, true],
    ['Exists without the key', { matchExpressions: [{ key: 'env', operator: 'Exists' }] }, {}, false],
    ['DoesNotExist', { matchExpressions: [{ key: 'env', operator: 'DoesNotExist' }] }, {}, true],
    ['DoesNotExist with the key', { matchExpressions: [{ key: 'env', operator: 'DoesNotExist' }] }, { env: 'x' }, false],
    ['inherited object keys are not labels', { matchExpressions: [{ key: 'constructor', operator: 'Exists' }] }, {}, false],
    ['matchLabels AND matchExpressions', { matchLabels: { app: 'web' }, matchExpressions: [{ key: 'env', operator: 'Exists' }] }, { app: 'web' }, false],
  ])('%s', (_, json, labels, expected) => {
    expect(CompiledSelector.compile(json).matches(labels)).toBe(expected);
  });

  test('the key identifies equivalent selectors', () => {
    const a = CompiledSelector.compile({ matchLabels: { app: 'web', tier: 'x' } });
    const b = CompiledSelector.compile({ matchExpressions: [{ key: 'tier', operator: 'In', values: ['x'] }], matchLabels: { app: 'web' } });
    expect(a.key).toBe(b.key);
    expect(CompiledSelector.compile(undefined).key).toBe(CompiledSelector.compile({}).key);
    expect(CompiledSelector.compile({}).requirements).toEqual([]);
  });
});

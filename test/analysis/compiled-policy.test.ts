import { compilePolicy } from '../../src/analysis/compiled-policy';
import { TrafficDirection } from '../../src/k8s/traffic-direction';

const compile = (spec: any) => compilePolicy({ namespaceName: 'x', name: 'p', origin: 'o', manifest: { spec } }, true);
const types = (spec: any) => {
  const policy = compile(spec);
  return [policy.ingress ? 'Ingress' : '-', policy.egress ? 'Egress' : '-'];
};

describe('compilePolicy', () => {
  test.each([
    ['absent policyTypes, no egress', {}, ['Ingress', '-']],
    ['absent policyTypes, egress: []', { egress: [] }, ['Ingress', '-']],
    ['absent policyTypes, egress: [{}]', { egress: [{}] }, ['Ingress', 'Egress']],
    ['empty policyTypes, egress: [{}]', { policyTypes: [], egress: [{}] }, ['Ingress', 'Egress']],
    ['[Egress] only', { policyTypes: ['Egress'], ingress: [{}] }, ['-', 'Egress']],
    ['[Ingress] only, with egress rules', { policyTypes: ['Ingress'], egress: [{}] }, ['Ingress', '-']],
    ['both', { policyTypes: ['Egress', 'Ingress'] }, ['Ingress', 'Egress']],
  ])('effective policyTypes: %s', (_, spec, expected) => {
    expect(types(spec)).toEqual(expected);
  });

  test('rules keep their index and direction; absent or empty peers mean every peer', () => {
    const policy = compile({ ingress: [{}, { from: [] }, { from: [{ podSelector: {} }] }], egress: [{ to: [{ ipBlock: { cidr: '10.0.0.0/8' } }] }] });
    expect(policy.ingress!.map((r) => [r.direction, r.index, r.peers?.length])).toEqual([
      [TrafficDirection.INGRESS, 0, undefined],
      [TrafficDirection.INGRESS, 1, undefined],
      [TrafficDirection.INGRESS, 2, 1],
    ]);
    expect(policy.egress![0].direction).toBe(TrafficDirection.EGRESS);
  });

  test('peer keys: a podSelector alone is scoped to the policy namespace; equal selectors share a key', () => {
    const policy = compile({
      ingress: [{
        from: [
          { podSelector: { matchLabels: { app: 'a' } } },
          { namespaceSelector: {}, podSelector: { matchLabels: { app: 'a' } } },
          { namespaceSelector: { matchLabels: { t: 'x' } } },
          { ipBlock: { cidr: '10.0.0.0/8', except: ['10.0.0.0/16'] } },
          { podSelector: null, namespaceSelector: { matchLabels: { t: 'x' } } },
        ],
      }],
    });
    const keys = policy.ingress![0].peers!.map((p) => p.key);
    expect(keys[0]).toContain('namespace x');
    expect(keys[1]).not.toBe(keys[0]);
    expect(keys[4]).toBe(keys[2]);
    expect(keys[3]).toMatch(/^ipBlock v4\[/);
  });

  test('identity and selector', () => {
    const policy = compile({ podSelector: { matchLabels: { app: 'db' } } });
    expect(policy).toMatchObject({ id: 'x/p', namespaceName: 'x', origin: 'o' });
    expect(policy.podSelector.matches({ app: 'db' })).toBe(true);
    expect(compile({}).podSelector.requirements).toEqual([]);
  });
});

test('null fields count as absent, as the API server decodes them', () => {
  const policy = compile({
    podSelector: { matchLabels: null, matchExpressions: null },
    policyTypes: null,
    egress: null,
    ingress: [
      { from: null, ports: [{ port: null, protocol: null, endPort: null }] },
      { from: [{ podSelector: null, namespaceSelector: { matchLabels: null } }], ports: null },
      { from: [{ ipBlock: { cidr: '10.0.0.0/8', except: null } }] },
      { from: [{ podSelector: { matchExpressions: [{ key: 'a', operator: 'Exists', values: null }] } }] },
    ],
  });
  expect(policy.egress).toBeUndefined();
  expect(policy.podSelector.requirements).toEqual([]);
  expect(policy.ingress![0].peers).toBeUndefined();
  expect(policy.ingress![0].ports.contains('TCP', 1234, [])).toBe(true);
  expect(policy.ingress![1].peers![0].podSelector).toBeUndefined();
  expect(policy.ingress![1].ports.contains('UDP', 1, [])).toBe(true);
  expect(policy.ingress![3].peers![0].podSelector!.matches({ a: '' })).toBe(true);
});

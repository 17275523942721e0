import { deployment, documents, policy } from './manifests';
import { ClusterModel, Evaluator } from '../../src/analysis';

const manifests = documents(
  deployment('x/b'),
  deployment('x/a', { ports: [{ name: 'http', containerPort: 8080 }] }),
  policy('x/deny', { podSelector: {}, policyTypes: ['Ingress', 'Egress'] }),
);

describe('ReachabilityMatrix', () => {
  test('endpoints are sorted; the diagonal follows allowSelfTraffic', () => {
    const matrix = new Evaluator(ClusterModel.fromManifests(manifests)).matrix({ port: 80 });
    expect(matrix.endpoints).toEqual(['x/a', 'x/b']);
    expect([matrix.isAllowed('x/a', 'x/a'), matrix.isAllowed('x/a', 'x/b')]).toEqual([true, false]);
    const strict = new Evaluator(ClusterModel.fromManifests(manifests, { allowSelfTraffic: false })).matrix({ port: 80 });
    expect(strict.isAllowed('x/a', 'x/a')).toBe(false);
  });

  test('self traffic on a port name needs the port', () => {
    const matrix = new Evaluator(ClusterModel.fromManifests(manifests)).matrix({ portName: 'http' });
    expect([matrix.isAllowed('x/a', 'x/a'), matrix.isAllowed('x/b', 'x/b')]).toEqual([true, false]);
  });

  test('JSON form', () => {
    expect(new Evaluator(ClusterModel.fromManifests(manifests)).matrix({ port: 80 }).toJson()).toEqual({
      port: 80,
      protocol: 'TCP',
      pods: ['x/a', 'x/b'],
      allowed: { 'x/a': { 'x/a': true, 'x/b': false }, 'x/b': { 'x/a': false, 'x/b': true } },
    });
  });

  test('an unknown endpoint lists close matches', () => {
    const matrix = new Evaluator(ClusterModel.fromManifests(manifests)).matrix({ port: 80 });
    expect(() => matrix.isAllowed('x/c', 'x/a')).toThrow('NP-INPUT[source]: unknown endpoint "x/c"; close matches: x/a, x/b');
    expect(() => matrix.isAllowed('x/a', 'nothing-like-it')).toThrow(/^NP-INPUT\[destination\]: unknown endpoint "nothing-like-it"$/);
  });
});

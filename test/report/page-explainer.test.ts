import { clusterObjects } from '../../bench/generate-cluster';
import { findScale } from '../../bench/scales';
import { ClusterModel, Evaluator, ManifestDocument } from '../../src/analysis';
import { policyPorts } from '../../src/analysis/policy-ports';
import { ReachabilityMatrix } from '../../src/analysis/reachability-matrix';
import { pageData, PageData } from '../../src/report/page-data';
import { createExplainer } from '../../src/report/page-explainer';
import { VerdictReport } from '../../src/report/verdict-report';

/** Every cell of every port: the page's answer and text against the matrix and `explain`'s. */
function expectEveryCell(data: PageData, evaluator: Evaluator, matrices: ReachabilityMatrix[]): number {
  const explainer = createExplainer(data);
  let checked = 0;
  matrices.forEach((matrix, p) => {
    data.workloads.forEach(([source], s) => {
      data.workloads.forEach(([destination], d) => {
        const page = explainer.explain(p, s, d);
        const allowed = matrix.isAllowed(source, destination);
        if (page.allowed !== allowed || explainer.allowed(p, s, d) !== allowed) {
          throw new Error(`${source} -> ${destination} ${data.ports[p].label}: the page says ${page.allowed}, the matrix ${allowed}`);
        }
        const query = { source, destination, port: matrix.port, portName: matrix.portName, protocol: matrix.protocol };
        let expected: string;
        try {
          expected = VerdictReport.toText(evaluator.check(query));
        } catch {
          // A destination without the port name: explain refuses it, the page says why.
          expect(page.text).toContain(`${destination} has no ${matrix.protocol} container port named "${matrix.portName}"`);
          return;
        }
        if (page.text !== expected) {
          expect(page.text).toEqual(expected);
        }
        checked++;
      });
    });
  });
  return checked;
}

function documentsOf(manifests: any[]): ManifestDocument[] {
  return manifests.map((manifest, i) => ({ manifest, origin: `cluster.yaml:${i}` }));
}

describe('the page explains every connection as explain does', () => {
  test('the bench S cluster: every cell of one port in eight the policies name (numbers, names, TCP, UDP, SCTP)', () => {
    const documents = documentsOf([...clusterObjects(findScale('S'), 1)]);
    const evaluator = new Evaluator(ClusterModel.fromManifests(documents));
    const queries = policyPorts(documents, Number.MAX_SAFE_INTEGER).queries.filter((_, i) => i % 8 === 0);
    expect(queries.map((q) => `${q.protocol}/${q.port ?? q.portName}`)).toEqual(['TCP/53', 'TCP/9090', 'TCP/15000', 'TCP/http', 'UDP/53', 'SCTP/ngap']);
    const matrices = queries.map((q) => evaluator.matrix(q));
    const data = pageData({ intents: [], findings: [], matrices, evaluator }, 'a test');
    expect(data.mode).toBe('cells');
    expect(expectEveryCell(data, evaluator, matrices)).toBeGreaterThan(200 * 200 * 4);
  });

  const pod = (namespace: string, name: string, labels: Record<string, string>, ports: any[] = []) => ({
    apiVersion: 'v1', kind: 'Pod', metadata: { namespace, name, labels }, spec: { containers: [{ name: 'c', image: 'i', ports }] },
  });
  const policy = (namespace: string, name: string, spec: any) => ({ apiVersion: 'networking.k8s.io/v1', kind: 'NetworkPolicy', metadata: { namespace, name }, spec });

  test.each([
    ['self traffic on, a policy named like a workload', {}],
    ['self traffic off', { allowSelfTraffic: false }],
  ])('policies not evaluated, named ports, identical pods: %s', (_, options) => {
    const documents = documentsOf([
      pod('a', 'web', { app: 'web' }, [{ containerPort: 8080, name: 'http' }]),
      pod('a', 'web-2', { app: 'web' }, [{ containerPort: 8080, name: 'http' }]),
      pod('a', 'db', { app: 'db' }, [{ containerPort: 5432, name: 'pg' }]),
      pod('b', 'client', { app: 'client' }),
      policy('a', 'web', { podSelector: { matchLabels: { app: 'web' } }, ingress: [{ from: [{ namespaceSelector: {} }], ports: [{ port: 'http' }] }] }),
      policy('a', 'db', { podSelector: { matchLabels: { app: 'db' } }, policyTypes: ['Ingress', 'Egress'], ingress: [{ from: [{ podSelector: { matchLabels: { app: 'web' } } }] }] }),
      policy('b', 'deny', { podSelector: {}, policyTypes: ['Egress'] }),
      policy('b', 'broken', { podSelector: {}, ingress: [{ ports: [{ port: 0 }] }] }),
      policy('b', 'broken-too', { podSelector: {}, ingress: [{ ports: [{ port: 70000 }] }] }),
      policy('a', 'broken', { podSelector: {}, ingress: [{ ports: [{ port: 0 }] }] }),
    ]);
    const evaluator = new Evaluator(ClusterModel.fromManifests(documents, options));
    const matrices = [{ port: 5432 }, { portName: 'http' }, { port: 8080 }].map((q) => evaluator.matrix(q));
    const data = pageData({ intents: [], findings: [], matrices, evaluator }, 'a test');
    expect(expectEveryCell(data, evaluator, matrices)).toBeGreaterThan(30);
  });
});

import { Testing } from 'cdk8s';
import { parse } from 'yaml';
import { docsExamples } from '../../examples/docs-examples';
import { checkCommand } from '../../src/cli/check-command';
import { NetworkPolicyValidator } from '../../src/validation';

/**
 * The manifests of the "Network Policies" page of the Kubernetes documentation
 * (concepts/services-networking/network-policies). Where the page shows only a fragment
 * (the AND and OR peers) or describes a policy without a manifest (a namespace by name),
 * the surrounding fields are ours and say so.
 */
const DOCS: Record<string, string> = {
  'test-network-policy': `
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: test-network-policy
  namespace: default
spec:
  podSelector:
    matchLabels:
      role: db
  policyTypes:
    - Ingress
    - Egress
  ingress:
    - from:
        - ipBlock:
            cidr: 172.17.0.0/16
            except:
              - 172.17.1.0/24
        - namespaceSelector:
            matchLabels:
              project: myproject
        - podSelector:
            matchLabels:
              role: frontend
      ports:
        - protocol: TCP
          port: 6379
  egress:
    - to:
        - ipBlock:
            cidr: 10.0.0.0/24
      ports:
        - protocol: TCP
          port: 5978
`,
  // Ours: apiVersion to podSelector. The page's fragment: ingress.
  'and-peer': `
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: allow-client-in-alice-to-all-pods
spec:
  podSelector: {}
  ingress:
  - from:
    - namespaceSelector:
        matchLabels:
          user: alice
      podSelector:
        matchLabels:
          role: client
`,
  // Ours: apiVersion to podSelector. The page's fragment: ingress.
  'or-peers': `
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: allow-alice-and-client-to-all-pods
spec:
  podSelector: {}
  ingress:
  - from:
    - namespaceSelector:
        matchLabels:
          user: alice
    - podSelector:
        matchLabels:
          role: client
`,
  'default-deny-ingress': `
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: default-deny-ingress
spec:
  podSelector: {}
  policyTypes:
  - Ingress
`,
  'allow-all-ingress': `
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: allow-all-ingress
spec:
  podSelector: {}
  ingress:
  - {}
  policyTypes:
  - Ingress
`,
  'default-deny-egress': `
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: default-deny-egress
spec:
  podSelector: {}
  policyTypes:
  - Egress
`,
  'allow-all-egress': `
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: allow-all-egress
spec:
  podSelector: {}
  egress:
  - {}
  policyTypes:
  - Egress
`,
  'default-deny-all': `
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: default-deny-all
spec:
  podSelector: {}
  policyTypes:
  - Ingress
  - Egress
`,
  'multi-port-egress': `
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: multi-port-egress
  namespace: default
spec:
  podSelector:
    matchLabels:
      role: db
  policyTypes:
    - Egress
  egress:
    - to:
        - ipBlock:
            cidr: 10.0.0.0/24
      ports:
        - protocol: TCP
          port: 32000
          endPort: 32768
`,
  'egress-namespaces': `
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: egress-namespaces
spec:
  podSelector:
    matchLabels:
      app: myapp
  policyTypes:
  - Egress
  egress:
  - to:
    - namespaceSelector:
        matchExpressions:
        - key: namespace
          operator: In
          values: ["frontend", "backend"]
`,
  // Ours, from the page's words: "use the standardized label to target a specific namespace".
  'namespace-by-name': `
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: allow-myapp-to-backend-egress
spec:
  podSelector:
    matchLabels:
      app: myapp
  policyTypes:
  - Egress
  egress:
  - to:
    - namespaceSelector:
        matchLabels:
          kubernetes.io/metadata.name: backend
`,
};

/**
 * What kube-apiserver stores for a NetworkPolicy it accepts (SetDefaults_NetworkPolicy):
 * a port without protocol gets TCP; absent or empty policyTypes become Ingress, plus Egress
 * when there is at least one egress rule.
 */
function apiServerDefaults(manifest: any): any {
  const spec = structuredClone(manifest.spec);
  for (const rule of [...spec.ingress ?? [], ...spec.egress ?? []]) {
    for (const port of rule.ports ?? []) {
      port.protocol ??= 'TCP';
    }
  }
  if (!spec.policyTypes?.length) {
    spec.policyTypes = ['Ingress', ...(spec.egress?.length ? ['Egress'] : [])];
  }
  return { ...manifest, spec };
}

const app = Testing.app();
const charts = docsExamples(app);

test('every docs example is built, and nothing else', () => {
  expect(Object.keys(charts).sort()).toEqual(Object.keys(DOCS).sort());
});

describe.each(Object.keys(DOCS))('%s', (name) => {
  const synthesized = () => Testing.synth(charts[name]);

  test('is the docs\' manifest, as the API server stores it', () => {
    expect(synthesized()).toEqual([apiServerDefaults(parse(DOCS[name]))]);
  });

  test('passes validation with no error, nor even a warning', () => {
    expect(synthesized().flatMap((manifest: any) => NetworkPolicyValidator.check(manifest))).toEqual([]);
  });
});

test('defaulting fills what the page leaves out', () => {
  expect(apiServerDefaults(parse(DOCS['or-peers'])).spec.policyTypes).toEqual(['Ingress']);
  expect(apiServerDefaults({ spec: { podSelector: {}, egress: [{ ports: [{ port: 53 }] }] } }).spec)
    .toEqual({ podSelector: {}, egress: [{ ports: [{ port: 53, protocol: 'TCP' }] }], policyTypes: ['Ingress', 'Egress'] });
  expect(apiServerDefaults({ spec: { podSelector: {}, egress: [], policyTypes: [] } }).spec.policyTypes).toEqual(['Ingress']);
});

test('the synthesized YAML passes `cdk8s-netpol check`', () => {
  const synthesized = Testing.app();
  docsExamples(synthesized);
  synthesized.synth();
  const result = checkCommand([synthesized.outdir]);
  expect(result.stdout).toBe('');
  expect(result.exitCode).toBe(0);
  expect(result.stderr).toMatch(new RegExp(`^checked ${Object.keys(DOCS).length} NetworkPolicies in `));
});

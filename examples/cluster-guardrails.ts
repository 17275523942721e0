/**
 * Cluster-wide guardrails with ClusterNetworkPolicy, beside the namespaces' own NetworkPolicies:
 *
 * - the platform team, in the Admin tier: DNS and metrics scraping always work, whatever a
 *   namespace's policies say, and no dev namespace reaches payments, whatever payments allows;
 * - each namespace, with NetworkPolicy: payments opens its ledger to every namespace, shop
 *   connects web to api and api to the ledger, monitoring lets Prometheus out;
 * - the platform team, in the Baseline tier: whatever no namespace decides is denied.
 *
 * Run it with `ts-node --project examples/tsconfig.json examples/cluster-guardrails.ts` to write
 * the manifests to `dist/`; `cdk8s-netpol check dist/` accepts them, and
 * test/examples/cluster-guardrails.test.ts checks both.
 */
import { App, Chart } from 'cdk8s';
import * as kplus from 'cdk8s-plus-27';
import {
  AdminAllow, AdminDeny, AllowAllEgress, AllowConnection, AllowFrom, AllowTo, BaselineDefaultDeny, ClusterPolicyPeer, ClusterPolicyPort,
  ClusterPolicySubject, Endpoint, LabelSelector, Peer, PolicyTarget, PortRange, ReachabilityIntents,
} from '../src';

/** What the tests reach into. */
export interface GuardrailsApp {
  readonly platform: Chart;
  readonly intents: ReachabilityIntents;
}

/** The namespaces, one chart each, and the platform's cluster-wide policies in a chart of their own. */
export function clusterGuardrails(app: App): GuardrailsApp {
  const namespace = (name: string, labels: Record<string, string> = {}): Chart => {
    const chart = new Chart(app, name, { namespace: name });
    new kplus.Namespace(chart, 'namespace', { metadata: { name, labels } });
    return chart;
  };
  const workload = (chart: Chart, name: string, ports: kplus.ContainerPort[]): kplus.Deployment =>
    new kplus.Deployment(chart, name, { metadata: { name }, containers: [{ image: `example/${name}`, ports }] });

  const payments = namespace('payments');
  const ledger = workload(payments, 'ledger', [{ number: 8080, name: 'http' }, { number: 9090, name: 'metrics' }]);
  const shop = namespace('shop');
  const web = workload(shop, 'web', [{ number: 8080 }]);
  const api = workload(shop, 'api', [{ number: 8080 }]);
  const dev = namespace('sandbox', { env: 'dev' });
  const sandbox = workload(dev, 'sandbox', [{ number: 8080 }]);
  const monitoring = namespace('monitoring');
  const prometheus = workload(monitoring, 'prometheus', [{ number: 9090 }]);
  const system = namespace('kube-system');
  const coredns = new kplus.Deployment(system, 'coredns', {
    metadata: { name: 'coredns' },
    podMetadata: { labels: { 'k8s-app': 'kube-dns' } },
    containers: [{ image: 'coredns/coredns', ports: [{ number: 53, protocol: kplus.Protocol.UDP }, { number: 53 }] }],
  });

  // The namespaces' own decisions.
  new AllowFrom(payments, 'ledger-from-anywhere', {
    target: PolicyTarget.workload(ledger),
    sources: [Peer.allNamespaces()],
    ports: [PortRange.tcp(8080)],
  });
  new AllowConnection(shop, 'web-to-api', { source: PolicyTarget.workload(web), destination: PolicyTarget.workload(api) });
  new AllowTo(shop, 'api-to-ledger', { target: PolicyTarget.workload(api), destinations: [Peer.workload(ledger)], ports: [PortRange.tcp(8080)] });
  new AllowAllEgress(monitoring, 'prometheus-out');

  // The platform team's guardrails, evaluated around them.
  const platform = new Chart(app, 'platform');
  new AdminAllow(platform, 'dns', {
    priority: 5,
    subject: ClusterPolicySubject.allNamespaces(),
    destinations: [ClusterPolicyPeer.KUBE_DNS],
    ports: [ClusterPolicyPort.DNS_UDP, ClusterPolicyPort.DNS_TCP],
  });
  new AdminAllow(platform, 'scraping', {
    priority: 6,
    subject: ClusterPolicySubject.allNamespaces(),
    sources: [ClusterPolicyPeer.namespaceNamed('monitoring')],
    ports: [ClusterPolicyPort.named('metrics')],
  });
  new AdminDeny(platform, 'dev-to-payments', {
    priority: 10,
    subject: ClusterPolicySubject.namespaceNamed('payments'),
    sources: [ClusterPolicyPeer.namespaces(LabelSelector.of({ labels: { env: 'dev' } }))],
  });
  new BaselineDefaultDeny(platform, 'default-deny', { priority: 100, allowDns: true });

  const intents = new ReachabilityIntents(platform, 'intents');
  intents.expectAllowed(Endpoint.workload(api), Endpoint.workload(ledger), PortRange.tcp(8080));
  intents.expectAllowed(Endpoint.workload(web), Endpoint.workload(api), PortRange.tcp(8080));
  // DNS wins over shop's egress policy, which only lets web reach api.
  intents.expectAllowed(Endpoint.workload(web), Endpoint.workload(coredns), PortRange.DNS_UDP);
  intents.expectDenied(Endpoint.workload(web), Endpoint.workload(ledger), PortRange.tcp(8080));
  // The guardrail wins over payments' own policy, which admits every namespace.
  intents.expectDenied(Endpoint.workload(sandbox), Endpoint.workload(ledger), PortRange.tcp(8080));
  // Scraping wins over payments' policy, which does not list the metrics port.
  intents.expectAllowed(Endpoint.workload(prometheus), Endpoint.workload(ledger), PortRange.tcp(9090));
  // Nothing in shop admits the sandbox: the baseline denies it.
  intents.expectDenied(Endpoint.workload(sandbox), Endpoint.workload(web), PortRange.tcp(8080));
  return { platform, intents };
}

if (require.main === module) {
  const app = new App();
  clusterGuardrails(app);
  app.synth();
}

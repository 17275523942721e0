import { App, Chart, Testing } from 'cdk8s';
import * as kplus27 from 'cdk8s-plus-27';
import * as kplus33 from 'cdk8s-plus-33';
import { policies } from './synth';
import { AllowConnection, AllowFrom, DefaultDenyAll, NetworkPolicy, PolicyTarget } from '../../src/constructs';
import { Endpoint, IntentStatus, ReachabilityIntents } from '../../src/intents';
import { Peer, PortRange } from '../../src/policy';

/**
 * The same app on the oldest and the newest cdk8s-plus line we test: every factory that takes a
 * workload or a namespace reads them from what they render, so both lines give the same policies.
 */
const ADDRESS = 'cdk8s.io/metadata.addr';

/** The shop, built with one cdk8s-plus line. */
function shop(kplus: typeof kplus27 | typeof kplus33, app: App) {
  const chart = new Chart(app, 'shop', { namespace: 'shop' });
  const monitoring = new kplus.Namespace(chart, 'monitoring', { metadata: { name: 'monitoring' } });
  const web = new kplus.Deployment(chart, 'web', { metadata: { name: 'web' }, containers: [{ image: 'web', portNumber: 8080 }] });
  const api = new kplus.StatefulSet(chart, 'api', { metadata: { name: 'api' }, containers: [{ image: 'api', portNumber: 8443 }] });
  const logs = new kplus.DaemonSet(chart, 'logs', {
    metadata: { name: 'logs' },
    containers: [{ image: 'fluentd', ports: [{ number: 514, protocol: kplus.Protocol.UDP }, { number: 24224 }] }],
  });
  const backup = new kplus.Job(chart, 'backup', { metadata: { name: 'backup' }, containers: [{ image: 'backup' }] });
  const debug = new kplus.Pod(chart, 'debug', { metadata: { name: 'debug' }, containers: [{ image: 'busybox' }] });

  new DefaultDenyAll(chart, 'deny', { allowDns: true });
  new AllowConnection(chart, 'web-to-api', { source: PolicyTarget.workload(web), destination: PolicyTarget.workload(api) });
  new AllowConnection(chart, 'api-to-logs', { source: PolicyTarget.workload(api), destination: PolicyTarget.workload(logs) });
  new AllowFrom(chart, 'scrape', { target: PolicyTarget.workload(api), sources: [Peer.allPodsIn(monitoring)], ports: [PortRange.tcp(9090)] });
  new NetworkPolicy(chart, 'backup-policy', { target: PolicyTarget.workload(backup) }).addEgressRule([Peer.workload(api)]);
  new NetworkPolicy(chart, 'debug-policy', { target: PolicyTarget.workload(debug) }).addIngressRule([Peer.workload(web)]);

  // The app exercises the constructs, not its own hygiene: its monitoring peer and extra policies are there to be rendered.
  const intents = new ReachabilityIntents(app, 'intents', { report: false, lints: [] });
  intents.expectAllowed(Endpoint.workload(web), Endpoint.workload(api));
  intents.expectAllowed(Endpoint.workload(api), Endpoint.workload(logs));
  intents.expectDenied(Endpoint.workload(debug), Endpoint.workload(api), PortRange.tcp(8443));
  intents.expectOnlySources(Endpoint.workload(logs), [Endpoint.workload(api)]);
  intents.expectIsolated(Endpoint.workload(backup));
  return { chart, intents, workloads: { web, api, logs, backup, debug } };
}

/** The policies, with each workload's address label replaced by its name, to compare lines. */
function normalized(chart: Chart, addresses: Record<string, string>): any[] {
  const byAddress = Object.fromEntries(Object.entries(addresses).map(([name, address]) => [address, `<${name}>`]));
  return JSON.parse(JSON.stringify(policies(chart), (_key, value) => (typeof value === 'string' && value in byAddress ? byAddress[value] : value)));
}

const LINES = [['cdk8s-plus-27', kplus27], ['cdk8s-plus-33', kplus33]] as const;

describe.each(LINES)('%s', (_line, kplus) => {
  test('each workload is selected by the address label of its rendered pod template', () => {
    const { chart, workloads } = shop(kplus, Testing.app());
    const rendered = Testing.synth(chart);
    for (const [name, workload] of Object.entries(workloads)) {
      const object = rendered.find((o: any) => o.metadata.name === name && o.kind === workload.kind);
      const template = object.kind === 'Pod' ? object : object.spec.template;
      expect(PolicyTarget.workload(workload).podSelector.labels).toEqual({ [ADDRESS]: template.metadata.labels[ADDRESS] });
    }
  });

  test('default ports come from the containers, with their protocols', () => {
    const { chart } = shop(kplus, Testing.app());
    const ingress = Object.fromEntries(policies(chart).filter((p) => p.spec.ingress).map((p) => [p.metadata.name, p.spec.ingress[0].ports]));
    expect(ingress['allow-web-to-api']).toEqual([{ protocol: 'TCP', port: 8443 }]);
    expect(ingress['allow-api-to-logs']).toEqual([{ protocol: 'UDP', port: 514 }, { protocol: 'TCP', port: 24224 }]);
  });

  test('the intents hold', () => {
    const { chart, intents } = shop(kplus, Testing.app());
    Testing.synth(chart);
    expect(intents.results().map((r) => [r.id, r.status])).toEqual(intents.results().map((r) => [r.id, IntentStatus.OK]));
    expect(intents.results()).toHaveLength(5);
  });
});

test('both lines render the same policies', () => {
  const [a, b] = LINES.map(([, kplus]) => {
    const { chart, workloads } = shop(kplus, Testing.app());
    const addresses = Object.fromEntries(Object.entries(workloads).map(([name, w]) => [name, w.podMetadata.getLabel(ADDRESS)!]));
    return normalized(chart, addresses);
  });
  expect(b).toEqual(a);
  expect(a.map((p) => p.metadata.name)).toEqual([
    'default-deny-all', 'allow-dns', 'allow-web-to-api-egress', 'allow-web-to-api', 'allow-api-to-logs-egress', 'allow-api-to-logs',
    'allow-monitoring-to-api', 'backup-policy', 'debug-policy',
  ]);
});

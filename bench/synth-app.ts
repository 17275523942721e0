/**
 * A cdk8s app at benchmark scale, for timing `app.synth()` with reachability intents and the
 * report: the objects of `generate-cluster.ts` spread over charts (namespaces round-robin), every
 * workload and half the policies as raw `ApiObject`s (as included YAML would be), the other half
 * as this library's `NetworkPolicy` constructs, and one `ReachabilityIntents` with intents
 * between generated workloads, each acknowledged so that the app synthesizes whatever they find;
 * the lint findings likewise (found by analysing the app once before the synthesis is timed).
 */
import { ApiObject, App, Chart } from 'cdk8s';
import { clusterObjects } from './generate-cluster';
import { Random } from './random';
import { Scale } from './scales';
import { NetworkPolicy, PolicyTarget } from '../src/constructs';
import { Endpoint, ReachabilityIntents, ReachabilityIntentsProps } from '../src/intents';
import { LabelSelector, Peer, PortRange } from '../src/policy';

/** The size of a synthesis benchmark app. */
export interface SynthAppSize {
  readonly name: string;
  readonly namespaces: number;
  readonly workloads: number;
  /** Raw policies from the generator plus as many `NetworkPolicy` constructs. */
  readonly policies: number;
  readonly charts: number;
  readonly intents: number;
}

export const SYNTH_SIZES: readonly SynthAppSize[] = [
  { name: 'S', namespaces: 20, workloads: 200, policies: 200, charts: 2, intents: 20 },
  { name: 'M', namespaces: 200, workloads: 2_000, policies: 2_000, charts: 20, intents: 50 },
  { name: 'L', namespaces: 500, workloads: 5_000, policies: 5_000, charts: 50, intents: 100 },
];

/** The size with this name (case-insensitive); throws listing the valid names. */
export function findSynthSize(name: string): SynthAppSize {
  const size = SYNTH_SIZES.find((s) => s.name === name.toUpperCase());
  if (!size) {
    throw new Error(`unknown size '${name}': use one of ${SYNTH_SIZES.map((s) => s.name).join(', ')}`);
  }
  return size;
}

/** Builds the app into `app`; returns the intents construct. */
export function synthApp(app: App, size: SynthAppSize, seed = 1, intentsProps: ReachabilityIntentsProps = {}): ReachabilityIntents {
  const scale: Scale = { name: size.name, namespaces: size.namespaces, workloads: size.workloads, policies: Math.ceil(size.policies / 2) };
  const charts = Array.from({ length: size.charts }, (_, i) => new Chart(app, `chart-${i}`));
  const chartOf = new Map<string, Chart>();
  const workloads: Array<{ namespace: string; name: string; app: string; port?: number }> = [];
  let next = 0;
  for (const object of clusterObjects(scale, seed)) {
    const namespace: string = object.kind === 'Namespace' ? object.metadata.name : object.metadata.namespace;
    let chart = chartOf.get(namespace);
    if (chart === undefined) {
      chart = charts[chartOf.size % charts.length];
      chartOf.set(namespace, chart);
    }
    new ApiObject(chart, `o${next++}`, object);
    const template = object.spec?.jobTemplate?.spec?.template ?? object.spec?.template ?? (object.kind === 'Pod' ? object : undefined);
    const labels = template?.metadata?.labels;
    if (labels?.app !== undefined && !template.spec?.hostNetwork) {
      const port = template.spec?.containers?.[0]?.ports?.[0];
      workloads.push({ namespace, name: object.metadata.name, app: labels.app, port: port?.protocol === undefined || port.protocol === 'TCP' ? port?.containerPort : undefined });
    }
  }
  const rng = new Random(seed + 1);
  // The constructs' half of the policies: ingress to one workload from its namespace's pods of a tier.
  for (let i = 0; i < size.policies - scale.policies; i++) {
    const target = workloads[i % workloads.length];
    const policy = new NetworkPolicy(chartOf.get(target.namespace)!, `allow-${i}`, {
      metadata: { name: `bench-allow-${i}`, namespace: target.namespace },
      target: PolicyTarget.labels({ app: target.app }),
    });
    const ports = target.port === undefined ? undefined : [PortRange.tcp(target.port)];
    policy.addIngressRule([Peer.pods(LabelSelector.of({ labels: { tier: rng.pick(['frontend', 'backend', 'data', 'platform']) } }))], ports);
  }
  const intents = new ReachabilityIntents(charts[0], 'intents', intentsProps);
  const withPorts = workloads.filter((w) => w.port !== undefined);
  const pairs = new Set<string>();
  while (pairs.size < size.intents) {
    const source = rng.pick(workloads);
    const destination = rng.pick(withPorts);
    const key = `${source.namespace}/${source.name} ${destination.namespace}/${destination.name}`;
    if (source === destination || pairs.has(key)) {
      continue;
    }
    pairs.add(key);
    const i = pairs.size;
    const from = Endpoint.named(`${source.namespace}/${source.name}`);
    const to = Endpoint.named(`${destination.namespace}/${destination.name}`);
    const id = i % 2 === 0 ? intents.expectAllowed(from, to, PortRange.tcp(destination.port!)) : intents.expectDenied(from, to);
    intents.acknowledge(id, 'a benchmark intent, whatever it finds');
  }
  for (const finding of intents.lintResults()) {
    intents.acknowledge(finding.id, 'a benchmark lint finding, whatever it is');
  }
  return intents;
}

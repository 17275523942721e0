import { ControllerRecord, OwnerReference, PodFacts, PodRecord } from './manifest-reader';
import { ModelFinding } from './model-finding';
import { ContainerPortInfo } from './workload-info';
import { ParsedIp } from '../k8s/cidr';
import { CONTROLLER_POD_LABELS, NODE_KIND, POD_TEMPLATE_HASH_LABEL } from '../k8s/kinds';
import { FindingSeverity } from '../validation/finding';

/**
 * The unit of evaluation: a workload standing for its pods, or one group of its pods when they
 * differ in labels or ports, or a bare pod.
 */
export interface WorkloadObject {
  readonly namespaceName: string;
  /** The workload's name (the owning Deployment's, StatefulSet's... or the bare pod's). */
  readonly name: string;
  readonly kind: string;
  readonly labels: Record<string, string>;
  readonly ports: ContainerPortInfo[];
  /** The IPs of its pods in the input. */
  readonly ips: ParsedIp[];
  readonly ipTexts: string[];
  readonly hostNetwork: boolean;
  readonly origin: string;
  /** The names of the pods it stands for, when the input has them. */
  readonly pods: string[];
  /** The nodes its pods run on, sorted. */
  readonly nodes: string[];
  /** Its number among the pod groups of one workload (from 1), when its pods differ. */
  readonly group?: number;
}

/** A pod of the input, and the workload (group) it belongs to. */
export interface PodObject {
  readonly namespaceName: string;
  readonly name: string;
  /** Index of its workload among the grouping's workloads. */
  readonly workload: number;
  readonly ips: ParsedIp[];
  readonly ports: ContainerPortInfo[];
  readonly hostNetwork: boolean;
  readonly node?: string;
  readonly origin: string;
}

/** Workloads, with the pods that stand behind them. */
export interface WorkloadGrouping {
  readonly workloads: WorkloadObject[];
  readonly pods: PodObject[];
  readonly findings: ModelFinding[];
}

/** A workload as the ownership chains end in it, and what it is read from. */
interface Owner {
  readonly kind: string;
  readonly namespaceName: string;
  readonly name: string;
  object?: ControllerRecord;
  readonly pods: PodRecord[];
  /** Controllers it owns, directly or not (a Deployment's ReplicaSets, a CronJob's Jobs). */
  readonly owned: ControllerRecord[];
}

/** Ownership chains are short (Pod -> ReplicaSet -> Deployment); a longer one is a loop in the input. */
const MAX_CHAIN = 8;

/**
 * Groups pods into the workloads that own them, following `ownerReferences` (Pod -> ReplicaSet
 * -> Deployment, Pod -> Job -> CronJob, StatefulSet, DaemonSet, ReplicationController, or any
 * other controller kind). An owner that is not in the input is named by the reference; a
 * ReplicaSet that is not, by its Deployment when the pod's `pod-template-hash` shows it is one
 * (`web-7d9f8b6c4` of pods labelled `7d9f8b6c4` belongs to `web`), and a Job that is not, by a
 * CronJob of the input whose name it extends (`backup-28473920`). A workload with pods in the
 * input stands for them (its template and its ReplicaSets or Jobs are not counted again); one
 * without stands for its pod template. Pods of one workload that differ in labels (beyond those
 * controllers set per pod) or ports form groups, each evaluated on its own, and are reported.
 */
export function groupWorkloads(pods: readonly PodRecord[], controllers: readonly ControllerRecord[]): WorkloadGrouping {
  const controllerByKey = new Map(controllers.map((c) => [keyOf(c.kind, c.namespaceName, c.name), c]));
  const owners = new Map<string, Owner>();
  const ownerFor = (kind: string, namespaceName: string, name: string): Owner => {
    const key = keyOf(kind, namespaceName, name);
    let owner = owners.get(key);
    if (!owner) {
      owner = { kind, namespaceName, name, pods: [], owned: [] };
      owners.set(key, owner);
    }
    return owner;
  };
  /** The end of the ownership chain starting at `reference`. */
  const topOf = (namespaceName: string, reference: OwnerReference, templateHash: string | undefined): { kind: string; name: string } => {
    let current = { kind: reference.kind, name: reference.name };
    for (let hop = 0; hop < MAX_CHAIN; hop++) {
      const object = controllerByKey.get(keyOf(current.kind, namespaceName, current.name));
      const next = object ? object.owner : inferredOwner(current, namespaceName, templateHash);
      if (!next || next.kind === NODE_KIND) {
        return current;
      }
      current = { kind: next.kind, name: next.name };
    }
    return current;
  };
  const inferredOwner = (owned: { kind: string; name: string }, namespaceName: string, templateHash?: string): OwnerReference | undefined => {
    if (owned.kind === 'ReplicaSet' && templateHash && owned.name.endsWith(`-${templateHash}`)) {
      return { kind: 'Deployment', name: owned.name.slice(0, -templateHash.length - 1) };
    }
    if (owned.kind === 'Job') {
      const cronJob = /^(.+)-[0-9]+$/.exec(owned.name)?.[1];
      if (cronJob && controllerByKey.has(keyOf('CronJob', namespaceName, cronJob))) {
        return { kind: 'CronJob', name: cronJob };
      }
    }
    return undefined;
  };

  // Owners in reading order of their first object, whether the owner itself or something it owns.
  const first = new Map<Owner, number>();
  const place = (owner: Owner, order: number): void => {
    first.set(owner, Math.min(first.get(owner) ?? order, order));
  };
  for (const controller of controllers) {
    const templateHash = controller.labels[POD_TEMPLATE_HASH_LABEL];
    const top = controller.owner && controller.owner.kind !== NODE_KIND
      ? topOf(controller.namespaceName, controller.owner, templateHash) : { kind: controller.kind, name: controller.name };
    const owner = ownerFor(top.kind, controller.namespaceName, top.name);
    if (top.kind === controller.kind && top.name === controller.name) {
      owner.object = controller;
    } else {
      owner.owned.push(controller);
    }
    place(owner, controller.order);
  }
  for (const pod of pods) {
    const owned = pod.owner && pod.owner.kind !== NODE_KIND;
    const top = owned ? topOf(pod.namespaceName, pod.owner!, pod.labels[POD_TEMPLATE_HASH_LABEL]) : { kind: 'Pod', name: pod.name };
    const owner = ownerFor(top.kind, pod.namespaceName, top.name);
    owner.pods.push(pod);
    place(owner, pod.order);
  }

  const workloads: WorkloadObject[] = [];
  const podObjects: PodObject[] = [];
  const findings: ModelFinding[] = [];
  for (const owner of [...first.keys()].sort((a, b) => first.get(a)! - first.get(b)!)) {
    const origin = owner.object?.origin ?? owner.owned[0]?.origin ?? owner.pods[0].origin;
    const groups = owner.pods.length > 0 ? podGroups(owner.pods) : templateGroups(owner);
    groups.forEach((group, g) => {
      const index = workloads.length;
      const ips = group.pods.flatMap((p) => p.ips);
      workloads.push({
        namespaceName: owner.namespaceName,
        name: owner.name,
        kind: owner.kind,
        labels: group.facts.labels,
        ports: group.facts.ports,
        hostNetwork: group.facts.hostNetwork,
        ips,
        ipTexts: group.pods.flatMap((p) => p.ipTexts),
        origin,
        pods: group.pods.map((p) => p.name),
        nodes: [...new Set(group.pods.map((p) => p.nodeName).filter((n): n is string => n !== undefined))].sort(),
        group: groups.length > 1 ? g + 1 : undefined,
      });
      for (const pod of group.pods) {
        podObjects.push({
          namespaceName: pod.namespaceName,
          name: pod.name,
          workload: index,
          ips: pod.ips,
          ports: pod.ports,
          hostNetwork: pod.hostNetwork,
          node: pod.nodeName,
          origin: pod.origin,
        });
      }
    });
    if (groups.length > 1) {
      findings.push({
        severity: FindingSeverity.WARNING,
        origin,
        subject: `${owner.namespaceName}/${owner.name}`,
        field: '',
        rule: 'NP-INPUT-WORKLOAD-PODS',
        message: `its pods differ in ${differences(groups.map((g) => g.facts))}, so each group is evaluated on its own: `
          + groups.map((g, i) => `[${i + 1}] ${g.pods.length > 0 ? g.pods.map((p) => p.name).join(', ') : 'pod template'}`).join('; '),
      });
    }
  }
  return { workloads, pods: podObjects, findings };
}

/** Pods or a template that share their facts. */
interface Group {
  readonly facts: PodFacts;
  readonly pods: PodRecord[];
}

/** Pods grouped by labels (those controllers set per pod left out) and ports; each group keeps the labels all its pods share. */
function podGroups(pods: readonly PodRecord[]): Group[] {
  const groups = new Map<string, Group>();
  for (const pod of pods) {
    const key = factsKey(pod);
    const group = groups.get(key);
    if (group) {
      group.pods.push(pod);
    } else {
      groups.set(key, { facts: pod, pods: [pod] });
    }
  }
  return [...groups.values()].map((group) => ({ facts: { ...group.facts, labels: sharedLabels(group.pods) }, pods: group.pods }));
}

/** The pod templates a workload without pods stands for: its own, else those of what it owns (running ones first). */
function templateGroups(owner: Owner): Group[] {
  if (owner.object) {
    return [{ facts: owner.object, pods: [] }];
  }
  const running = owner.owned.filter((c) => c.replicas !== 0);
  const groups = new Map<string, Group>();
  for (const controller of running.length > 0 ? running : owner.owned) {
    const key = factsKey(controller);
    if (!groups.has(key)) {
      groups.set(key, { facts: { ...controller, labels: withoutControllerLabels(controller.labels) }, pods: [] });
    }
  }
  return [...groups.values()];
}

function factsKey(facts: PodFacts): string {
  return JSON.stringify([
    Object.entries(withoutControllerLabels(facts.labels)).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
    facts.ports.map((p) => [p.name ?? '', p.protocol, p.port]).sort(),
    facts.hostNetwork,
  ]);
}

function withoutControllerLabels(labels: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(labels).filter(([key]) => !CONTROLLER_POD_LABELS.has(key)));
}

/** The labels every pod has with the same value. */
function sharedLabels(pods: readonly PodRecord[]): Record<string, string> {
  const [first, ...others] = pods;
  return Object.fromEntries(Object.entries(first.labels)
    .filter(([key, value]) => others.every((pod) => Object.prototype.hasOwnProperty.call(pod.labels, key) && pod.labels[key] === value)));
}

/** What differs between groups: the label keys, and whether ports or the network mode do. */
function differences(groups: readonly PodFacts[]): string {
  const keys = new Set(groups.flatMap((g) => Object.keys(withoutControllerLabels(g.labels))));
  const valueOf = (labels: Record<string, string>, key: string) => (Object.prototype.hasOwnProperty.call(labels, key) ? labels[key] : undefined);
  const differing = [...keys].filter((key) => new Set(groups.map((g) => valueOf(g.labels, key))).size > 1).sort();
  const ports = new Set(groups.map((g) => JSON.stringify(g.ports.map((p) => [p.name ?? '', p.protocol, p.port]).sort()))).size > 1;
  const network = new Set(groups.map((g) => g.hostNetwork)).size > 1;
  return [
    ...(differing.length > 0 ? [`labels (${differing.join(', ')})`] : []),
    ...(ports ? ['container ports'] : []),
    ...(network ? ['hostNetwork'] : []),
  ].join(' and ');
}

function keyOf(kind: string, namespaceName: string, name: string): string {
  return JSON.stringify([kind, namespaceName, name]);
}

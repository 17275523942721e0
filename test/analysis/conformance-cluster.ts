/**
 * The cluster the upstream ClusterNetworkPolicy conformance suite runs against
 * (kubernetes-sigs/network-policy-api, `conformance/base/manifests.yaml`), rebuilt with our
 * manifest helpers: four house namespaces with two pods each, plus two host-network pods on two
 * labelled nodes for the node-peer scenarios. Pod IPs are ours to choose: the suite reads them
 * from the live cluster.
 */
import { clusterPolicy, namespace, pod } from './manifests';
import { Protocol } from '../../src/k8s/protocol';

export type House = 'gryffindor' | 'slytherin' | 'hufflepuff' | 'ravenclaw';
export const HOUSES: House[] = ['gryffindor', 'slytherin', 'hufflepuff', 'ravenclaw'];
const STUDENT: Record<House, string> = {
  gryffindor: 'harry-potter',
  slytherin: 'draco-malfoy',
  hufflepuff: 'cedric-diggory',
  ravenclaw: 'luna-lovegood',
};

/** The host-network namespace; its pods take their node's address. */
export const FOREST = 'network-policy-conformance-forbidden-forrest';

/**
 * Ports the host-network pods serve, in the order the suite indexes them. The suite takes them
 * from its configuration; these values are our choice, with the protocols its probes use.
 */
export const HOST_PORTS: { port: number; protocol: Protocol }[] = [
  { port: 36363, protocol: Protocol.TCP },
  { port: 36364, protocol: Protocol.TCP },
  { port: 34345, protocol: Protocol.UDP },
  { port: 34346, protocol: Protocol.UDP },
  { port: 34347, protocol: Protocol.UDP },
  { port: 9003, protocol: Protocol.SCTP },
  { port: 9005, protocol: Protocol.SCTP },
];

const NODE_IPS = ['172.18.0.2', '172.18.0.3'];

export function houseNamespace(house: House): string {
  return `network-policy-conformance-${house}`;
}

/**
 * A pod by short name: a house initial and a replica index (`G0`, `S1`, `H0`, `R1`), or `C0`/`C1`
 * for the host-network centaurs. Answers `namespace/name`.
 */
export function endpoint(short: string): string {
  const index = Number(short.slice(1));
  if (short[0] === 'C') return `${FOREST}/centaur-${index}`;
  const house = HOUSES.find((h) => h[0].toUpperCase() === short[0])!;
  return `${houseNamespace(house)}/${STUDENT[house]}-${index}`;
}

/** The IPv4 address we give a house pod (by short name). */
export function podIp(short: string): string {
  const house = HOUSES.findIndex((h) => h[0].toUpperCase() === short[0]);
  return `10.244.${house + 1}.${10 + Number(short.slice(1))}`;
}

/** The base cluster: namespaces, pods, nodes; no policies. */
export function baseCluster(): any[] {
  const objects: any[] = [];
  for (const house of HOUSES) {
    const name = houseNamespace(house);
    objects.push(namespace(name, { 'kubernetes.io/metadata.name': name, 'conformance-house': house }));
  }
  objects.push(namespace(FOREST, { 'kubernetes.io/metadata.name': FOREST, 'conformance-house': 'forbidden-forrest' }));
  HOUSES.forEach((house, h) => {
    for (const i of [0, 1]) {
      const short = `${house[0].toUpperCase()}${i}`;
      objects.push(pod(endpoint(short), {
        // The suite's pods come from StatefulSets, which label each pod with its own name.
        labels: { 'conformance-house': house, 'statefulset.kubernetes.io/pod-name': `${STUDENT[house]}-${i}` },
        // Named container ports as the suite declares them; the other served ports stay unnamed.
        ports: [
          { name: 'web', containerPort: 80, protocol: 'TCP' },
          { containerPort: 8080, protocol: 'TCP' },
          { containerPort: 5353, protocol: 'UDP' },
          { name: 'dns', containerPort: 53, protocol: 'UDP' },
          { containerPort: 9003, protocol: 'SCTP' },
          { containerPort: 9005, protocol: 'SCTP' },
        ],
        // Dual-stack: an IPv4 and an IPv6 address each.
        ips: [podIp(short), `fd00:10:244:${h + 1}::${10 + i}`],
      }));
    }
  });
  NODE_IPS.forEach((address, i) => {
    objects.push({
      apiVersion: 'v1',
      kind: 'Node',
      metadata: { name: `kind-worker-${i}`, labels: { 'kubernetes.io/os': 'linux' } },
      status: { addresses: [{ type: 'InternalIP', address }] },
    });
    const centaur = pod(`${FOREST}/centaur-${i}`, {
      labels: { 'conformance-house': 'forbidden-forrest' },
      hostNetwork: true,
      node: `kind-worker-${i}`,
      ports: HOST_PORTS.map(({ port, protocol }) => ({ containerPort: port, protocol })),
      ips: [address],
    });
    centaur.status.hostIP = address;
    objects.push(centaur);
  });
  return objects;
}

/** Selects one house namespace by its automatic name label. */
export function byName(house: House): any {
  return { matchLabels: { 'kubernetes.io/metadata.name': houseNamespace(house) } };
}

/** Selects one house namespace by the house label the suite puts on it. */
export function byHouse(house: House): any {
  return { matchLabels: { 'conformance-house': house } };
}

/** The pods of one house, by namespace and pod labels. */
export function houseStudents(house: House): any {
  return { namespaceSelector: byHouse(house), podSelector: byHouse(house) };
}

/** A `protocols` entry for one port. */
export function onPort(protocol: Protocol, port: number): any {
  return { [protocol.toLowerCase()]: { destinationPort: { number: port } } };
}

export function cnp(name: string, spec: any): any {
  return clusterPolicy(name, spec);
}

/** A deep copy, so that a step's mutation leaves earlier steps' policies alone. */
export function copy<T>(value: T): T {
  return JSON.parse(JSON.stringify(value));
}

/** Swaps two rules of a direction in a policy (the suite reorders rules this way), in place. */
export function swapRules(policy: any, direction: 'ingress' | 'egress', i: number, j: number): void {
  const rules = policy.spec[direction];
  [rules[i], rules[j]] = [rules[j], rules[i]];
}

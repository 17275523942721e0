import { AddressUniverse } from './address-parts';
import { cached } from './cached';
import { CompiledPeer, CompiledPolicy } from './compiled-policy';
import { CompiledSelector, Labels } from './compiled-selector';
import { Evaluator } from './evaluator';
import type { ExposureAnswer, ExposureQuery, ExposureSource } from './exposure';
import { complementOf, intersectSpaces, LabelSpace, someLabelsEscaping, spaceOf } from './label-space';
import { PortRanges } from './port-ranges';
import { checkPortQuery, portNumberOn } from './port-target';
import { ipBlockText, rawPeer, selectorText } from './selector-text';
import { classSetHas } from './side-rules';
import { ContainerPortInfo } from './workload-info';
import { InputError } from '../k8s/input-error';
import { NAMESPACE_NAME_LABEL } from '../k8s/kinds';
import { TrafficDirection } from '../k8s/traffic-direction';

/** A peer's pods: the labels they may have, and the namespaces they may be in. */
interface PodScope {
  readonly pods: LabelSpace | undefined;
  /** The namespace selector; undefined: only `namespaceName`. */
  readonly namespaces?: CompiledSelector;
  readonly namespaceName: string;
}

/** Pods that count as known sources: in this namespace, with at least these labels. */
export interface KnownPods {
  readonly namespaceName: string;
  readonly labels: Labels;
}

/**
 * `Exposure.of`, pods like `known` left out: a pod of a known source's namespace that carries
 * all its labels is that source (another replica), not another pod.
 */
export function exposureOf(evaluator: Evaluator, query: ExposureQuery, known: readonly KnownPods[]): ExposureAnswer {
  const model = evaluator.model;
  const index = model._index;
  const w = evaluator._workloadOf(query.destination);
  if (w === undefined) {
    throw new InputError('destination', [`${query.destination} is an address: exposure is asked of a workload or pod (namespace/name)`]);
  }
  const d = index.classOfWorkload[w];
  const destination = index.classes[d];
  const label = model.workloads[w].endpoint;
  const wanted = wantedPorts(query, destination.ports, label);
  const policies = index.policies;
  const isolating = destination.hostNetwork ? [] : index.ingressPolicies[d];
  if (isolating.length === 0) {
    return {
      destination: label,
      otherPods: true,
      otherAddresses: true,
      sources: [{ description: `any pod or address: ${label} is not isolated for ingress`, policy: '', rule: '' }],
    };
  }
  // Every input pod's IP is that pod's (a hostNetwork pod's is its node's): none is another address.
  const universe = new AddressUniverse(index.workloads.flatMap((x) => x.ips));
  const names = index.namespaces.map((ns) => ns.name);
  const egressOf = new Map<string, CompiledPolicy[]>();
  for (const policy of policies) {
    if (policy.egress !== undefined) {
      cached(egressOf, policy.namespaceName, () => []).push(policy);
    }
  }
  const peers = evaluator._peers();
  /** Whether an egress peer of a policy in `namespaceName` matches the destination. */
  const peerMatchesDestination = (peer: CompiledPeer, namespaceName: string): boolean => classSetHas(peers.classesOf(peer, namespaceName), d);
  /** Whether some pod with labels in `pods`, in the input namespace `namespaceName`, may send some of `ports` to the destination. */
  const sendsFrom = (namespaceName: string, pods: LabelSpace, ports: PortRanges): boolean => {
    const egress = egressOf.get(namespaceName) ?? [];
    // The pod must also be unlike every known source of the namespace.
    const unknown = known.filter((k) => k.namespaceName === namespaceName)
      .map((k) => complementOf(Object.entries(k.labels).map(([key, value]) => ({ key, operator: 'In' as const, values: [value] }))));
    const lettingOut = egress.filter((policy) => policy.egress!.some((rule) => !rule.ports.resolvedOn(destination.ports).intersect(ports).isEmpty()
      && (rule.peers === undefined || rule.peers.some((peer) => peerMatchesDestination(peer, namespaceName)))));
    // Some labels put the pod in a policy that lets it out, or in no egress policy at all.
    return lettingOut.some((policy) => {
      const selected = spaceOf(policy.podSelector.requirements);
      const both = selected && intersectSpaces(pods, selected);
      return both !== undefined && someLabelsEscaping(both, unknown);
    }) || someLabelsEscaping(pods, [...egress.map((policy) => complementOf(policy.podSelector.requirements)), ...unknown]);
  };
  /** Whether some pod not in the input, in the scope, could send some of `ports`. */
  const podsReach = (scope: PodScope, ports: PortRanges): boolean => {
    if (scope.pods === undefined) {
      return false;
    }
    if (scope.namespaces === undefined) {
      return sendsFrom(scope.namespaceName, scope.pods, ports);
    }
    // A new namespace: any labels, a name no input namespace has, and no policy of its own.
    const selected = spaceOf(scope.namespaces.requirements);
    const freshName = new Map([[NAMESPACE_NAME_LABEL, { absent: false, cofinite: true, values: new Set(names) }]]);
    const fresh = selected && intersectSpaces(selected, freshName);
    if (fresh !== undefined) {
      return true;
    }
    return index.namespaces.some((ns) => scope.namespaces!.matches(ns.labels) && sendsFrom(ns.name, scope.pods!, ports));
  };

  let otherPods = false;
  let otherAddresses = false;
  const sources: ExposureSource[] = [];
  for (const p of isolating) {
    const policy = policies[p];
    for (const rule of policy.ingress!) {
      const ports = rule.ports.resolvedOn(destination.ports).intersect(wanted);
      if (ports.isEmpty()) {
        continue;
      }
      const ruleName = `ingress[${rule.index}]`;
      const by = ` (allowed by ${policy.id}, ${ruleName})`;
      if (rule.peers === undefined) {
        // Every pod and address; a pod in a new namespace always gets out.
        otherPods = true;
        otherAddresses = true;
        sources.push({ description: `any pod or address${by}`, policy: policy.id, rule: ruleName });
        continue;
      }
      rule.peers.forEach((peer, j) => {
        const peerRule = `${ruleName}.from[${j}]`;
        if (peer.ipBlock !== undefined) {
          if (universe.holdsOtherThanPods(peer.ipBlock) !== undefined) {
            otherAddresses = true;
            sources.push({ description: `addresses in ${ipBlockText(rawPeer(policy, TrafficDirection.INGRESS, rule.index, j))}${by}`, policy: policy.id, rule: peerRule });
          }
          return;
        }
        const scope: PodScope = {
          pods: spaceOf(peer.podSelector?.requirements ?? []),
          namespaces: peer.namespaceSelector,
          namespaceName: policy.namespaceName,
        };
        if (podsReach(scope, ports)) {
          otherPods = true;
          sources.push({ description: `${podsText(peer, policy.namespaceName)}${by}`, policy: policy.id, rule: peerRule });
        }
      });
    }
  }
  return { destination: label, otherPods, otherAddresses, sources };
}

/** The ports asked about: one (a name resolved on the destination), or every port. */
function wantedPorts(query: ExposureQuery, destinationPorts: readonly ContainerPortInfo[], label: string): PortRanges {
  if (query.port === undefined && query.portName === undefined) {
    return PortRanges.ALL;
  }
  const checked = checkPortQuery(query);
  const port = portNumberOn(checked, destinationPorts);
  if (port === undefined) {
    throw new InputError('port', [`${label} has no ${checked.protocol} container port named "${checked.portName}"`]);
  }
  return PortRanges.of(checked.protocol, port);
}

function podsText(peer: CompiledPeer, namespaceName: string): string {
  const pods = peer.podSelector && peer.podSelector.requirements.length > 0 ? `any pod labelled ${selectorText(peer.podSelector)}` : 'any pod';
  if (peer.namespaceSelector === undefined) {
    return `${pods} in namespace ${namespaceName}`;
  }
  return peer.namespaceSelector.requirements.length === 0 ? `${pods} in any namespace` : `${pods} in a namespace labelled ${selectorText(peer.namespaceSelector)}`;
}

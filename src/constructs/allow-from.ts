import { Construct } from 'constructs';
import { emptyListProblems } from './empty-list';
import { NetworkPolicy, PolicyMetadataProps } from './network-policy';
import { peersWords, policyName, targetWords } from './policy-name';
import { PolicyTarget } from './policy-target';
import { workloadPorts } from './workload-ports';
import { InputError } from '../k8s/input-error';
import { TrafficDirection } from '../k8s/traffic-direction';
import { Peer } from '../policy/peer';
import { PortRange } from '../policy/port-range';

/**
 * Properties of `AllowFrom`.
 */
export interface AllowFromProps extends PolicyMetadataProps {
  /** The pods that receive the traffic (`spec.podSelector`). */
  readonly target: PolicyTarget;

  /**
   * Where the traffic may come from (OR). At least one; to admit every source use
   * `AllowAllIngress`.
   */
  readonly sources: Peer[];

  /**
   * The ports the traffic may use (OR).
   *
   * @default - the container ports of the target when it is a cdk8s-plus-27 workload that
   * declares some, with their protocols; else every port of every protocol
   */
  readonly ports?: PortRange[];
}

/**
 * Allows ingress to the target pods from `sources` on `ports`: one NetworkPolicy with one
 * `ingress` rule, `policyTypes: [Ingress]`. It also isolates the target for ingress, so other
 * sources are denied unless another policy allows them.
 *
 * For pod-to-pod traffic the sources' egress must allow it too when they are egress-isolated;
 * `AllowConnection` writes both sides.
 *
 * Named `allow-<sources>-to-<target>`, e.g. `allow-frontend-to-db`.
 *
 * @example
 * new AllowFrom(chart, 'frontend-to-db', {
 *   target: PolicyTarget.labels({ role: 'db' }),
 *   sources: [Peer.pods(LabelSelector.of({ labels: { role: 'frontend' } }))],
 *   ports: [PortRange.REDIS],
 * });
 */
export class AllowFrom extends Construct {
  /** The emitted policy; add more rules to it with `addIngressRule`. */
  public readonly policy: NetworkPolicy;

  constructor(scope: Construct, id: string, props: AllowFromProps) {
    super(scope, id);
    const problems: string[] = [];
    problems.push(...emptyListProblems(props.sources, 'sources', 'every source', 'list the sources, or use AllowAllIngress if every source is meant'));
    problems.push(...emptyListProblems(props.ports, 'ports', 'every port', 'list the ports, or leave ports out'));
    if (problems.length > 0) {
      throw new InputError(this.node.path, problems);
    }
    const sources = [...props.sources];
    const ports = props.ports && [...props.ports];
    this.policy = new NetworkPolicy(this, 'Policy', {
      metadata: {
        ...props.metadata,
        name: props.metadata?.name ?? policyName(['allow', peersWords(sources), 'to', targetWords(props.target)]),
      },
      target: props.target,
      policyTypes: [TrafficDirection.INGRESS],
    });
    this.policy._addRules(TrafficDirection.INGRESS, () => [{ peers: sources, ports: ports ?? workloadPorts(props.target._workload()) }]);
  }
}

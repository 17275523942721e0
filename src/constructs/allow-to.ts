import { Construct } from 'constructs';
import { emptyListProblems } from './empty-list';
import { NetworkPolicy, PolicyMetadataProps } from './network-policy';
import { peersWords, policyName, targetWords } from './policy-name';
import { RuleSpec } from './policy-rules';
import { PolicyTarget } from './policy-target';
import { workloadPorts } from './workload-ports';
import { InputError } from '../k8s/input-error';
import { TrafficDirection } from '../k8s/traffic-direction';
import { Peer } from '../policy/peer';
import { PortRange } from '../policy/port-range';

/**
 * Properties of `AllowTo`.
 */
export interface AllowToProps extends PolicyMetadataProps {
  /** The pods that send the traffic (`spec.podSelector`). */
  readonly target: PolicyTarget;

  /**
   * Where the traffic may go (OR). At least one; to admit every destination use
   * `AllowAllEgress`.
   */
  readonly destinations: Peer[];

  /**
   * The ports the traffic may use (OR).
   *
   * @default - for each destination that is a cdk8s-plus-27 workload declaring container
   * ports, those ports with their protocols (one rule per distinct set of ports); every port
   * of every protocol for the others
   */
  readonly ports?: PortRange[];
}

/**
 * Allows egress from the target pods to `destinations` on `ports`: one NetworkPolicy with
 * `policyTypes: [Egress]`. It also isolates the target for egress, so other destinations,
 * including DNS, are denied unless another policy allows them (see `AllowDns`).
 *
 * For pod-to-pod traffic the destinations' ingress must allow it too when they are
 * ingress-isolated; `AllowConnection` writes both sides.
 *
 * Named `allow-<target>-to-<destinations>-egress`, e.g. `allow-api-to-db-egress`.
 *
 * @example
 * new AllowTo(chart, 'db-to-backups', {
 *   target: PolicyTarget.labels({ role: 'db' }),
 *   destinations: [Peer.ipv4('10.0.0.0/24')],
 *   ports: [PortRange.tcpRange(32000, 32768)],
 * });
 */
export class AllowTo extends Construct {
  /** The emitted policy; add more rules to it with `addEgressRule`. */
  public readonly policy: NetworkPolicy;

  constructor(scope: Construct, id: string, props: AllowToProps) {
    super(scope, id);
    const problems: string[] = [];
    problems.push(...emptyListProblems(props.destinations, 'destinations', 'every destination',
      'list the destinations, or use AllowAllEgress if every destination is meant'));
    problems.push(...emptyListProblems(props.ports, 'ports', 'every port', 'list the ports, or leave ports out'));
    if (problems.length > 0) {
      throw new InputError(this.node.path, problems);
    }
    const destinations = [...props.destinations];
    const ports = props.ports && [...props.ports];
    this.policy = new NetworkPolicy(this, 'Policy', {
      metadata: {
        ...props.metadata,
        name: props.metadata?.name ?? policyName(['allow', targetWords(props.target), 'to', peersWords(destinations), 'egress']),
      },
      target: props.target,
      policyTypes: [TrafficDirection.EGRESS],
    });
    this.policy._addRules(TrafficDirection.EGRESS, () => ports !== undefined ? [{ peers: destinations, ports }] : rulesByPorts(destinations));
  }
}

/**
 * One rule per distinct set of destination ports, so a workload's ports are never opened
 * towards another destination.
 */
function rulesByPorts(destinations: Peer[]): RuleSpec[] {
  const rules = new Map<string, { peers: Peer[]; ports?: PortRange[] }>();
  for (const destination of destinations) {
    const ports = workloadPorts(destination._workload());
    const key = ports === undefined ? 'all' : ports.map(p => p._key()).sort().join();
    const rule = rules.get(key) ?? { peers: [], ports };
    rule.peers.push(destination);
    rules.set(key, rule);
  }
  return [...rules.values()];
}

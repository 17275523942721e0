import { Construct } from 'constructs';
import { emptyListProblems } from './empty-list';
import { NetworkPolicy, PolicyMetadataProps } from './network-policy';
import { defaultName } from './policy-name';
import { PolicyTarget } from './policy-target';
import { InputError } from '../k8s/input-error';
import { TrafficDirection } from '../k8s/traffic-direction';
import { LabelSelector } from '../policy/label-selector';
import { Peer } from '../policy/peer';
import { PortRange } from '../policy/port-range';

/**
 * Where the cluster's DNS answers.
 */
export interface DnsOptions {
  /**
   * The DNS servers (OR), e.g. `Peer.ipv4('169.254.20.10/32')` for NodeLocal DNSCache.
   *
   * @default - `AllowDns.KUBE_DNS`: pods labelled `k8s-app: kube-dns` in namespace `kube-system`
   */
  readonly servers?: Peer[];

  /**
   * The DNS ports (OR), as the DNS pods listen on them (policies see the port after the
   * Service's translation).
   *
   * @default - UDP 53 and TCP 53 (`PortRange.DNS_UDP`, `PortRange.DNS_TCP`)
   */
  readonly ports?: PortRange[];
}

/**
 * Properties of `AllowDns`.
 */
export interface AllowDnsProps extends DnsOptions, PolicyMetadataProps {
  /**
   * The pods that may query DNS.
   *
   * @default - every pod in the namespace
   */
  readonly target?: PolicyTarget;
}

/**
 * Allows egress from the target pods to the cluster DNS: one NetworkPolicy with
 * `policyTypes: [Egress]`. Pods under a default-deny egress policy cannot resolve any name
 * without it; Service names included. Both UDP and TCP are needed: large answers fall back to TCP.
 *
 * Named `allow-dns` (with the target's name appended when it is not every pod).
 *
 * @example
 * new AllowDns(chart, 'dns');
 * // NodeLocal DNSCache
 * new AllowDns(chart, 'node-local-dns', { servers: [Peer.ipv4('169.254.20.10/32')] });
 */
export class AllowDns extends Construct {
  /** The pods labelled `k8s-app: kube-dns` in namespace `kube-system`: CoreDNS or kube-dns as most clusters deploy it. */
  public static readonly KUBE_DNS = Peer.podsInNamespaceNamed('kube-system', LabelSelector.of({ labels: { 'k8s-app': 'kube-dns' } }));

  /** The emitted policy. */
  public readonly policy: NetworkPolicy;

  constructor(scope: Construct, id: string, props: AllowDnsProps = {}) {
    super(scope, id);
    const problems: string[] = [];
    problems.push(...emptyListProblems(props.servers, 'servers', 'every destination', 'list the DNS servers, or leave servers out for kube-dns'));
    problems.push(...emptyListProblems(props.ports, 'ports', 'every port', 'list the ports, or leave ports out for UDP and TCP 53'));
    if (problems.length > 0) {
      throw new InputError(this.node.path, problems);
    }
    const target = props.target ?? PolicyTarget.all();
    this.policy = new NetworkPolicy(this, 'Policy', {
      metadata: { ...props.metadata, name: props.metadata?.name ?? defaultName('allow-dns', target) },
      target,
      policyTypes: [TrafficDirection.EGRESS],
    });
    this.policy.addEgressRule(props.servers ?? [AllowDns.KUBE_DNS], props.ports ?? [PortRange.DNS_UDP, PortRange.DNS_TCP]);
  }
}

import { describeNamespaces, namespacedPod, namespacesNamedSelector } from './cluster-policy-selectors';
import { LabelSelector } from './label-selector';
import { namespaceNameSelector } from './namespace-name';
import { isCelCidr } from '../k8s/cidr';
import { InputError, quoted } from '../k8s/input-error';
import { KubeClusterNetworkPolicyEgressPeer } from '../k8s/kube-json';
import { DOMAIN_NAME_PATTERN } from '../validation/cnp-schema';

const MAX_ENTRIES = 25;
const MAX_CIDR_LENGTH = 43;
const DOMAIN_NAME = new RegExp(DOMAIN_NAME_PATTERN);

/**
 * The other end of a ClusterNetworkPolicy rule: one item of a rule's `from` (ingress) or `to`
 * (egress). Ingress rules take pods only (`namespaces`, `pods`); egress rules also take
 * addresses (`networks`), and in the CRD's experimental channel nodes and domain names.
 *
 * Unlike a NetworkPolicy peer, `pods(...)` without namespaces means the pods of every namespace,
 * and `networks` also match pods whose IP they contain. Pods on the host network are never
 * matched by `namespaces` or `pods`: their traffic is their node's.
 *
 * @example
 * ClusterPolicyPeer.namespaceNamed('monitoring');
 * ClusterPolicyPeer.podsInNamespaceNamed('kube-system', LabelSelector.of({ labels: { 'k8s-app': 'kube-dns' } }));
 * ClusterPolicyPeer.networks(['0.0.0.0/0', '::/0']);
 */
export class ClusterPolicyPeer {
  /** The pods labelled `k8s-app: kube-dns` in namespace `kube-system`: the cluster DNS as most clusters deploy it. */
  public static readonly KUBE_DNS = ClusterPolicyPeer.podsInNamespaceNamed('kube-system', LabelSelector.of({ labels: { 'k8s-app': 'kube-dns' } }));

  /**
   * Every pod of every namespace (`namespaces: {}`).
   *
   * @example
   * ClusterPolicyPeer.allNamespaces();
   */
  public static allNamespaces(): ClusterPolicyPeer {
    return ClusterPolicyPeer.namespaces(LabelSelector.all());
  }

  /**
   * Every pod of the namespaces matching `selector`.
   *
   * @param selector which namespaces, by their labels
   * @example
   * ClusterPolicyPeer.namespaces(LabelSelector.of({ labels: { env: 'dev' } }));
   */
  public static namespaces(selector: LabelSelector): ClusterPolicyPeer {
    return new ClusterPolicyPeer('namespaces', { namespaces: selector._toKube() }, describeNamespaces(selector));
  }

  /**
   * Every pod of the namespace called `name`.
   *
   * @param name a namespace name
   * @example
   * ClusterPolicyPeer.namespaceNamed('monitoring');
   */
  public static namespaceNamed(name: string): ClusterPolicyPeer {
    return ClusterPolicyPeer.namespaces(namespaceNameSelector('ClusterPolicyPeer.namespaceNamed', name));
  }

  /**
   * Every pod of the namespaces with these names.
   *
   * @param names namespace names, at least one
   * @example
   * ClusterPolicyPeer.namespacesNamed(['sandbox', 'playground']);
   */
  public static namespacesNamed(names: string[]): ClusterPolicyPeer {
    return ClusterPolicyPeer.namespaces(namespacesNamedSelector('ClusterPolicyPeer.namespacesNamed', names));
  }

  /**
   * The pods matching `pods` in every namespace.
   *
   * @param pods which pods, by their labels
   * @example
   * ClusterPolicyPeer.pods(LabelSelector.of({ labels: { app: 'prometheus' } }));
   */
  public static pods(pods: LabelSelector): ClusterPolicyPeer {
    return new ClusterPolicyPeer('pods', { pods: namespacedPod(pods, undefined) }, `pods(${pods}) in every namespace`);
  }

  /**
   * The pods matching `pods` in the namespaces matching `namespaces` (both must hold).
   *
   * @param pods which pods, by their labels
   * @param namespaces which namespaces, by their labels
   * @example
   * ClusterPolicyPeer.podsInNamespaces(LabelSelector.of({ labels: { app: 'prometheus' } }), LabelSelector.of({ labels: { purpose: 'monitoring' } }));
   */
  public static podsInNamespaces(pods: LabelSelector, namespaces: LabelSelector): ClusterPolicyPeer {
    return new ClusterPolicyPeer('pods', { pods: namespacedPod(pods, namespaces) }, `pods(${pods}) in ${describeNamespaces(namespaces)}`);
  }

  /**
   * The pods matching `pods` in the namespace called `name`.
   *
   * @param name a namespace name
   * @param pods which pods, by their labels
   * @example
   * ClusterPolicyPeer.podsInNamespaceNamed('kube-system', LabelSelector.of({ labels: { 'k8s-app': 'kube-dns' } }));
   */
  public static podsInNamespaceNamed(name: string, pods: LabelSelector): ClusterPolicyPeer {
    return ClusterPolicyPeer.podsInNamespaces(pods, namespaceNameSelector('ClusterPolicyPeer.podsInNamespaceNamed', name));
  }

  /**
   * The addresses in these CIDRs, inside the cluster (pods included) or outside it. Egress only.
   * `0.0.0.0/0` therefore also matches pod-to-pod traffic: to exempt pods, put an earlier rule
   * for them (often a `Pass`).
   *
   * @param cidrs 1 to 25 IPv4 or IPv6 CIDRs, e.g. `10.0.0.0/8` or `fd00::/8`, each once
   * @example
   * ClusterPolicyPeer.networks(['0.0.0.0/0', '::/0']);
   */
  public static networks(cidrs: string[]): ClusterPolicyPeer {
    const problems = listProblems('cidrs', cidrs);
    cidrs.forEach((cidr, i) => {
      if ([...cidr].length > MAX_CIDR_LENGTH) {
        problems.push(`cidrs[${i}] ${quoted(cidr)}: is longer than ${MAX_CIDR_LENGTH} characters`);
      } else if (!isCelCidr(cidr)) {
        problems.push(`cidrs[${i}] ${quoted(cidr)}: is not a CIDR the CRD accepts (an IPv4 or IPv6 address, '/', a prefix length; `
          + 'no leading zeros, no IPv4-mapped IPv6 address), e.g. 10.0.0.0/8 or fd00::/8');
      }
    });
    if (problems.length > 0) {
      throw new InputError('ClusterPolicyPeer.networks', problems);
    }
    return new ClusterPolicyPeer('networks', { networks: [...cidrs] }, `networks(${cidrs.join(', ')})`);
  }

  /**
   * The addresses (`status.addresses`) of the nodes matching `selector`. Egress only, and only in
   * the CRD's experimental channel.
   *
   * @param selector which nodes, by their labels
   * @example
   * ClusterPolicyPeer.nodes(LabelSelector.of({ expressions: [LabelExpression.exists('node-role.kubernetes.io/control-plane')] }));
   */
  public static nodes(selector: LabelSelector): ClusterPolicyPeer {
    return new ClusterPolicyPeer('nodes', { nodes: selector._toKube() }, selector.isEmpty() ? 'all nodes' : `nodes(${selector})`);
  }

  /**
   * The addresses of every node. Egress only, and only in the CRD's experimental channel.
   *
   * @example
   * ClusterPolicyPeer.allNodes();
   */
  public static allNodes(): ClusterPolicyPeer {
    return ClusterPolicyPeer.nodes(LabelSelector.all());
  }

  /**
   * Destinations by DNS name: `example.com` exactly, or `*.example.com` for every name below it
   * (not `example.com` itself). Egress only, in the CRD's experimental channel, and documented
   * for Accept rules of the Admin tier only. The reachability analysis cannot evaluate them (it
   * has no DNS) and says so in its findings.
   *
   * @param names 1 to 25 domain names, each once
   * @example
   * ClusterPolicyPeer.domainNames(['api.github.com', '*.githubusercontent.com']);
   */
  public static domainNames(names: string[]): ClusterPolicyPeer {
    const problems = listProblems('names', names);
    names.forEach((name, i) => {
      if (!DOMAIN_NAME.test(name)) {
        problems.push(`names[${i}] ${quoted(name)}: is not a domain name the CRD accepts: at least two labels of letters, digits, `
          + "'-' and '_' (a label ends with a letter or digit), optionally starting with '*.' and ending with '.'");
      }
    });
    if (problems.length > 0) {
      throw new InputError('ClusterPolicyPeer.domainNames', problems);
    }
    return new ClusterPolicyPeer('domainNames', { domainNames: [...names] }, `domainNames(${names.join(', ')})`);
  }

  private constructor(
    /**
     * The peer field it sets: `namespaces`, `pods`, `networks`, `nodes` or `domainNames`.
     *
     * @internal
     */
    public readonly _field: string,
    private readonly json: KubeClusterNetworkPolicyEgressPeer,
    private readonly description: string,
  ) {}

  /**
   * Whether the peer may be used in ingress rules: only pods can be sources (`namespaces`, `pods`).
   */
  public get ingressCapable(): boolean {
    return this._field === 'namespaces' || this._field === 'pods';
  }

  /** A short description for messages: `namespace(monitoring)`, `networks(0.0.0.0/0)`, `all nodes`. */
  public toString(): string {
    return this.description;
  }

  /**
   * The `from`/`to` item JSON.
   *
   * @internal
   */
  public _toKube(): KubeClusterNetworkPolicyEgressPeer {
    return JSON.parse(JSON.stringify(this.json));
  }
}

function listProblems(field: string, items: string[]): string[] {
  const problems: string[] = [];
  if (items.length === 0 || items.length > MAX_ENTRIES) {
    problems.push(`${field}: has ${items.length} entries; give 1 to ${MAX_ENTRIES} (use several peers for more)`);
  }
  items.forEach((item, i) => {
    if (items.indexOf(item) < i) problems.push(`${field}[${i}] ${quoted(item)}: is listed twice; the CRD refuses duplicates`);
  });
  return problems;
}

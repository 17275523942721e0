import { IConstruct } from 'constructs';
import { LabelSelector } from './label-selector';
import { namespaceConstructName } from './namespace-construct';
import { namespaceNameOf, namespaceNameSelector } from './namespace-name';
import { WorkloadConstruct } from './workload-construct';
import { formatCidr, HOST_BITS, INVALID_CIDR, isStrictSubset, ParsedCidr, parseCidr } from '../k8s/cidr';
import { InputError, quoted, shown } from '../k8s/input-error';
import { KubeNetworkPolicyPeer } from '../k8s/kube-json';

/**
 * The other end of a NetworkPolicy rule: where traffic may come from (ingress) or go to
 * (egress). One `Peer` renders as one item of a rule's `from`/`to` list.
 *
 * Peers are plain values, not constructs: build them anywhere and reuse them. A peer that
 * combines a pod selector and a namespace selector matches pods satisfying both (AND); to
 * allow either, pass two peers to the rule (OR).
 *
 * @example
 * // pods labelled app=frontend in namespaces labelled team=shop
 * const frontend = Peer.podsInNamespaces(
 *   LabelSelector.of({ labels: { app: 'frontend' } }),
 *   LabelSelector.of({ labels: { team: 'shop' } }),
 * );
 * // the internet, without the private ranges
 * const internet = Peer.ipv4('0.0.0.0/0', ['10.0.0.0/8', '172.16.0.0/12', '192.168.0.0/16']);
 */
export class Peer {
  /**
   * Pods matching `selector` in the namespace of the policy that uses this peer.
   *
   * @param selector which pods; `LabelSelector.all()` for every pod of the namespace
   * @example
   * Peer.pods(LabelSelector.of({ labels: { app: 'web' } }));
   */
  public static pods(selector: LabelSelector): Peer {
    return new Peer({ podSelector: selector });
  }

  /**
   * Every pod in the namespace of the policy that uses this peer.
   *
   * @example
   * Peer.allPods();
   */
  public static allPods(): Peer {
    return new Peer({ podSelector: LabelSelector.all() });
  }

  /**
   * Every pod in the namespaces matching `selector`.
   *
   * @param selector which namespaces, by their labels
   * @example
   * Peer.namespaces(LabelSelector.of({ labels: { team: 'payments' } }));
   */
  public static namespaces(selector: LabelSelector): Peer {
    return new Peer({ namespaceSelector: selector });
  }

  /**
   * Every pod in every namespace of the cluster (but no address outside it).
   *
   * @example
   * Peer.allNamespaces();
   */
  public static allNamespaces(): Peer {
    return new Peer({ namespaceSelector: LabelSelector.all() });
  }

  /**
   * Pods matching `pods` that are also in a namespace matching `namespaces` (both must hold).
   *
   * @param pods which pods, by their labels
   * @param namespaces which namespaces they must be in, by the namespaces' labels
   * @example
   * Peer.podsInNamespaces(
   *   LabelSelector.of({ labels: { app: 'prometheus' } }),
   *   LabelSelector.of({ labels: { purpose: 'monitoring' } }),
   * );
   */
  public static podsInNamespaces(pods: LabelSelector, namespaces: LabelSelector): Peer {
    return new Peer({ podSelector: pods, namespaceSelector: namespaces });
  }

  /**
   * Every pod in the namespace called `name`, selected through the
   * `kubernetes.io/metadata.name` label Kubernetes sets on every namespace.
   *
   * @param name the namespace name, a DNS-1123 label
   * @example
   * Peer.namespaceNamed('ingress-nginx');
   */
  public static namespaceNamed(name: string): Peer {
    return new Peer({ namespaceSelector: namespaceNameSelector('Peer.namespaceNamed', name) });
  }

  /**
   * Pods matching `pods` in the namespace called `name`.
   *
   * @param name the namespace name, a DNS-1123 label
   * @param pods which pods of that namespace
   * @example
   * Peer.podsInNamespaceNamed('monitoring', LabelSelector.of({ labels: { app: 'prometheus' } }));
   */
  public static podsInNamespaceNamed(name: string, pods: LabelSelector): Peer {
    return new Peer({ podSelector: pods, namespaceSelector: namespaceNameSelector('Peer.podsInNamespaceNamed', name) });
  }

  /**
   * Addresses in `cidr` (IPv4 or IPv6) except those in `excluding`.
   *
   * The CIDRs must be in the strict form every API server enforces from Kubernetes 1.38: no
   * leading zeros, no host bits beyond the prefix, no IPv4-mapped IPv6. Each excluded range
   * must be of the same family and strictly inside `cidr`. IPv6 is rendered in canonical form.
   *
   * @param cidr the range, e.g. `10.0.0.0/8` or `fd00::/8`
   * @param excluding ranges inside `cidr` to leave out; none when omitted
   * @example
   * Peer.ipBlock('172.17.0.0/16', ['172.17.1.0/24']);
   */
  public static ipBlock(cidr: string, excluding?: string[]): Peer {
    return new Peer({ ipBlock: checkedIpBlock('Peer.ipBlock', cidr, excluding ?? []) });
  }

  /**
   * Like `ipBlock`, but `cidr` must be IPv4.
   *
   * @param cidr an IPv4 range, e.g. `10.0.0.0/8`
   * @param excluding IPv4 ranges inside `cidr` to leave out; none when omitted
   * @example
   * Peer.ipv4('0.0.0.0/0', ['169.254.169.254/32']);
   */
  public static ipv4(cidr: string, excluding?: string[]): Peer {
    return new Peer({ ipBlock: checkedIpBlock('Peer.ipv4', cidr, excluding ?? [], 4) });
  }

  /**
   * Like `ipBlock`, but `cidr` must be IPv6.
   *
   * @param cidr an IPv6 range, e.g. `2001:db8::/32`
   * @param excluding IPv6 ranges inside `cidr` to leave out; none when omitted
   * @example
   * Peer.ipv6('2001:db8::/32');
   */
  public static ipv6(cidr: string, excluding?: string[]): Peer {
    return new Peer({ ipBlock: checkedIpBlock('Peer.ipv6', cidr, excluding ?? [], 6) });
  }

  /**
   * Every IPv4 address (`0.0.0.0/0`), inside the cluster or not.
   *
   * @example
   * Peer.anyIpv4();
   */
  public static anyIpv4(): Peer {
    return Peer.ipv4('0.0.0.0/0');
  }

  /**
   * Every IPv6 address (`::/0`), inside the cluster or not.
   *
   * @example
   * Peer.anyIpv6();
   */
  public static anyIpv6(): Peer {
    return Peer.ipv6('::/0');
  }

  /**
   * The pods of a workload: a `Deployment`, `StatefulSet`, `DaemonSet`, `ReplicaSet`, `Job`,
   * `CronJob` or `Pod` of any cdk8s-plus line, an imported `KubeDeployment` (and the like), or an
   * `ApiObject` of one of those kinds. The pods are selected by the labels of the pod template,
   * read from the rendered object when the policy renders: the `cdk8s.io/metadata.addr` label
   * alone where cdk8s-plus set it (it is unique to the workload), else every template label. When
   * the workload has a namespace (its own or its chart's), the peer is pinned to it, so it means
   * the same pods from a policy in any namespace.
   *
   * Constructs that take ports as optional use the workload's container ports, with their
   * protocols, when a rule to this peer omits them.
   *
   * @param workload the workload or pod construct
   * @example
   * const db = new kplus.StatefulSet(chart, 'db', { containers: [{ image: 'postgres', portNumber: 5432 }] });
   * Peer.workload(db);
   */
  public static workload(workload: IConstruct): Peer {
    const ref = WorkloadConstruct.of('Peer.workload', workload);
    return new Peer({
      namespaceSelector: ref.namespaceName === undefined ? undefined
        : namespaceNameSelector('Peer.workload', ref.namespaceName, `the namespace of ${workload.node.path}`),
      description: ref.toString(),
      workload: ref,
    });
  }

  /**
   * Every pod in a namespace, selected by its name like `namespaceNamed`: a cdk8s-plus
   * `Namespace` of any line, an imported `KubeNamespace`, or an `ApiObject` of kind `Namespace`.
   *
   * @param ns the namespace construct
   * @example
   * const monitoring = new kplus.Namespace(chart, 'monitoring', { metadata: { name: 'monitoring' } });
   * Peer.allPodsIn(monitoring);
   */
  public static allPodsIn(ns: IConstruct): Peer {
    return new Peer({ namespaceSelector: namespaceNameSelector('Peer.allPodsIn', namespaceConstructName('Peer.allPodsIn', ns)) });
  }

  /**
   * A peer from selectors computed elsewhere, such as the pod template labels and namespace
   * of a cdk8s-plus workload; `description` names it in messages instead of the selectors.
   *
   * @internal
   */
  public static _fromSelectors(parts: {
    podSelector?: LabelSelector;
    namespaceSelector?: LabelSelector;
    description?: string;
    workload?: WorkloadConstruct;
  }): Peer {
    if (parts.podSelector === undefined && parts.namespaceSelector === undefined && parts.workload === undefined) {
      throw new InputError('Peer', ['a peer needs a podSelector, a namespaceSelector, or both']);
    }
    return new Peer(parts);
  }

  /**
   * The pod selector (`podSelector`); for a workload's pods, read from its pod template each
   * time it is asked for.
   *
   * @default - none: the peer selects whole namespaces, or is an IP block
   */
  public get podSelector(): LabelSelector | undefined {
    return this.workload !== undefined ? this.workload.podSelector() : this.pods;
  }

  /**
   * The namespace selector (`namespaceSelector`).
   *
   * @default - none: pods are selected in the policy's own namespace, or the peer is an IP block
   */
  public readonly namespaceSelector?: LabelSelector;

  /**
   * The IP block's range (`ipBlock.cidr`), in canonical form.
   *
   * @default - none: the peer selects pods
   */
  public readonly cidr?: string;

  /**
   * The ranges left out of `cidr` (`ipBlock.except`), in canonical form; empty when nothing is left out.
   *
   * @default - none: the peer selects pods
   */
  public readonly excluding?: string[];

  private readonly pods?: LabelSelector;

  private readonly description?: string;

  /** When set, the pods are this workload's, and `pods` is unused. */
  private readonly workload?: WorkloadConstruct;

  /** `_key()`, computed on first use. */
  private identity?: string;

  private constructor(parts: {
    podSelector?: LabelSelector;
    namespaceSelector?: LabelSelector;
    ipBlock?: { cidr: string; excluding: string[] };
    description?: string;
    workload?: WorkloadConstruct;
  }) {
    const problems = (['podSelector', 'namespaceSelector'] as const)
      .filter((field) => parts[field] !== undefined && !(parts[field] instanceof LabelSelector))
      .map((field) => `${field} must be a LabelSelector (LabelSelector.of or LabelSelector.all), not ${shown(parts[field])}`);
    if (problems.length > 0) {
      throw new InputError('Peer', problems);
    }
    this.pods = parts.podSelector;
    this.namespaceSelector = parts.namespaceSelector;
    this.cidr = parts.ipBlock?.cidr;
    // Frozen: the value is immutable, so its identity can be computed once.
    this.excluding = parts.ipBlock && Object.freeze([...parts.ipBlock.excluding]) as string[];
    this.description = parts.description;
    this.workload = parts.workload;
  }

  /**
   * The workload this peer stands for, whose container ports a rule without ports uses;
   * undefined for peers built from selectors or IP blocks.
   *
   * @internal
   */
  public _workload(): WorkloadConstruct | undefined {
    return this.workload;
  }

  /**
   * A short description for messages: `pods(app=web)`, `namespaces(team=a)`, `namespace(prod)`,
   * `pods(app=web) in namespace(prod)`, `ipBlock(10.0.0.0/8 excluding 10.1.0.0/16)`.
   */
  public toString(): string {
    if (this.description !== undefined) {
      return this.description;
    }
    if (this.cidr !== undefined) {
      return this.excluding!.length > 0 ? `ipBlock(${this.cidr} excluding ${this.excluding!.join(',')})` : `ipBlock(${this.cidr})`;
    }
    const pods = this.podSelector && `pods(${this.podSelector})`;
    const namespaces = this.namespaceSelector && describeNamespaces(this.namespaceSelector);
    return pods && namespaces ? `${pods} in ${namespaces}` : (pods ?? namespaces)!;
  }

  /**
   * The v1 `NetworkPolicyPeer` JSON.
   *
   * @internal
   */
  public _toKube(): KubeNetworkPolicyPeer {
    if (this.cidr !== undefined) {
      return { ipBlock: this.excluding!.length > 0 ? { cidr: this.cidr, except: [...this.excluding!] } : { cidr: this.cidr } };
    }
    const podSelector = this.podSelector;
    return {
      ...(podSelector !== undefined ? { podSelector: podSelector._toKube() } : {}),
      ...(this.namespaceSelector !== undefined ? { namespaceSelector: this.namespaceSelector._toKube() } : {}),
    };
  }

  /**
   * An identity equal for peers that select the same traffic in the same way, used to add a
   * rule idempotently. Order inside selectors and `except` does not matter, and a pod selector
   * that matches everything adds nothing beside a namespace selector. The description is ignored.
   *
   * @internal
   */
  public _key(): string {
    if (this.identity !== undefined) {
      return this.identity;
    }
    const podSelector = this.podSelector;
    const pods = this.namespaceSelector !== undefined && podSelector?.isEmpty() ? undefined : podSelector;
    const identity = this.cidr !== undefined
      ? JSON.stringify({ ipBlock: { cidr: this.cidr, except: [...new Set(this.excluding)].sort() } })
      : JSON.stringify({ podSelector: pods?._key(), namespaceSelector: this.namespaceSelector?._key() });
    // A workload's template labels may still change before synth: its identity is not kept.
    if (this.workload === undefined) {
      this.identity = identity;
    }
    return identity;
  }
}

/** `field` names where the name came from when the user did not write it (a workload's namespace). */
function describeNamespaces(selector: LabelSelector): string {
  const name = namespaceNameOf(selector);
  return name === undefined ? `namespaces(${selector})` : `namespace(${name})`;
}

/** Parses `cidr` and `excluding` strictly, checks family and containment, and returns canonical text. */
function checkedIpBlock(subject: string, cidr: string, excluding: string[], family?: number): { cidr: string; excluding: string[] } {
  if (!Array.isArray(excluding)) {
    throw new InputError(subject, [`excluding must be a list of CIDRs, not ${shown(excluding)}`]);
  }
  const problems: string[] = [];
  const outer = parseStrict(cidr, 'cidr', problems);
  if (outer !== undefined && family !== undefined && outer.family !== family) {
    problems.push(`cidr ${quoted(cidr)}: is an IPv${outer.family} range, but ${subject} takes IPv${family} only (use Peer.ipv${outer.family} or Peer.ipBlock)`);
  }
  const inner = excluding.map((text, i) => {
    const field = `excluding[${i}] ${quoted(text)}`;
    const parsed = parseStrict(text, `excluding[${i}]`, problems);
    if (parsed !== undefined && outer !== undefined) {
      if (parsed.family !== outer.family) {
        problems.push(`${field}: is IPv${parsed.family} but cidr ${quoted(cidr)} is IPv${outer.family}; an excluded range must be of the same family`);
      } else if (!isStrictSubset(outer, parsed)) {
        problems.push(`${field}: must be a strict subset of cidr ${quoted(cidr)} (inside it, with a longer prefix)`);
      }
    }
    return parsed;
  });
  if (problems.length > 0) {
    throw new InputError(subject, problems);
  }
  return { cidr: formatCidr(outer!), excluding: inner.map(c => formatCidr(c!)) };
}

function parseStrict(text: string, field: string, problems: string[]): ParsedCidr | undefined {
  const result = parseCidr(text, true);
  problems.push(...result.errors.map(e => `${field} ${quoted(text)}: ${e}${cidrFix(text, e)}`));
  return result.errors.length === 0 ? result.cidr : undefined;
}

/** Suggests the strict CIDR the user probably meant, read the way older API servers read it. */
function cidrFix(text: string, error: string): string {
  if (typeof text !== 'string') {
    return ' (a CIDR is a string, e.g. "10.0.0.0/8")';
  }
  if (error === INVALID_CIDR) {
    // A bare address is the common slip; it needs a prefix length.
    const single = `${text}/${text.includes(':') ? 128 : 32}`;
    return parseCidr(single, true).errors.length === 0 ? ` (for one address write ${JSON.stringify(single)})` : '';
  }
  const lenient = parseCidr(text, false).cidr!;
  const network = JSON.stringify(formatCidr(lenient));
  if (error === HOST_BITS) {
    const single = parseCidr(`${text.slice(0, text.indexOf('/'))}/${lenient.family === 4 ? 32 : 128}`, false).cidr!;
    return ` (use ${network} for the whole network, or ${JSON.stringify(formatCidr(single))} for one address)`;
  }
  return ` (use ${network})`;
}

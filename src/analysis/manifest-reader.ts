import { ManifestDocument } from './manifest-document';
import { ModelFinding } from './model-finding';
import { NamespaceInfo } from './namespace-info';
import { ContainerPortInfo } from './workload-info';
import { parseIp, ParsedIp } from '../k8s/cidr';
import { shown } from '../k8s/input-error';
import { asArray, asObject, JsonObject } from '../k8s/json-values';
import { CLUSTER_NETWORK_POLICY_KIND, NAMESPACE_NAME_LABEL, NETWORK_POLICY_KIND, NODE_KIND, POD_TEMPLATE_PATHS } from '../k8s/kinds';
import { portNameErrors } from '../k8s/label-syntax';
import { isList } from '../k8s/manifest-objects';
import { MAX_DEPTH } from '../k8s/parsed-document';
import { Protocol } from '../k8s/protocol';
import { FindingSeverity } from '../validation/finding';

/** The controller an object names in `metadata.ownerReferences`. */
export interface OwnerReference {
  readonly kind: string;
  readonly name: string;
}

/** What a pod template (or a Pod) says about its pods. */
export interface PodFacts {
  readonly labels: Record<string, string>;
  readonly ports: ContainerPortInfo[];
  readonly hostNetwork: boolean;
}

/** A Pod as read: its facts, where it runs and who owns it. */
export interface PodRecord extends PodFacts {
  readonly namespaceName: string;
  readonly name: string;
  readonly ips: ParsedIp[];
  readonly ipTexts: string[];
  /** `spec.nodeName`. */
  readonly nodeName?: string;
  /** `status.hostIP` and `status.hostIPs`: its node's addresses. */
  readonly hostIps: string[];
  readonly owner?: OwnerReference;
  readonly origin: string;
  /** Its position among the objects read. */
  readonly order: number;
}

/** A workload object (Deployment, StatefulSet, DaemonSet, ReplicaSet, Job, CronJob, ReplicationController). */
export interface ControllerRecord extends PodFacts {
  readonly kind: string;
  readonly namespaceName: string;
  readonly name: string;
  readonly owner?: OwnerReference;
  /** `spec.replicas`, when the object says: an old ReplicaSet of a Deployment has 0. */
  readonly replicas?: number;
  readonly origin: string;
  /** Its position among the objects read. */
  readonly order: number;
}

/** A Node as read. */
export interface NodeRecord {
  readonly name: string;
  readonly labels: Record<string, string>;
  /** The IP addresses of `status.addresses`. */
  readonly addresses: string[];
  readonly origin: string;
}

/** An object of kind NetworkPolicy (any API version), not yet validated. */
export interface PolicyObject {
  readonly namespaceName: string;
  readonly name: string;
  readonly manifest: JsonObject;
  readonly origin: string;
}

/** An object of kind ClusterNetworkPolicy (any API version), not yet validated; cluster-scoped, so its name is its identity. */
export interface ClusterPolicyObject {
  readonly name: string;
  readonly manifest: JsonObject;
  readonly origin: string;
}

/** What the manifests contain, as far as reachability is concerned. */
export interface ManifestContents {
  /** The Namespace objects, their labels completed with `kubernetes.io/metadata.name`. */
  readonly namespaces: NamespaceInfo[];
  /** Every namespace some object lives in, declared or not. */
  readonly usedNamespaces: Set<string>;
  readonly pods: PodRecord[];
  readonly controllers: ControllerRecord[];
  readonly nodes: NodeRecord[];
  readonly policies: PolicyObject[];
  readonly clusterPolicies: ClusterPolicyObject[];
  readonly findings: ModelFinding[];
}

const PROTOCOLS: readonly string[] = Object.values(Protocol);

/**
 * Reads namespaces, nodes, pods, workload objects and policies out of manifests; the objects of
 * a List (any object with `items`, as kubectl reads them) are read in turn.
 */
export function readManifests(documents: readonly ManifestDocument[], defaultNamespace: string): ManifestContents {
  const contents: ManifestContents = {
    namespaces: [], usedNamespaces: new Set(), pods: [], controllers: [], nodes: [], policies: [], clusterPolicies: [], findings: [],
  };
  const seen = new Map<string, string>();
  let order = 0;
  const report = (severity: FindingSeverity, origin: string, subject: string, field: string, rule: string, message: string): void => {
    contents.findings.push({ severity, origin, subject, field, rule, message });
  };
  const visit = (value: unknown, origin: string, depth: number): void => {
    if (value === null || value === undefined) {
      return; // an empty YAML document
    }
    const manifest = asObject(value);
    if (manifest === undefined) {
      report(FindingSeverity.ERROR, origin, '(document)', '', 'NP-INPUT-DOCUMENT', 'not a Kubernetes object; skipped');
      return;
    }
    const kind = typeof manifest.kind === 'string' ? manifest.kind : '';
    if (isList(manifest)) {
      const items = manifest.items === null ? [] : asArray(manifest.items);
      if (items === undefined || depth >= MAX_DEPTH) {
        report(FindingSeverity.ERROR, origin, '(document)', 'items', 'NP-INPUT-DOCUMENT',
          items === undefined ? 'items must be a list of objects; skipped' : `Lists nested deeper than ${MAX_DEPTH} levels; skipped`);
        return;
      }
      items.forEach((item, i) => visit(item, `${origin} items[${i}]`, depth + 1));
      return;
    }
    const metadata = asObject(manifest.metadata);
    const declaredNamespace = textOf(metadata?.namespace);
    const isNode = kind === NODE_KIND;
    const isClusterPolicy = kind === CLUSTER_NETWORK_POLICY_KIND;
    // Cluster-scoped: a namespace in the manifest is ignored (the API server clears it) and implies none.
    const clusterScoped = isNode || isClusterPolicy;
    if (declaredNamespace && !clusterScoped) {
      contents.usedNamespaces.add(declaredNamespace);
    }
    const isNamespace = kind === 'Namespace';
    const isPod = kind === 'Pod';
    const isController = POD_TEMPLATE_PATHS.has(kind);
    const isPolicy = kind === NETWORK_POLICY_KIND;
    if (!isNamespace && !clusterScoped && !isPod && !isController && !isPolicy) {
      return;
    }
    const namespaceName = declaredNamespace ?? defaultNamespace;
    const name = textOf(metadata?.name);
    if (!name) {
      const unnamed = isNamespace || clusterScoped ? `(unnamed ${kind})` : `${namespaceName}/(unnamed ${kind})`;
      report(FindingSeverity.WARNING, origin, unnamed, 'metadata.name', 'NP-INPUT-NAME', 'has no metadata.name; skipped');
      return;
    }
    const subject = isNamespace || clusterScoped ? `${kind}/${name}` : `${namespaceName}/${name}`;
    const identity = `${kind}/${subject}`;
    const firstOrigin = seen.get(identity);
    if (firstOrigin !== undefined) {
      report(FindingSeverity.WARNING, origin, subject, '', 'NP-INPUT-DUPLICATE', `${kind} defined again (first at ${firstOrigin}); this copy is ignored`);
      return;
    }
    seen.set(identity, origin);
    if (isNamespace) {
      contents.namespaces.push({ name, labels: withNameLabel(name, labelsOf(metadata?.labels)), declared: true, origin });
      return;
    }
    if (isNode) {
      const addresses = nodeAddresses(manifest, subject, origin, contents.findings);
      contents.nodes.push({ name, labels: labelsOf(metadata?.labels), addresses, origin });
      return;
    }
    if (isClusterPolicy) {
      contents.clusterPolicies.push({ name, manifest, origin });
      return;
    }
    contents.usedNamespaces.add(namespaceName);
    if (isPolicy) {
      contents.policies.push({ namespaceName, name, manifest, origin });
    } else if (isPod) {
      contents.pods.push(readPod(manifest, namespaceName, name, origin, order++, contents.findings));
    } else {
      const path = POD_TEMPLATE_PATHS.get(kind)!;
      const template = path.reduce<JsonObject | undefined>((node, key) => asObject(node?.[key]), manifest);
      const replicas = asObject(manifest.spec)?.replicas;
      contents.controllers.push({
        kind,
        namespaceName,
        name,
        owner: ownerOf(metadata),
        origin,
        order: order++,
        replicas: typeof replicas === 'number' ? replicas : undefined,
        ...podFacts(template, path.join('.'), subject, origin, contents.findings),
      });
    }
  };
  documents.forEach((document, i) => visit(document.manifest, document.origin ?? `document ${i}`, 0));
  return contents;
}

/** The control plane sets this label on every namespace, to the namespace's real name; manifests may omit it. */
export function withNameLabel(name: string, labels: Record<string, string>): Record<string, string> {
  return { ...labels, [NAMESPACE_NAME_LABEL]: name };
}

function readPod(manifest: JsonObject, namespaceName: string, name: string, origin: string, order: number, findings: ModelFinding[]): PodRecord {
  const subject = `${namespaceName}/${name}`;
  const status = asObject(manifest.status);
  const spec = asObject(manifest.spec);
  const ipTexts: string[] = [];
  const ips: ParsedIp[] = [];
  const texts = [status?.podIP, ...(asArray(status?.podIPs) ?? []).map((entry) => asObject(entry)?.ip)].filter((t): t is string => typeof t === 'string');
  for (const text of new Set(texts)) {
    const ip = parseIp(text);
    if (ip) {
      ipTexts.push(text);
      ips.push(ip);
    } else {
      findings.push({ severity: FindingSeverity.WARNING, origin, subject, field: 'status.podIPs', rule: 'NP-INPUT-POD-IP', message: `pod IP "${text}" is not an IP address; ignored` });
    }
  }
  const hostTexts = [status?.hostIP, ...(asArray(status?.hostIPs) ?? []).map((entry) => asObject(entry)?.ip)].filter((t): t is string => typeof t === 'string');
  const hostIps = [...new Set(hostTexts)].filter((text) => parseIp(text) !== undefined);
  const facts = podFacts(manifest, '', subject, origin, findings);
  // A pod on the node's network has the node's addresses: the kubelet reports them as its pod IPs,
  // and a dump that omits those still names them as host IPs.
  if (facts.hostNetwork && ipTexts.length === 0) {
    ipTexts.push(...hostIps);
    ips.push(...hostIps.map((text) => parseIp(text)!));
  }
  return {
    namespaceName,
    name,
    ips,
    ipTexts,
    nodeName: textOf(spec?.nodeName),
    hostIps,
    owner: ownerOf(asObject(manifest.metadata)),
    origin,
    order,
    ...facts,
  };
}

/** The labels, container ports and network mode of a pod template (or a Pod), reporting ports no pod can have. */
function podFacts(template: JsonObject | undefined, path: string, subject: string, origin: string, findings: ModelFinding[]): PodFacts {
  const spec = asObject(template?.spec);
  const ports: ContainerPortInfo[] = [];
  (asArray(spec?.containers) ?? []).forEach((container, c) => {
    (asArray(asObject(container)?.ports) ?? []).forEach((entry, p) => {
      const port = asObject(entry);
      if (port === undefined) {
        return;
      }
      const field = `${path ? `${path}.` : ''}spec.containers[${c}].ports[${p}]`;
      const number = port.containerPort;
      const protocol = port.protocol ?? Protocol.TCP;
      const problem = typeof number !== 'number' ? `containerPort ${JSON.stringify(number) ?? 'is missing'}${number === undefined ? '' : ' is not a number'}`
        : !Number.isInteger(number) || number < 1 || number > 65535 ? `containerPort ${number} is not a port number (1 to 65535)`
          : typeof protocol !== 'string' || !PROTOCOLS.includes(protocol) ? `protocol ${JSON.stringify(protocol)} is not TCP, UDP or SCTP` : undefined;
      if (problem) {
        findings.push({ severity: FindingSeverity.WARNING, origin, subject, field, rule: 'NP-INPUT-CONTAINER-PORT', message: `${problem}: this port is ignored` });
        return;
      }
      // A name the API server would refuse (U+FFFD from a Latin-1 file, capitals) cannot be named by any policy either.
      const nameErrors = port.name === undefined || port.name === '' ? [] : portNameErrors(port.name as string);
      if (nameErrors.length > 0) {
        findings.push({
          severity: FindingSeverity.WARNING,
          origin,
          subject,
          field: `${field}.name`,
          rule: 'NP-INPUT-CONTAINER-PORT',
          message: `${shown(port.name)} is not a port name: it ${nameErrors.join('; ')}; no policy can name this port, which is kept by its number`,
        });
      }
      ports.push({ name: nameErrors.length > 0 ? undefined : textOf(port.name), port: number as number, protocol: protocol as Protocol });
    });
  });
  return { labels: labelsOf(asObject(template?.metadata)?.labels), ports, hostNetwork: spec?.hostNetwork === true };
}

/** The IP addresses among a Node's `status.addresses` (InternalIP, ExternalIP; host names are not addresses). */
function nodeAddresses(manifest: JsonObject, subject: string, origin: string, findings: ModelFinding[]): string[] {
  const addresses: string[] = [];
  for (const entry of asArray(asObject(manifest.status)?.addresses) ?? []) {
    const address = asObject(entry);
    const text = address?.address;
    if (typeof text !== 'string') {
      continue;
    }
    if (parseIp(text)) {
      addresses.push(text);
    } else if (address?.type === 'InternalIP' || address?.type === 'ExternalIP') {
      findings.push({ severity: FindingSeverity.WARNING, origin, subject, field: 'status.addresses', rule: 'NP-INPUT-NODE-IP', message: `${address.type} "${text}" is not an IP address; ignored` });
    }
  }
  return [...new Set(addresses)];
}

/** The controller among `metadata.ownerReferences` (the one marked `controller: true`, else the first). */
function ownerOf(metadata: JsonObject | undefined): OwnerReference | undefined {
  const references = (asArray(metadata?.ownerReferences) ?? []).map(asObject)
    .filter((r): r is JsonObject => typeof r?.kind === 'string' && r.kind !== '' && typeof r.name === 'string' && r.name !== '');
  const owner = references.find((r) => r.controller === true) ?? references[0];
  return owner ? { kind: owner.kind as string, name: owner.name as string } : undefined;
}

/** Labels with string values, read into own properties (a `__proto__` key included, as JSON would have it). */
function labelsOf(value: unknown): Record<string, string> {
  const labels: Record<string, string> = {};
  for (const [key, text] of Object.entries(asObject(value) ?? {})) {
    if (typeof text === 'string') {
      Object.defineProperty(labels, key, { value: text, enumerable: true, writable: true, configurable: true });
    }
  }
  return labels;
}

function textOf(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

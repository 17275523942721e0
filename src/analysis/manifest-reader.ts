import { ManifestDocument } from './manifest-document';
import { ModelFinding } from './model-finding';
import { NamespaceInfo } from './namespace-info';
import { ContainerPortInfo } from './workload-info';
import { parseIp, ParsedIp } from '../k8s/cidr';
import { asArray, asObject, JsonObject } from '../k8s/json-values';
import { CLUSTER_NETWORK_POLICY_KIND, NAMESPACE_NAME_LABEL, NETWORK_POLICY_KIND, NODE_KIND, POD_TEMPLATE_PATHS } from '../k8s/kinds';
import { Protocol } from '../k8s/protocol';
import { FindingSeverity } from '../validation/finding';

/** A Pod or a workload standing for its pods. */
export interface WorkloadObject {
  readonly namespaceName: string;
  readonly name: string;
  readonly kind: string;
  readonly labels: Record<string, string>;
  readonly ports: ContainerPortInfo[];
  readonly ips: ParsedIp[];
  readonly ipTexts: string[];
  readonly hostNetwork: boolean;
  /**
   * A Pod's `spec.nodeName`.
   *
   * @default - not scheduled, or not a Pod
   */
  readonly nodeName?: string;
  /** A Pod's `status.hostIP` and `status.hostIPs`: addresses of its node. */
  readonly hostIps: string[];
  readonly origin: string;
}

/** An object of kind NetworkPolicy (any API version), not yet validated. */
export interface PolicyObject {
  readonly namespaceName: string;
  readonly name: string;
  readonly manifest: JsonObject;
  readonly origin: string;
}

/** A Node as read. */
export interface NodeRecord {
  readonly name: string;
  readonly labels: Record<string, string>;
  /** The IP addresses of `status.addresses`. */
  readonly addresses: string[];
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
  readonly workloads: WorkloadObject[];
  readonly nodes: NodeRecord[];
  readonly policies: PolicyObject[];
  readonly clusterPolicies: ClusterPolicyObject[];
  readonly findings: ModelFinding[];
}

/** Reads namespaces, nodes, workloads and policies out of manifests; `kind: List` items are read in turn. */
export function readManifests(documents: readonly ManifestDocument[], defaultNamespace: string): ManifestContents {
  const contents: ManifestContents = {
    namespaces: [], usedNamespaces: new Set(), workloads: [], nodes: [], policies: [], clusterPolicies: [], findings: [],
  };
  const seen = new Map<string, string>();
  // Cluster-scoped like ClusterNetworkPolicies: read for the addresses `nodes` peers match.
  const readNode = (manifest: JsonObject, name: string | undefined, origin: string): void => {
    if (!name) {
      contents.findings.push(finding(FindingSeverity.WARNING, origin, `(unnamed ${NODE_KIND})`, 'NP-INPUT-NAME', 'has no metadata.name; skipped'));
      return;
    }
    const subject = `${NODE_KIND}/${name}`;
    const firstOrigin = seen.get(subject);
    if (firstOrigin !== undefined) {
      contents.findings.push(finding(FindingSeverity.WARNING, origin, subject, 'NP-INPUT-DUPLICATE', `defined again (first at ${firstOrigin}); this copy is ignored`));
      return;
    }
    seen.set(subject, origin);
    const addresses = nodeAddresses(manifest, subject, origin, contents.findings);
    contents.nodes.push({ name, labels: labelsOf(asObject(manifest.metadata)?.labels), addresses, origin });
  };
  // Cluster-scoped: a namespace in the manifest is ignored (the API server clears it) and implies none.
  const readClusterPolicy = (manifest: JsonObject, name: string | undefined, origin: string): void => {
    if (!name) {
      contents.findings.push(finding(FindingSeverity.WARNING, origin, `(unnamed ${CLUSTER_NETWORK_POLICY_KIND})`, 'NP-INPUT-NAME', 'has no metadata.name; skipped'));
      return;
    }
    const subject = `${CLUSTER_NETWORK_POLICY_KIND}/${name}`;
    const firstOrigin = seen.get(subject);
    if (firstOrigin !== undefined) {
      contents.findings.push(finding(FindingSeverity.WARNING, origin, subject, 'NP-INPUT-DUPLICATE', `defined again (first at ${firstOrigin}); this copy is ignored`));
      return;
    }
    seen.set(subject, origin);
    contents.clusterPolicies.push({ name, manifest, origin });
  };
  const visit = (value: unknown, origin: string): void => {
    if (value === null || value === undefined) {
      return; // an empty YAML document
    }
    const manifest = asObject(value);
    if (manifest === undefined) {
      contents.findings.push(finding(FindingSeverity.ERROR, origin, '(document)', 'NP-INPUT-DOCUMENT', 'not a Kubernetes object; skipped'));
      return;
    }
    const kind = typeof manifest.kind === 'string' ? manifest.kind : '';
    const items = asArray(manifest.items);
    if (kind === 'List' || (kind.endsWith('List') && items)) {
      (items ?? []).forEach((item, i) => visit(item, `${origin} items[${i}]`));
      return;
    }
    const metadata = asObject(manifest.metadata);
    if (kind === CLUSTER_NETWORK_POLICY_KIND) {
      readClusterPolicy(manifest, textOf(metadata?.name), origin);
      return;
    }
    if (kind === NODE_KIND) {
      readNode(manifest, textOf(metadata?.name), origin);
      return;
    }
    const declaredNamespace = textOf(metadata?.namespace);
    if (declaredNamespace) {
      contents.usedNamespaces.add(declaredNamespace);
    }
    const isNamespace = kind === 'Namespace';
    const isWorkload = kind === 'Pod' || POD_TEMPLATE_PATHS.has(kind);
    const isPolicy = kind === NETWORK_POLICY_KIND;
    if (!isNamespace && !isWorkload && !isPolicy) {
      return;
    }
    const namespaceName = declaredNamespace ?? defaultNamespace;
    const name = textOf(metadata?.name);
    if (!name) {
      contents.findings.push(finding(FindingSeverity.WARNING, origin, `${namespaceName}/(unnamed ${kind})`, 'NP-INPUT-NAME', 'has no metadata.name; skipped'));
      return;
    }
    const subject = isNamespace ? `Namespace/${name}` : `${namespaceName}/${name}`;
    const identity = `${kind}/${subject}`;
    const firstOrigin = seen.get(identity);
    if (firstOrigin !== undefined) {
      contents.findings.push(finding(FindingSeverity.WARNING, origin, subject, 'NP-INPUT-DUPLICATE', `${kind} defined again (first at ${firstOrigin}); this copy is ignored`));
      return;
    }
    seen.set(identity, origin);
    if (isNamespace) {
      contents.namespaces.push({ name, labels: withNameLabel(name, labelsOf(metadata?.labels)), declared: true, origin });
      return;
    }
    contents.usedNamespaces.add(namespaceName);
    if (isPolicy) {
      contents.policies.push({ namespaceName, name, manifest, origin });
    } else {
      contents.workloads.push(readWorkload(manifest, kind, namespaceName, name, origin, contents.findings));
    }
  };
  documents.forEach((document, i) => visit(document.manifest, document.origin ?? `document ${i}`));
  return contents;
}

/** The control plane sets this label on every namespace, to the namespace's real name; manifests may omit it. */
export function withNameLabel(name: string, labels: Record<string, string>): Record<string, string> {
  return { ...labels, [NAMESPACE_NAME_LABEL]: name };
}

function readWorkload(manifest: JsonObject, kind: string, namespaceName: string, name: string, origin: string,
  findings: ModelFinding[]): WorkloadObject {
  const template = kind === 'Pod' ? manifest : POD_TEMPLATE_PATHS.get(kind)!.reduce<JsonObject | undefined>((node, key) => asObject(node?.[key]), manifest);
  const templateSpec = asObject(template?.spec);
  const ports: ContainerPortInfo[] = [];
  for (const container of asArray(templateSpec?.containers) ?? []) {
    for (const entry of asArray(asObject(container)?.ports) ?? []) {
      const port = asObject(entry);
      if (typeof port?.containerPort === 'number') {
        ports.push({ name: textOf(port.name), port: port.containerPort, protocol: (textOf(port.protocol) ?? Protocol.TCP) as Protocol });
      }
    }
  }
  const ipTexts: string[] = [];
  const ips: ParsedIp[] = [];
  const hostIps: string[] = [];
  const hostNetwork = templateSpec?.hostNetwork === true;
  const readIps = (values: unknown[], what: string, into: (text: string, ip: ParsedIp) => void) => {
    for (const text of new Set(values.filter((t): t is string => typeof t === 'string'))) {
      const ip = parseIp(text);
      if (ip) {
        into(text, ip);
      } else {
        findings.push(finding(FindingSeverity.WARNING, origin, `${namespaceName}/${name}`, 'NP-INPUT-POD-IP', `${what} "${text}" is not an IP address; ignored`));
      }
    }
  };
  if (kind === 'Pod') {
    const status = asObject(manifest.status);
    const addIp = (text: string, ip: ParsedIp) => {
      ipTexts.push(text);
      ips.push(ip);
    };
    readIps([status?.podIP, ...(asArray(status?.podIPs) ?? []).map((entry) => asObject(entry)?.ip)], 'pod IP', addIp);
    readIps([status?.hostIP, ...(asArray(status?.hostIPs) ?? []).map((entry) => asObject(entry)?.ip)], 'host IP', (text, ip) => {
      hostIps.push(text);
      // A hostNetwork pod has its node's addresses: without pod IPs, its host IPs are its IPs.
      if (hostNetwork && !(status?.podIP ?? asArray(status?.podIPs)?.length)) {
        addIp(text, ip);
      }
    });
  }
  return {
    namespaceName,
    name,
    kind,
    labels: labelsOf(asObject(template?.metadata)?.labels),
    ports,
    ips,
    ipTexts,
    hostNetwork,
    ...(kind === 'Pod' && typeof asObject(manifest.spec)?.nodeName === 'string' ? { nodeName: asObject(manifest.spec)!.nodeName as string } : {}),
    hostIps,
    origin,
  };
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

function finding(severity: FindingSeverity, origin: string, subject: string, rule: string, message: string): ModelFinding {
  return { severity, origin, subject, field: '', rule, message };
}

function labelsOf(value: unknown): Record<string, string> {
  const labels: Record<string, string> = {};
  for (const [key, text] of Object.entries(asObject(value) ?? {})) {
    if (typeof text === 'string') {
      labels[key] = text;
    }
  }
  return labels;
}

function textOf(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

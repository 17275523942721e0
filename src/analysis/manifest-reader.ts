import { ManifestDocument } from './manifest-document';
import { ModelFinding } from './model-finding';
import { ContainerPortInfo } from './workload-info';
import { Protocol } from '../policy/protocol';
import { parseIp, ParsedIp } from '../validation/cidr';
import { FindingSeverity } from '../validation/finding';

/** A Namespace object. */
export interface NamespaceObject {
  readonly name: string;
  readonly labels: Record<string, string>;
  readonly origin: string;
}

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
  readonly origin: string;
}

/** An object of kind NetworkPolicy (any API version), not yet validated. */
export interface PolicyObject {
  readonly namespaceName: string;
  readonly name: string;
  readonly manifest: any;
  readonly origin: string;
}

/** What the manifests contain, as far as reachability is concerned. */
export interface ManifestContents {
  readonly namespaces: NamespaceObject[];
  /** Every namespace some object lives in, declared or not. */
  readonly usedNamespaces: Set<string>;
  readonly workloads: WorkloadObject[];
  readonly policies: PolicyObject[];
  readonly findings: ModelFinding[];
}

/** Where each workload kind keeps its pod template. */
const POD_TEMPLATE_PATHS: Record<string, string[]> = {
  Deployment: ['spec', 'template'],
  StatefulSet: ['spec', 'template'],
  DaemonSet: ['spec', 'template'],
  ReplicaSet: ['spec', 'template'],
  ReplicationController: ['spec', 'template'],
  Job: ['spec', 'template'],
  CronJob: ['spec', 'jobTemplate', 'spec', 'template'],
};

/** Reads namespaces, workloads and policies out of manifests; `kind: List` items are read in turn. */
export function readManifests(documents: readonly ManifestDocument[], defaultNamespace: string): ManifestContents {
  const contents: ManifestContents = { namespaces: [], usedNamespaces: new Set(), workloads: [], policies: [], findings: [] };
  const seen = new Map<string, string>();
  const visit = (manifest: any, origin: string): void => {
    if (manifest === null || manifest === undefined) {
      return; // an empty YAML document
    }
    if (typeof manifest !== 'object' || Array.isArray(manifest)) {
      contents.findings.push(finding(FindingSeverity.ERROR, origin, '(document)', 'NP-INPUT-DOCUMENT', 'not a Kubernetes object; skipped'));
      return;
    }
    const kind = String(manifest.kind ?? '');
    if (kind === 'List' || (kind.endsWith('List') && Array.isArray(manifest.items))) {
      (manifest.items ?? []).forEach((item: any, i: number) => visit(item, `${origin} items[${i}]`));
      return;
    }
    const declaredNamespace = textOf(manifest.metadata?.namespace);
    if (declaredNamespace) {
      contents.usedNamespaces.add(declaredNamespace);
    }
    const isNamespace = kind === 'Namespace';
    const isWorkload = kind === 'Pod' || kind in POD_TEMPLATE_PATHS;
    const isPolicy = kind === 'NetworkPolicy';
    if (!isNamespace && !isWorkload && !isPolicy) {
      return;
    }
    const namespaceName = declaredNamespace ?? defaultNamespace;
    const name = textOf(manifest.metadata?.name);
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
      contents.namespaces.push({ name, labels: labelsOf(manifest.metadata?.labels), origin });
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

function readWorkload(manifest: any, kind: string, namespaceName: string, name: string, origin: string, findings: ModelFinding[]): WorkloadObject {
  const template = kind === 'Pod' ? manifest : POD_TEMPLATE_PATHS[kind].reduce((node: any, key) => node?.[key], manifest);
  const ports: ContainerPortInfo[] = [];
  for (const container of arrayOf(template?.spec?.containers)) {
    for (const port of arrayOf(container?.ports)) {
      if (typeof port?.containerPort === 'number') {
        ports.push({ name: textOf(port.name), port: port.containerPort, protocol: (textOf(port.protocol) ?? Protocol.TCP) as Protocol });
      }
    }
  }
  const ipTexts: string[] = [];
  const ips: ParsedIp[] = [];
  if (kind === 'Pod') {
    const texts = [manifest.status?.podIP, ...arrayOf(manifest.status?.podIPs).map((entry: any) => entry?.ip)].filter((t) => typeof t === 'string');
    for (const text of new Set<string>(texts)) {
      const ip = parseIp(text);
      if (ip) {
        ipTexts.push(text);
        ips.push(ip);
      } else {
        findings.push(finding(FindingSeverity.WARNING, origin, `${namespaceName}/${name}`, 'NP-INPUT-POD-IP', `pod IP "${text}" is not an IP address; ignored`));
      }
    }
  }
  return {
    namespaceName,
    name,
    kind,
    labels: labelsOf(template?.metadata?.labels),
    ports,
    ips,
    ipTexts,
    hostNetwork: template?.spec?.hostNetwork === true,
    origin,
  };
}

function finding(severity: FindingSeverity, origin: string, subject: string, rule: string, message: string): ModelFinding {
  return { severity, origin, subject, rule, message };
}

function labelsOf(value: any): Record<string, string> {
  const labels: Record<string, string> = {};
  if (value && typeof value === 'object') {
    for (const [key, text] of Object.entries(value)) {
      if (typeof text === 'string') {
        labels[key] = text;
      }
    }
  }
  return labels;
}

function textOf(value: any): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

function arrayOf(value: any): any[] {
  return Array.isArray(value) ? value : [];
}

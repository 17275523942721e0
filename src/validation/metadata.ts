/**
 * ObjectMeta as the API server checks it on create (Kubernetes 1.37), after what it does first:
 * kubectl fills in the namespace, the server removes duplicate owner references (with a warning)
 * and expands `generateName` into a name, and `generation` is reset (so any value passes). Then, in
 * the server's order: generateName, name, namespace, labels, annotations, ownerReferences,
 * finalizers, and Kubernetes' own finalizer-name rule.
 */
import { error, invalid, JsonValue, required, tooLong, warning } from './field-errors';
import { ValidationFinding } from './finding';
import { labelMapFindings } from './label-map';
import { RULE } from './rules';
import { goQuote, goQuoteBytes, goToLower } from '../k8s/go-text';
import { asArray, asObject, asString, asStruct, JsonObject } from '../k8s/json-values';
import { DEFAULT_NAMESPACE } from '../k8s/kinds';
import { dns1123LabelErrors, dns1123SubdomainErrors, labelKeyErrors } from '../k8s/label-syntax';

/**
 * What stands for the 5 random characters the server appends to `generateName`; messages about
 * the generated name show it in their place.
 */
export const GENERATED_SUFFIX = 'xxxxx';

const GENERATED_BASE_MAX_BYTES = 58;
const ANNOTATIONS_MAX_BYTES = 256 * 1024;
const STANDARD_FINALIZERS = ['kubernetes', 'orphan', 'foregroundDeletion'];

/** Findings for `metadata`, errors and the duplicate-owner warning, in the server's order. */
export function metadataFindings(metadata: unknown): ValidationFinding[] {
  const meta = asStruct(metadata) ?? {};
  const finalizers = (asArray(meta.finalizers) ?? []).map((item) => asString(item) ?? '');
  return [
    ...nameFindings(meta),
    ...namespaceFindings(meta.namespace),
    ...labelMapFindings(meta.labels, 'metadata.labels', RULE.LABELS),
    ...annotationFindings(meta.annotations),
    ...ownerReferenceFindings(meta.ownerReferences),
    ...finalizerFindings(finalizers),
    ...finalizers.flatMap((finalizer, i) => kubeFinalizerFindings(finalizer, i)),
  ];
}

/**
 * Findings for the `metadata` of a cluster-scoped custom resource, as Kubernetes 1.37 checks it on
 * create: the namespace is cleared and the generation reset rather than checked, and a finalizer
 * name without a domain is only warned about (Kubernetes' own finalizer rule is for its types).
 */
export function clusterCustomResourceMetadataFindings(metadata: unknown): ValidationFinding[] {
  const meta = asStruct(metadata) ?? {};
  const finalizers = (asArray(meta.finalizers) ?? []).map((item) => asString(item) ?? '');
  return [
    ...nameFindings(meta),
    ...labelMapFindings(meta.labels, 'metadata.labels', RULE.LABELS),
    ...annotationFindings(meta.annotations),
    ...ownerReferenceFindings(meta.ownerReferences),
    ...finalizerFindings(finalizers),
    ...finalizers.filter((f) => !f.includes('/') && !STANDARD_FINALIZERS.includes(f) && labelKeyErrors(f).length === 0)
      .map((f) => warning(RULE.METADATA, 'metadata.finalizers',
        `${goQuote(f)}: prefer a domain-qualified finalizer name to avoid accidental conflicts with other finalizer writers`)),
  ];
}

function nameFindings(meta: JsonObject): ValidationFinding[] {
  const findings: ValidationFinding[] = [];
  const generateName = asString(meta.generateName) ?? '';
  const name = asString(meta.name) ?? '';
  if (generateName !== '') {
    findings.push(...subdomainErrors(maskTrailingDash(Buffer.from(generateName, 'utf8')))
      .map((msg) => invalid(RULE.NAME, 'metadata.generateName', generateName, msg)));
  }
  if (name === '' && generateName === '') {
    findings.push(required(RULE.NAME_REQUIRED, 'metadata.name', 'name or generateName is required'));
    return findings;
  }
  // The server cuts generateName to 58 bytes, maybe mid-character, and appends 5 characters.
  const nameBytes = name !== ''
    ? Buffer.from(name, 'utf8')
    : Buffer.concat([Buffer.from(generateName, 'utf8').subarray(0, GENERATED_BASE_MAX_BYTES), Buffer.from(GENERATED_SUFFIX)]);
  findings.push(...subdomainErrors(nameBytes)
    .map((msg) => error(RULE.NAME, 'metadata.name', `Invalid value: ${goQuoteBytes(nameBytes)}: ${msg}`)));
  return findings;
}

/**
 * What the server checks last, and only when nothing else failed: that `generateName` can begin a URL
 * path segment. A '/' or '%' before a trailing '-' escapes the DNS rule, which masks the last two bytes.
 */
export function generateNamePathFindings(metadata: unknown): ValidationFinding[] {
  const generateName = asString(asStruct(metadata)?.generateName) ?? '';
  return ['/', '%'].filter((text) => generateName.includes(text))
    .map((text) => invalid(RULE.NAME, 'metadata.generateName', generateName, `may not contain '${text}'`));
}

// A generated name ends in random characters, so a trailing '-' passes: the server checks the
// prefix with its last two bytes replaced by "a".
function maskTrailingDash(bytes: Buffer): Buffer {
  return bytes.length > 1 && bytes[bytes.length - 1] === 0x2d
    ? Buffer.concat([bytes.subarray(0, bytes.length - 2), Buffer.from('a')])
    : bytes;
}

// Bytes that are not ASCII fail the pattern however they decode; latin1 keeps one character per byte.
function subdomainErrors(bytes: Buffer): string[] {
  return dns1123SubdomainErrors(bytes.toString('latin1'), bytes.length);
}

// kubectl writes `default` where no namespace is given.
function namespaceFindings(value: unknown): ValidationFinding[] {
  const written = asString(value) ?? '';
  const namespace = written === '' ? DEFAULT_NAMESPACE : written;
  return dns1123LabelErrors(namespace).map((msg) => invalid(RULE.NAMESPACE, 'metadata.namespace', namespace, msg));
}

// Annotation keys are label keys compared case-insensitively; values are free-form but count towards the size limit.
function annotationFindings(value: unknown): ValidationFinding[] {
  const entries = Object.entries(asObject(value) ?? {});
  const findings = entries.flatMap(([key]) =>
    labelKeyErrors(goToLower(key)).map((msg) => invalid(RULE.ANNOTATIONS, 'metadata.annotations', key, msg)));
  const size = entries.reduce((total, [key, item]) =>
    total + Buffer.byteLength(key, 'utf8') + Buffer.byteLength(asString(item) ?? '', 'utf8'), 0);
  if (size > ANNOTATIONS_MAX_BYTES) findings.push(tooLong(RULE.ANNOTATIONS, 'metadata.annotations', ANNOTATIONS_MAX_BYTES));
  return findings;
}

/** An owner reference as Go holds it: strings default to "", the two flags are absent or a boolean. */
interface OwnerReference {
  readonly apiVersion: string;
  readonly kind: string;
  readonly name: string;
  readonly uid: string;
  readonly controller?: boolean;
  readonly blockOwnerDeletion?: boolean;
}

function ownerReferenceFindings(value: unknown): ValidationFinding[] {
  const field = 'metadata.ownerReferences';
  const { references, duplicateUids } = dedupOwnerReferences((asArray(value) ?? []).map(readOwnerReference));
  const findings: ValidationFinding[] = [];
  const text = '.metadata.ownerReferences contains duplicate entries; API server dedups owner references in 1.20+, '
    + `and may reject such requests as early as 1.24; please fix your requests; duplicate UID(s) observed: ${duplicateUids.join(', ')}`;
  // A warning is an HTTP header: the server drops one holding a control character.
  if (duplicateUids.length > 0 && !hasControlCharacter(text)) findings.push(warning(RULE.METADATA, '', text));
  let firstController = '';
  references.forEach((ref, i) => {
    findings.push(...ownerReferenceErrors(ref, `${field}[${i}]`));
    if (ref.controller !== true) return;
    const current = `${ref.kind}/${ref.name}`;
    if (firstController === '') {
      firstController = current;
    } else {
      findings.push(invalid(RULE.METADATA, field, new JsonValue(references),
        `Only one reference can have Controller set to true. Found "true" in references for ${firstController} and ${current}`));
    }
  });
  return findings;
}

// Go's unicode.IsControl: C0, DEL and C1.
function hasControlCharacter(text: string): boolean {
  return Array.from(text).some((char) => char.charCodeAt(0) < 0x20 || (char.charCodeAt(0) >= 0x7f && char.charCodeAt(0) <= 0x9f));
}

function readOwnerReference(item: unknown): OwnerReference {
  const ref = asStruct(item) ?? {};
  const flag = (flagValue: unknown) => (typeof flagValue === 'boolean' ? flagValue : undefined);
  return {
    apiVersion: asString(ref.apiVersion) ?? '',
    kind: asString(ref.kind) ?? '',
    name: asString(ref.name) ?? '',
    uid: asString(ref.uid) ?? '',
    controller: flag(ref.controller),
    blockOwnerDeletion: flag(ref.blockOwnerDeletion),
  };
}

// Before validating, the server drops each reference equal in every field to an earlier one.
function dedupOwnerReferences(all: OwnerReference[]): { references: OwnerReference[]; duplicateUids: string[] } {
  const references: OwnerReference[] = [];
  const duplicateUids: string[] = [];
  for (const ref of all) {
    const same = references.some((kept) => (Object.keys(ref) as (keyof OwnerReference)[]).every((key) => kept[key] === ref[key]));
    if (same) duplicateUids.push(ref.uid);
    else references.push(ref);
  }
  return { references, duplicateUids };
}

function ownerReferenceErrors(ref: OwnerReference, field: string): ValidationFinding[] {
  const findings: ValidationFinding[] = [];
  const groupVersion = parseGroupVersion(ref.apiVersion);
  if (ref.apiVersion === '') {
    findings.push(required(RULE.METADATA, `${field}.apiVersion`, 'must not be empty'));
  } else if (!groupVersion || groupVersion.version === '') {
    findings.push(invalid(RULE.METADATA, `${field}.apiVersion`, ref.apiVersion, 'must be <group>/<version> or <version>'));
  }
  for (const key of ['kind', 'name', 'uid'] as const) {
    if (ref[key] === '') findings.push(required(RULE.METADATA, `${field}.${key}`, 'must not be empty'));
  }
  if (groupVersion?.group === '' && groupVersion.version === 'v1' && ref.kind === 'Event') {
    findings.push(invalid(RULE.METADATA, field, new JsonValue(ref), '/v1, Kind=Event is disallowed from being an owner'));
  }
  return findings;
}

// schema.ParseGroupVersion; undefined where it fails (more than one '/').
function parseGroupVersion(apiVersion: string): { group: string; version: string } | undefined {
  if (apiVersion === '' || apiVersion === '/') return { group: '', version: '' };
  const parts = apiVersion.split('/');
  if (parts.length > 2) return undefined;
  return parts.length === 1 ? { group: '', version: parts[0] } : { group: parts[0], version: parts[1] };
}

// apimachinery's rules: each name a label key, reported at the list's path; orphan and foregroundDeletion exclude each other.
function finalizerFindings(finalizers: string[]): ValidationFinding[] {
  const field = 'metadata.finalizers';
  const findings = finalizers.flatMap((finalizer) =>
    labelKeyErrors(finalizer).map((msg) => invalid(RULE.METADATA, field, finalizer, msg)));
  if (finalizers.includes('orphan') && finalizers.includes('foregroundDeletion')) {
    findings.push(invalid(RULE.METADATA, field, new JsonValue(finalizers), 'finalizer orphan and foregroundDeletion cannot be both set'));
  }
  return findings;
}

// Kubernetes' own rule: a name without a '/' must be one of the standard finalizers.
function kubeFinalizerFindings(finalizer: string, i: number): ValidationFinding[] {
  return finalizer.includes('/') || STANDARD_FINALIZERS.includes(finalizer)
    ? []
    : [invalid(RULE.METADATA, `metadata.finalizers[${i}]`, finalizer, 'name is neither a standard finalizer name nor is it fully qualified')];
}

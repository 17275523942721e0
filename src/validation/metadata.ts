/**
 * ObjectMeta of a namespaced object whose names are DNS-1123 subdomains, in the order the
 * server checks it: generateName, name, namespace, generation, labels, annotations,
 * ownerReferences, finalizers.
 */
import { error, invalid, required, tooLong, warning } from './field-errors';
import { ValidationFinding } from './finding';
import { labelMapFindings } from './label-map';
import { RULE } from './rules';
import { asArray, asObject, asString, asStruct, JsonObject } from '../k8s/json-values';
import { dns1123LabelErrors, dns1123SubdomainErrors, qualifiedNameErrors } from '../k8s/label-syntax';

const ANNOTATIONS_MAX_BYTES = 256 * 1024;

/** Findings for `metadata`. */
export function metadataFindings(metadata: unknown): ValidationFinding[] {
  const meta = asStruct(metadata) ?? {};
  return [
    ...nameFindings(meta),
    ...namespaceFindings(meta.namespace),
    ...generationFindings(meta.generation),
    ...labelMapFindings(meta.labels, 'metadata.labels', RULE.LABELS),
    ...annotationFindings(meta.annotations),
    ...ownerReferenceFindings(meta.ownerReferences),
    ...finalizerFindings(meta.finalizers),
  ];
}

/**
 * Findings for the `metadata` of a cluster-scoped custom resource, as Kubernetes 1.37 checks it on
 * create: the namespace is cleared and the generation reset rather than checked, owner references
 * are reported per index, and a finalizer name without a domain gets the server's warning.
 */
export function clusterCustomResourceMetadataFindings(metadata: unknown): ValidationFinding[] {
  const meta = asStruct(metadata) ?? {};
  return [
    ...nameFindings(meta),
    ...labelMapFindings(meta.labels, 'metadata.labels', RULE.LABELS),
    ...annotationFindings(meta.annotations),
    ...indexedOwnerReferenceFindings(meta.ownerReferences),
    ...finalizerFindings(meta.finalizers),
    ...finalizerWarnings(meta.finalizers),
  ];
}

function nameFindings(meta: JsonObject): ValidationFinding[] {
  const findings: ValidationFinding[] = [];
  const generateName = asString(meta.generateName);
  if (generateName) {
    // A generated name appends random characters, so a trailing '-' is fine; the server masks the
    // last two characters into an 'a' before checking.
    const masked = generateName.length > 1 && generateName.endsWith('-') ? `${generateName.slice(0, -2)}a` : generateName;
    findings.push(...dns1123SubdomainErrors(masked).map((msg) => invalid(RULE.NAME, 'metadata.generateName', generateName, msg)));
  }
  const name = asString(meta.name);
  if (name === '') {
    // With generateName the server generates the name before validation; its errors are already reported.
    if (!generateName) findings.push(required(RULE.NAME_REQUIRED, 'metadata.name', 'name or generateName is required'));
  } else if (name !== undefined) {
    findings.push(...dns1123SubdomainErrors(name).map((msg) => invalid(RULE.NAME, 'metadata.name', name, msg)));
  }
  return findings;
}

// An absent or empty namespace is filled in from the request, so only a written one is checked.
function namespaceFindings(value: unknown): ValidationFinding[] {
  const namespace = asString(value) ?? '';
  return namespace === '' ? [] : dns1123LabelErrors(namespace).map((msg) => invalid(RULE.NAMESPACE, 'metadata.namespace', namespace, msg));
}

function generationFindings(value: unknown): ValidationFinding[] {
  return typeof value === 'number' && value < 0
    ? [invalid(RULE.METADATA, 'metadata.generation', value, 'must be greater than or equal to 0')]
    : [];
}

// Annotation keys are qualified names compared case-insensitively; values are free-form but count towards the size limit.
function annotationFindings(value: unknown): ValidationFinding[] {
  const entries = Object.entries(asObject(value) ?? {});
  const findings = entries.flatMap(([key]) =>
    qualifiedNameErrors(key.toLowerCase()).map((msg) => invalid(RULE.ANNOTATIONS, 'metadata.annotations', key, msg)));
  const size = entries.reduce((total, [key, item]) =>
    total + Buffer.byteLength(key, 'utf8') + Buffer.byteLength(asString(item) ?? '', 'utf8'), 0);
  if (size > ANNOTATIONS_MAX_BYTES) findings.push(tooLong(RULE.ANNOTATIONS, 'metadata.annotations', ANNOTATIONS_MAX_BYTES));
  return findings;
}

// The server reports owner reference problems at the list's path, without an index.
function ownerReferenceFindings(value: unknown): ValidationFinding[] {
  const field = 'metadata.ownerReferences';
  const references = asArray(value) ?? [];
  const findings: ValidationFinding[] = [];
  let controller = '';
  for (const item of references) {
    const ref = asStruct(item);
    if (!ref) continue;
    const apiVersion = asString(ref.apiVersion) ?? '';
    const kind = asString(ref.kind) ?? '';
    const name = asString(ref.name) ?? '';
    const uid = asString(ref.uid) ?? '';
    const version = groupVersionVersion(apiVersion);
    if (version === '') findings.push(invalid(RULE.METADATA, `${field}.apiVersion`, apiVersion, 'version must not be empty'));
    if (kind === '') findings.push(invalid(RULE.METADATA, `${field}.kind`, kind, 'kind must not be empty'));
    if (name === '') findings.push(invalid(RULE.METADATA, `${field}.name`, name, 'name must not be empty'));
    if (uid === '') findings.push(invalid(RULE.METADATA, `${field}.uid`, uid, 'uid must not be empty'));
    if (apiVersion === 'v1' && kind === 'Event') {
      findings.push(invalid(RULE.METADATA, field, ref, '/v1, Kind=Event is disallowed from being an owner'));
    }
    if (ref.controller === true) {
      const current = `${kind}/${name}`;
      if (controller === '') {
        controller = current;
      } else {
        findings.push(invalid(RULE.METADATA, field, references,
          `Only one reference can have Controller set to true. Found "true" in references for ${controller} and ${current}`));
      }
    }
  }
  return findings;
}

// Kubernetes 1.37: empty fields are Required at their index; values are shown as Go renders an OwnerReference.
function indexedOwnerReferenceFindings(value: unknown): ValidationFinding[] {
  const field = 'metadata.ownerReferences';
  const references = (asArray(value) ?? []).map((item) => asStruct(item) ?? {});
  const findings: ValidationFinding[] = [];
  const controllers: string[] = [];
  references.forEach((ref, i) => {
    const apiVersion = asString(ref.apiVersion) ?? '';
    const kind = asString(ref.kind) ?? '';
    if (groupVersionVersion(apiVersion) === '') findings.push(required(RULE.METADATA, `${field}[${i}].apiVersion`, 'must not be empty'));
    for (const key of ['kind', 'name', 'uid']) {
      if ((asString(ref[key]) ?? '') === '') findings.push(required(RULE.METADATA, `${field}[${i}].${key}`, 'must not be empty'));
    }
    if (apiVersion === 'v1' && kind === 'Event') {
      findings.push(error(RULE.METADATA, `${field}[${i}]`, `Invalid value: ${ownerReferenceJson(ref)}: /v1, Kind=Event is disallowed from being an owner`));
    }
    if (ref.controller === true) controllers.push(`${kind}/${asString(ref.name) ?? ''}`);
  });
  if (controllers.length > 1) {
    findings.push(error(RULE.METADATA, field, `Invalid value: [${references.map(ownerReferenceJson).join(',')}]: `
      + `Only one reference can have Controller set to true. Found "true" in references for ${controllers[0]} and ${controllers[1]}`));
  }
  return findings;
}

/** An OwnerReference as Go's JSON writes it: fields in declaration order, empty pointers left out. */
function ownerReferenceJson(ref: JsonObject): string {
  const ordered = Object.fromEntries(['apiVersion', 'kind', 'name', 'uid', 'controller', 'blockOwnerDeletion']
    .filter((key) => key in ref && ref[key] !== null).map((key) => [key, ref[key]]));
  return JSON.stringify(ordered);
}

/** The finalizers Kubernetes itself defines, which need no domain. */
const STANDARD_FINALIZERS = new Set(['kubernetes', 'orphan', 'foregroundDeletion']);

// A finalizer of a custom resource without a domain prefix works, but the server warns.
function finalizerWarnings(value: unknown): ValidationFinding[] {
  return (asArray(value) ?? []).map(asString)
    .filter((finalizer): finalizer is string => finalizer !== undefined && !finalizer.includes('/') && !STANDARD_FINALIZERS.has(finalizer)
      && qualifiedNameErrors(finalizer).length === 0)
    .map((finalizer) => warning(RULE.METADATA, 'metadata.finalizers',
      `${JSON.stringify(finalizer)}: prefer a domain-qualified finalizer name to avoid accidental conflicts with other finalizer writers`));
}

// "group/version" or "version"; anything else parses to no version at all.
function groupVersionVersion(apiVersion: string): string {
  const parts = apiVersion.split('/');
  if (parts.length === 1) return parts[0];
  return parts.length === 2 ? parts[1] : '';
}

function finalizerFindings(value: unknown): ValidationFinding[] {
  const field = 'metadata.finalizers';
  const finalizers = (asArray(value) ?? []).map(asString).filter((f): f is string => f !== undefined);
  const findings = finalizers.flatMap((finalizer) =>
    qualifiedNameErrors(finalizer).map((msg) => invalid(RULE.METADATA, field, finalizer, msg)));
  if (finalizers.includes('orphan') && finalizers.includes('foregroundDeletion')) {
    findings.push(invalid(RULE.METADATA, field, finalizers, 'finalizer orphan and foregroundDeletion cannot be both set'));
  }
  return findings;
}

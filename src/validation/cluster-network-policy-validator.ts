import { ClusterNetworkPolicyChannel } from './cluster-network-policy-channel';
import { cnpAdvice } from './cnp-advice';
import { CNP_RULE } from './cnp-rules';
import { clusterNetworkPolicySchema, EXPERIMENTAL_EGRESS_PEERS } from './cnp-schema';
import { objectMetaDecodingFindings } from './decoding';
import { error } from './field-errors';
import { FindingSeverity, ValidationFinding } from './finding';
import { clusterCustomResourceMetadataFindings } from './metadata';
import { RULE } from './rules';
import {
  blocksCel, CEL_SKIPPED_MESSAGE, celErrors, childSchema, dropNulls, duplicateErrors, pruneUnknownFields,
  SchemaConstraint, SchemaError, SchemaNode, schemaErrors,
} from './structural-schema';
import { jsonShapeProblem } from '../k8s/json-shape';
import { asObject, JsonObject } from '../k8s/json-values';
import { CLUSTER_NETWORK_POLICY_API_VERSION, CLUSTER_NETWORK_POLICY_GROUP, CLUSTER_NETWORK_POLICY_KIND } from '../k8s/kinds';

/**
 * Options for `ClusterNetworkPolicyValidator.check`.
 *
 * @example
 * ClusterNetworkPolicyValidator.check(manifest, { channel: ClusterNetworkPolicyChannel.EXPERIMENTAL });
 */
export interface ClusterNetworkPolicyValidationOptions {
  /**
   * The channel of the CRD installed in the cluster. In the standard channel the egress peers
   * `nodes` and `domainNames` are unknown fields; the experimental channel has them, and refuses
   * a named port in an egress rule with a `networks`, `nodes` or `domainNames` peer.
   *
   * @default ClusterNetworkPolicyChannel.STANDARD
   */
  readonly channel?: ClusterNetworkPolicyChannel;
}

/** The rule of each schema keyword's errors; a CEL error carries its rule's own id. */
const SCHEMA_RULES: Readonly<Record<Exclude<SchemaConstraint, SchemaConstraint.CEL>, string>> = {
  [SchemaConstraint.TYPE]: CNP_RULE.TYPE,
  [SchemaConstraint.FORMAT]: CNP_RULE.FORMAT,
  [SchemaConstraint.REQUIRED]: CNP_RULE.REQUIRED,
  [SchemaConstraint.ENUM]: CNP_RULE.ENUM,
  [SchemaConstraint.BOUNDS]: CNP_RULE.BOUNDS,
  [SchemaConstraint.ITEMS]: CNP_RULE.ITEMS,
  [SchemaConstraint.PROPERTIES]: CNP_RULE.ONE_OF,
  [SchemaConstraint.LENGTH]: CNP_RULE.LENGTH,
  [SchemaConstraint.PATTERN]: CNP_RULE.DOMAIN_NAME,
  [SchemaConstraint.DUPLICATE]: CNP_RULE.DUPLICATE,
};

/** How a field error starts for each blocking type (the type is how the server renders it). */
const BLOCKING_PREFIXES = ['Required value', 'Unsupported value', 'Too long', 'Too many'];

/**
 * Applies the rules of an API server with the ClusterNetworkPolicy CRD installed
 * (`policy.networking.k8s.io/v1alpha2`, network-policy-api v0.2.0) to a manifest given as plain
 * JSON, with the server's field paths and messages, in the standard or experimental channel:
 *
 * - unknown fields, which `kubectl` (strict field validation) gets refused with HTTP 400; the
 *   validator reports them and goes on with the rest, as a server with field validation `Warn` would;
 * - the object's metadata (name, labels, annotations, owner references, finalizers);
 * - the OpenAPI schema: required fields, types, `tier` and `action` values, priority 0-1000,
 *   ports 1-65535, at most 25 rules, peers, protocols, CIDRs and domain names per list, exactly
 *   one field per subject, peer, protocol and destination port, rule names up to 100 characters,
 *   the domain name pattern (with its `a-zA-z` quirk) and duplicates in `networks` and `domainNames`;
 * - the CEL rules (`start < end` for port ranges, `isCIDR` for networks, and in the experimental
 *   channel no named port with a networks, nodes or domainNames peer), which the server skips,
 *   saying so, when an earlier error blocks them (a missing field, a wrong type or value, a list
 *   or text too long).
 *
 * Warnings (never from the server) flag what the CRD accepts but cannot work as written:
 * `domainNames` (which no analysis can evaluate without DNS, and which are documented for Admin
 * Accept rules only), selectors that are not label selectors, and named ports no container can have.
 *
 * @example
 * const findings = ClusterNetworkPolicyValidator.check({
 *   apiVersion: 'policy.networking.k8s.io/v1alpha2',
 *   kind: 'ClusterNetworkPolicy',
 *   metadata: { name: 'web' },
 *   spec: {
 *     tier: 'Admin', priority: 10, subject: { namespaces: {} },
 *     ingress: [{ action: 'Deny', from: [{ namespaces: {} }], protocols: [{ tcp: { destinationPort: { range: { start: 80, end: 80 } } } }] }],
 *   },
 * });
 * // spec.ingress[0].protocols[0].tcp.destinationPort.range: Invalid value: Start port must be less than End port
 * console.log(NetworkPolicyValidator.formatAll(findings));
 */
export class ClusterNetworkPolicyValidator {
  /**
   * Validates one ClusterNetworkPolicy.
   *
   * @param manifest the object as plain JSON (e.g. `ApiObject.toJson()` or a parsed YAML document)
   * @param options which CRD channel the cluster runs
   * @returns every finding, errors and warnings; empty when the server would accept the object silently
   * @example
   * const errors = ClusterNetworkPolicyValidator.check(policy.toJson()).filter((f) => f.severity === FindingSeverity.ERROR);
   */
  public static check(manifest: any, options: ClusterNetworkPolicyValidationOptions = {}): ValidationFinding[] {
    const channel = options.channel ?? ClusterNetworkPolicyChannel.STANDARD;
    // Plain JavaScript can pass what no file holds; kubectl could not even encode it.
    const shape = jsonShapeProblem(manifest);
    if (shape) {
      return [error(RULE.TYPE, shape.field, shape.message)];
    }
    const object = asObject(manifest);
    if (!object) {
      return [error(RULE.TYPE, '', `expected a JSON object for a ${CLUSTER_NETWORK_POLICY_KIND}, got ${Array.isArray(manifest) ? 'an array' : JSON.stringify(manifest) ?? 'nothing'}`)];
    }
    const kind = typeof object.kind === 'string' ? object.kind : undefined;
    if (kind?.toLowerCase() !== CLUSTER_NETWORK_POLICY_KIND.toLowerCase()) {
      return [error(RULE.KIND, 'kind',
        `expected kind "${CLUSTER_NETWORK_POLICY_KIND}" (apiVersion "${CLUSTER_NETWORK_POLICY_API_VERSION}"), got ${JSON.stringify(object.kind) ?? 'none'}`)];
    }
    const findings: ValidationFinding[] = [];
    if (object.apiVersion !== CLUSTER_NETWORK_POLICY_API_VERSION) {
      findings.push(error(RULE.KIND, 'apiVersion', `no matches for kind "${CLUSTER_NETWORK_POLICY_KIND}" in version `
        + `${JSON.stringify(object.apiVersion) ?? '""'}: the CRD serves "${CLUSTER_NETWORK_POLICY_API_VERSION}" only `
        + '(v1alpha1 had AdminNetworkPolicy and BaselineAdminNetworkPolicy instead)'));
    }
    if (kind !== CLUSTER_NETWORK_POLICY_KIND) {
      // kubectl maps the kind case-insensitively; the server then refuses the spelling.
      findings.push(error(RULE.KIND, 'kind', `Invalid value: ${JSON.stringify(kind)}: must be ${CLUSTER_NETWORK_POLICY_KIND}`));
    }
    findings.push(...objectMetaDecodingFindings(object.metadata));

    const schema = clusterNetworkPolicySchema(channel);
    const pruned = JSON.parse(JSON.stringify(object)) as JsonObject;
    findings.push(...pruneUnknownFields(pruned, schema).map((path) => unknownField(path, schema, channel)));
    // Dropped on create: the status subresource is written separately.
    delete pruned.status;
    dropNulls(pruned, schema);

    const metadata = clusterCustomResourceMetadataFindings(pruned.metadata);
    const schemaFindings = [...schemaErrors(pruned, schema, ''), ...duplicateErrors(pruned, schema, '')];
    const blocked = schemaFindings.some((e) => blocksCel(e.type))
      || metadata.some((f) => f.severity === FindingSeverity.ERROR && BLOCKING_PREFIXES.some((prefix) => f.message.startsWith(prefix)));
    findings.push(...metadata.filter((f) => f.severity === FindingSeverity.ERROR), ...schemaFindings.map(toFinding));
    findings.push(...(blocked ? [error(CNP_RULE.NOT_CHECKED, '', CEL_SKIPPED_MESSAGE)] : celErrors(pruned, schema, '').map(toFinding)));
    findings.push(...metadata.filter((f) => f.severity === FindingSeverity.WARNING), ...cnpAdvice(pruned.spec, channel));
    return findings;
  }

  /**
   * Whether the manifest declares itself a ClusterNetworkPolicy of the policy.networking.k8s.io group, in any version.
   *
   * @example
   * const policies = documents.filter((doc) => ClusterNetworkPolicyValidator.isClusterNetworkPolicy(doc));
   */
  public static isClusterNetworkPolicy(manifest: any): boolean {
    const object = asObject(manifest);
    return object !== undefined && object.kind === CLUSTER_NETWORK_POLICY_KIND && typeof object.apiVersion === 'string'
      && object.apiVersion.startsWith(`${CLUSTER_NETWORK_POLICY_GROUP}/`);
  }

  private constructor() {}
}

function toFinding(schemaError: SchemaError): ValidationFinding {
  const rule = schemaError.constraint === SchemaConstraint.CEL ? schemaError.rule! : SCHEMA_RULES[schemaError.constraint];
  return error(rule, schemaError.field, schemaError.message);
}

/** An unknown field, with what the schema has at that place. */
function unknownField(path: string, schema: SchemaNode, channel: ClusterNetworkPolicyChannel): ValidationFinding {
  const steps = path.match(/[^.[\]]+|\[\d+\]/g) ?? [];
  const name = steps[steps.length - 1];
  const parent = steps.slice(0, -1).reduce<SchemaNode | undefined>((node, step) =>
    (step.startsWith('[') ? node?.items : childSchema(node, step)), schema);
  const refused = 'the API server refuses the object (strict decoding error), or drops the field without strict field validation';
  if (channel === ClusterNetworkPolicyChannel.STANDARD && /^spec\.egress\[\d+\]\.to\[\d+\]$/.test(path.slice(0, path.lastIndexOf('.')))
    && EXPERIMENTAL_EGRESS_PEERS.includes(name)) {
    return error(CNP_RULE.CHANNEL, path, `unknown field "${name}": the ${name} peer exists only in the experimental channel of the CRD; `
      + `${refused} (check with channel EXPERIMENTAL if the cluster runs that channel)`);
  }
  if (/^spec\.ingress\[\d+\]\.from\[\d+\]\.[^.]+$/.test(path) && ['networks', ...EXPERIMENTAL_EGRESS_PEERS].includes(name)) {
    return error(RULE.UNKNOWN_FIELD, path, `unknown field "${name}": ingress peers are namespaces or pods only, ${name} is an egress peer; ${refused}`);
  }
  const known = Object.keys(parent?.properties ?? {});
  const here = parent === undefined || parent.type !== 'object' || parent.additionalProperties
    ? `no field belongs here (the value should be ${parent?.type === 'array' ? 'a list' : parent?.type ? `a ${parent.type}` : 'of another shape'})`
    : `known fields here are ${known.map((field) => `"${field}"`).join(', ')}`;
  return error(RULE.UNKNOWN_FIELD, path, `unknown field "${name}": ${here}; ${refused}`);
}

import { clientDecodingFindings, serverDecodingFindings } from './decoding';
import { stageError } from './field-errors';
import { FindingSeverity, ValidationFinding, ValidationStage } from './finding';
import { apiVersionMappingFindings, namespacePathFindings, schemaFindings } from './kubectl-checks';
import { generateNamePathFindings, metadataFindings } from './metadata';
import { specFindings } from './policy-spec';
import { RULE } from './rules';
import { asGoDecodes } from '../k8s/go-text';
import { jsonShapeProblem } from '../k8s/json-shape';
import { asObject } from '../k8s/json-values';
import { NETWORK_POLICY_API_VERSION, NETWORK_POLICY_GROUP, NETWORK_POLICY_KIND } from '../k8s/kinds';

/** The stages in the order a create request meets them. */
const STAGE_ORDER = [ValidationStage.CLIENT, ValidationStage.DECODE, ValidationStage.VALIDATE];

/**
 * Options for `NetworkPolicyValidator.check`.
 *
 * @example
 * // a cluster older than 1.36 still reads "10.0.0.1/24" as 10.0.0.0/24
 * NetworkPolicyValidator.check(manifest, { strictCidr: false });
 */
export interface ValidationOptions {
  /**
   * Apply the strict CIDR rules of Kubernetes 1.36 and later (StrictIPCIDRValidation, locked on from 1.38):
   * leading zeros, IPv4-mapped IPv6 addresses and bits set beyond the prefix length are errors.
   * When false, those forms are accepted with the warnings Kubernetes 1.33-1.35 return; every other
   * rule and message stays that of 1.37.
   *
   * @default true
   */
  readonly strictCidr?: boolean;
}


/**
 * Answers, before anything reaches a cluster, what `kubectl create -f` of a NetworkPolicy gets from
 * Kubernetes 1.37: what kubectl refuses before sending (`apiVersion`, metadata that does not decode,
 * the namespace), what the API server's strict decoding refuses (JSON types, unknown fields), and what
 * its validation on create refuses (metadata as the create path sees it, with `generateName` expanded,
 * then selectors, ports, peers, ipBlocks and policyTypes), each in 1.37's words with values quoted as
 * Go quotes them. Every finding says its stage; the first stage with an error is the one that refuses
 * the object, and the later stages are reported too, so that one pass shows everything to fix.
 * Identical errors are reported once, as the server does. A name generated from `generateName`
 * shows `xxxxx` where the server's 5 random characters would be.
 *
 * @example
 * const findings = NetworkPolicyValidator.check({
 *   apiVersion: 'networking.k8s.io/v1',
 *   kind: 'NetworkPolicy',
 *   metadata: { name: 'web', namespace: 'prod' },
 *   spec: { podSelector: {}, ingress: [{ ports: [{ port: 8000, endPort: 80 }] }] },
 * });
 * // spec.ingress[0].ports[0].endPort: Invalid value: 80: must be greater than or equal to `port`
 * console.log(NetworkPolicyValidator.formatAll(findings));
 */
export class NetworkPolicyValidator {
  /**
   * Validates one NetworkPolicy.
   *
   * @param manifest the object as plain JSON (e.g. `ApiObject.toJson()` or a parsed YAML document)
   * @param options which Kubernetes behaviour to mirror where releases differ
   * @returns every finding, errors and warnings, in the API server's order; empty when the server would accept the object silently
   * @example
   * const errors = NetworkPolicyValidator.check(policy.toJson()).filter((f) => f.severity === FindingSeverity.ERROR);
   */
  public static check(manifest: any, options: ValidationOptions = {}): ValidationFinding[] {
    const strictCidr = options.strictCidr ?? true;
    // Plain JavaScript can pass what no file holds; kubectl could not even encode it.
    const shape = jsonShapeProblem(manifest);
    if (shape) {
      return [stageError(ValidationStage.CLIENT, RULE.TYPE, shape.field, shape.message)];
    }
    const object = asObject(asGoDecodes(manifest));
    if (!object) {
      return [stageError(ValidationStage.CLIENT, RULE.TYPE, '',
        `expected a JSON object for a ${NETWORK_POLICY_KIND}, got ${Array.isArray(manifest) ? 'an array' : JSON.stringify(manifest) ?? 'nothing'}`)];
    }
    if (object.kind !== NETWORK_POLICY_KIND) {
      return [stageError(ValidationStage.CLIENT, RULE.KIND, 'kind',
        `expected kind "${NETWORK_POLICY_KIND}" (apiVersion "${NETWORK_POLICY_API_VERSION}"), got ${JSON.stringify(object.kind) ?? 'none'}`)];
    }
    const schema = schemaFindings(object);
    const mapping = apiVersionMappingFindings(object.apiVersion);
    const validation = [...metadataFindings(object.metadata), ...specFindings(object.spec, strictCidr)];
    if (!validation.some((f) => f.severity === FindingSeverity.ERROR)) validation.push(...generateNamePathFindings(object.metadata));
    return [
      // kubectl's order: the schema check, decoding the metadata, finding the resource, the URL.
      ...schema,
      ...clientDecodingFindings(object),
      ...mapping.filter((f) => f.stage === ValidationStage.CLIENT),
      ...namespacePathFindings(object.metadata),
      ...mapping.filter((f) => f.stage === ValidationStage.DECODE),
      ...serverDecodingFindings(object),
      ...serverValidationOrder(validation),
    ];
  }

  /**
   * The stage that refuses the object: the first stage, in the order a create request meets them, with
   * an error among the findings.
   *
   * @param findings the findings of `check` for one manifest
   * @returns the refusing stage, or undefined when the object would be created
   * @example
   * if (NetworkPolicyValidator.refusedAt(findings) === ValidationStage.DECODE) console.log('HTTP 400');
   */
  public static refusedAt(findings: ValidationFinding[]): ValidationStage | undefined {
    return STAGE_ORDER.find((stage) => findings.some((f) => f.stage === stage && f.severity === FindingSeverity.ERROR));
  }

  /**
   * Whether the manifest declares itself a NetworkPolicy of the networking.k8s.io group, in any version.
   *
   * @example
   * const policies = documents.filter((doc) => NetworkPolicyValidator.isNetworkPolicy(doc));
   */
  public static isNetworkPolicy(manifest: any): boolean {
    const object = asObject(manifest);
    return object !== undefined && object.kind === NETWORK_POLICY_KIND && typeof object.apiVersion === 'string' && object.apiVersion.startsWith(`${NETWORK_POLICY_GROUP}/`);
  }

  /**
   * One finding as `<field>: <message>`, the way kubectl prints a cause.
   *
   * @example
   * NetworkPolicyValidator.format(finding); // "spec.policyTypes[0]: Unsupported value: \"ingress\": supported values: \"Ingress\", \"Egress\""
   */
  public static format(finding: ValidationFinding): string {
    return finding.field ? `${finding.field}: ${finding.message}` : finding.message;
  }

  /**
   * Every finding formatted, one per line, warnings marked with `Warning: ` as kubectl marks them.
   *
   * @example
   * console.log(NetworkPolicyValidator.formatAll(NetworkPolicyValidator.check(manifest)));
   */
  public static formatAll(findings: ValidationFinding[]): string {
    return findings
      .map((finding) => (finding.severity === FindingSeverity.WARNING ? 'Warning: ' : '') + NetworkPolicyValidator.format(finding))
      .join('\n');
  }

  private constructor() {}
}

/**
 * Validation errors as the server returns them: those its declarative rules raise (an empty ipBlock
 * cidr) after the handwritten ones, and each identical error (same field, same message) once.
 */
function serverValidationOrder(findings: ValidationFinding[]): ValidationFinding[] {
  const declarative = (f: ValidationFinding) => f.rule === RULE.CIDR_REQUIRED;
  const seen = new Set<string>();
  return [...findings.filter((f) => !declarative(f)), ...findings.filter(declarative)].filter((f) => {
    if (f.severity !== FindingSeverity.ERROR) return true;
    const key = `${f.field}: ${f.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

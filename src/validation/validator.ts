import { decodingFindings } from './decoding';
import { error } from './field-errors';
import { FindingSeverity, ValidationFinding } from './finding';
import { metadataFindings } from './metadata';
import { specFindings } from './policy-spec';
import { RULE } from './rules';
import { asObject } from '../k8s/json-values';
import { NETWORK_POLICY_API_VERSION, NETWORK_POLICY_GROUP, NETWORK_POLICY_KIND } from '../k8s/kinds';

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
   * When false, those forms are accepted with the warnings Kubernetes 1.33-1.35 return.
   *
   * @default true
   */
  readonly strictCidr?: boolean;
}


/**
 * Applies the API server's NetworkPolicy rules to a manifest given as plain JSON, before it reaches a
 * cluster. It covers what kube-apiserver checks on create: the served version and kind, the JSON
 * types and known fields (kubectl's strict field validation), metadata, selectors, ports, peers,
 * ipBlocks and policyTypes. Where the server stops at the first stage that fails (decoding), the
 * validator reports the later stages too; findings otherwise follow the server's order.
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
    const object = asObject(manifest);
    if (!object) {
      return [error(RULE.TYPE, '', `expected a JSON object for a ${NETWORK_POLICY_KIND}, got ${Array.isArray(manifest) ? 'an array' : JSON.stringify(manifest) ?? 'nothing'}`)];
    }
    if (object.kind !== NETWORK_POLICY_KIND) {
      return [error(RULE.KIND, 'kind', `expected kind "${NETWORK_POLICY_KIND}" (apiVersion "${NETWORK_POLICY_API_VERSION}"), got ${JSON.stringify(object.kind) ?? 'none'}`)];
    }
    const findings: ValidationFinding[] = [];
    if (object.apiVersion !== NETWORK_POLICY_API_VERSION) {
      findings.push(error(RULE.KIND, 'apiVersion',
        `no matches for kind "${NETWORK_POLICY_KIND}" in version ${JSON.stringify(object.apiVersion) ?? '""'}: use "${NETWORK_POLICY_API_VERSION}"`));
    }
    return [
      ...findings,
      ...decodingFindings(object),
      ...metadataFindings(object.metadata),
      ...specFindings(object.spec, strictCidr),
    ];
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

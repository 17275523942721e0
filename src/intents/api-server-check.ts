import { ManifestCheck, ManifestInput, PluginViolation } from './plugin-violation';
import { asArray, asObject } from '../k8s/json-values';
import { FindingSeverity } from '../validation/finding';
import { NetworkPolicyValidator } from '../validation/validator';

/**
 * Every NetworkPolicy of the manifests (and of `kind: List` documents) checked like the API
 * server would on create: one violation per error (failing) and per warning (not failing), on
 * the policy, at the field path.
 */
export class ApiServerCheck implements ManifestCheck {
  public readonly name = 'apiServerValidation';

  constructor(private readonly strictCidr: boolean) {}

  public run(input: ManifestInput): PluginViolation[] {
    const violations: PluginViolation[] = [];
    for (const manifest of input.manifests) {
      for (const document of manifest.documents.flatMap(listItems)) {
        if (!NetworkPolicyValidator.isNetworkPolicy(document)) {
          continue;
        }
        const metadata = asObject(asObject(document)?.metadata);
        const name = typeof metadata?.name === 'string' ? metadata.name : '';
        const subject = typeof metadata?.namespace === 'string' ? `${metadata.namespace}/${name}` : name;
        for (const finding of NetworkPolicyValidator.check(document, { strictCidr: this.strictCidr })) {
          const failing = finding.severity === FindingSeverity.ERROR;
          const field = finding.field || 'the object';
          violations.push({
            ruleName: finding.rule,
            recommendation: `${failing ? 'The API server would refuse' : 'The API server would warn about'} NetworkPolicy ${subject}: `
              + NetworkPolicyValidator.format(finding),
            fix: `Change ${field} in the construct, patch or included YAML that renders it: ${finding.message}`,
            violatingResources: [{ resourceName: name, locations: [finding.field], manifestPath: manifest.path }],
            failing,
          });
        }
      }
    }
    return violations;
  }
}

/** A document, or the items of a `kind: List` (as `kubectl get -o yaml` writes). */
function listItems(document: unknown): unknown[] {
  const object = asObject(document);
  return typeof object?.kind === 'string' && object.kind.endsWith('List') ? asArray(object.items) ?? [] : [document];
}

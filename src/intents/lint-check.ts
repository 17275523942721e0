import { ManifestCheck, ManifestInput, PluginViolation } from './plugin-violation';
import { LintId } from '../analysis/lint-id';
import { Linter } from '../analysis/linter';

/**
 * The lints (`Linter`) over the synthesized manifests: one failing violation per finding, on the
 * policy, at its field path, with the lint's fix.
 */
export class LintCheck implements ManifestCheck {
  public readonly name = 'lints';

  constructor(private readonly checks: readonly LintId[]) {}

  public run(input: ManifestInput): PluginViolation[] {
    const manifestOf = input.documents.manifestOf;
    const model = input.model;
    // A finding on the whole policy (NP-LINT-NO-EFFECT) has no field.
    return Linter.lint(model, { checks: [...this.checks] }).map((finding) => ({
      ruleName: finding.id,
      recommendation: `NetworkPolicy ${finding.namespaceName}/${finding.name}: ${finding.field ? `${finding.field}: ` : ''}${finding.message}`,
      fix: `Change ${finding.field || 'the policy'} in the construct, patch or included YAML that renders it, or drop ${finding.id} from the plugin's lints`,
      violatingResources: [{
        resourceName: finding.name, locations: finding.field ? [finding.field] : [], manifestPath: manifestOf.get(finding.origin) ?? finding.origin,
      }],
      failing: true,
    }));
  }
}

import { ApiServerCheck } from './api-server-check';
import { IntentsFileCheck } from './intents-file-check';
import { LintCheck } from './lint-check';
import { ManifestCheck, ManifestInput, SynthesizedManifest } from './plugin-violation';
import { LintId } from '../analysis/lint-id';
import { isLintId, LINT_IDS } from '../analysis/lint-report';
import { InputError } from '../k8s/input-error';

/**
 * Properties of `NetworkPolicyValidation`: the `properties` of its entry in `cdk8s.yaml`.
 */
export interface NetworkPolicyValidationProps {
  /**
   * Check every NetworkPolicy in the synthesized manifests like the API server would on create
   * (our constructs check their own policies at synth already; this also covers cdk8s-plus
   * policies, raw `ApiObject`s and included YAML). Errors fail the synthesis; warnings are
   * listed and pass.
   *
   * @default true
   */
  readonly apiServerValidation?: boolean;

  /**
   * A YAML or JSON file of reachability intents, for apps that declare them outside their code,
   * relative to the folder `cdk8s synth` runs in. Format: a mapping with `intents` (a list of
   * `{ expect: allowed | denied | onlySources | isolated, from, to, sources, workload, port,
   * protocol, direction }`) and optionally `acknowledge` (a list of `{ id, reason }`); endpoints
   * are `namespace/name`, `namespace/kind/name`, an IP address or `{ labels, namespace }`. A broken
   * intent, or a problem with the file, fails the synthesis.
   *
   * @default - no intents file
   */
  readonly intentsFile?: string;

  /**
   * The lints to run (`LintId` values such as `NP-LINT-SELECTS-NOTHING`), or `["all"]`. Each
   * finding fails the synthesis, on the policy, at its field path, with the fix.
   *
   * @default - no lints
   */
  readonly lints?: string[];

  /**
   * Which CIDR forms a policy may use, as the command line's `--cidr`: `strict` (Kubernetes 1.36
   * and later: no leading zeros, no host bits, no IPv4-mapped IPv6) or `legacy` (what servers
   * before 1.36 accepted, with their warnings).
   *
   * @default 'strict'
   */
  readonly cidr?: string;
}

const PROPERTIES = ['apiServerValidation', 'intentsFile', 'lints', 'cidr'];

/**
 * A validation plugin for cdk8s-cli: `cdk8s synth` runs it on the manifests it writes, prints
 * each problem in its report table (the rule, the resource and its construct path, the field
 * path, the recommendation and the fix) and fails when one is an error.
 *
 * Name it in `cdk8s.yaml`; `version` must be the installed version, exactly:
 *
 * ```yaml
 * validations:
 *   - package: cdk8s-netpol        # or a local path: ./node_modules/cdk8s-netpol
 *     class: NetworkPolicyValidation
 *     version: 0.1.0
 *     properties:
 *       intentsFile: intents.yaml
 * ```
 *
 * @example
 * // what cdk8s-cli does with the entry above
 * const plugin = new NetworkPolicyValidation({ intentsFile: 'intents.yaml' });
 */
export class NetworkPolicyValidation {
  private readonly checks: ManifestCheck[];
  private readonly strictCidr: boolean;

  constructor(props: NetworkPolicyValidationProps = {}) {
    const problems = Object.keys(props).filter((key) => !PROPERTIES.includes(key))
      .map((key) => `properties.${key}: unknown; the properties are ${PROPERTIES.join(', ')}`);
    if (props.apiServerValidation !== undefined && typeof props.apiServerValidation !== 'boolean') {
      problems.push(`properties.apiServerValidation: ${JSON.stringify(props.apiServerValidation)} must be true or false`);
    }
    if (props.intentsFile !== undefined && (typeof props.intentsFile !== 'string' || props.intentsFile === '')) {
      problems.push(`properties.intentsFile: ${JSON.stringify(props.intentsFile)} must be the path of a YAML or JSON file`);
    }
    const lints = props.lints ?? [];
    if (!Array.isArray(lints) || lints.some((id) => id !== 'all' && !isLintId(id))) {
      problems.push(`properties.lints: ${JSON.stringify(props.lints)} must be a list of lint ids (${LINT_IDS.join(', ')}) or ["all"]`);
    }
    if (props.cidr !== undefined && props.cidr !== 'strict' && props.cidr !== 'legacy') {
      problems.push(`properties.cidr: ${JSON.stringify(props.cidr)} must be "strict" or "legacy"`);
    }
    if (problems.length > 0) {
      throw new InputError('NetworkPolicyValidation', problems);
    }
    const strictCidr = props.cidr !== 'legacy';
    this.strictCidr = strictCidr;
    this.checks = [
      ...(props.apiServerValidation ?? true ? [new ApiServerCheck(strictCidr)] : []),
      ...(props.intentsFile !== undefined ? [new IntentsFileCheck(props.intentsFile, process.cwd())] : []),
      ...(lints.length > 0 ? [new LintCheck((lints.includes('all') ? LINT_IDS : lints) as LintId[])] : []),
    ];
  }

  /**
   * Runs the checks; called by cdk8s-cli after it writes the manifests.
   *
   * @param context cdk8s-cli's `ValidationContext`: its `manifests` (file paths),
   * `parseManifest(path)` and `report` (`addViolation`, `submit`) are used
   */
  public async validate(context: any): Promise<void> {
    if (!Array.isArray(context?.manifests) || typeof context?.parseManifest !== 'function' || typeof context?.report?.addViolation !== 'function') {
      throw new InputError('NetworkPolicyValidation.validate', ['context: expected cdk8s-cli\'s ValidationContext (manifests, parseManifest, report)']);
    }
    const manifests: SynthesizedManifest[] = context.manifests.map((path: string) => ({ path, documents: context.parseManifest(path) }));
    const input = new ManifestInput(manifests, this.strictCidr);
    const violations = this.checks.flatMap((check) => check.run(input));
    for (const { ruleName, recommendation, fix, violatingResources } of violations) {
      context.report.addViolation({ ruleName, recommendation, fix, violatingResources });
    }
    const errors = violations.filter((v) => v.failing).length;
    context.report.submit(errors > 0 ? 'failure' : 'success', {
      checks: this.checks.map((check) => check.name).join(', ') || 'none',
      manifests: String(manifests.length),
      errors: String(errors),
      warnings: String(violations.length - errors),
    });
  }
}

import { ClusterModel } from './cluster-model';
import { LintContext } from './lint-context';
import { lintDns } from './lint-dns';
import { LintFinding } from './lint-finding';
import { LintId } from './lint-id';
import { lintIpBlocks } from './lint-ip-blocks';
import { lintNamedPorts } from './lint-named-ports';
import { lintNoEffect } from './lint-no-effect';
import { LintOptions } from './lint-options';
import { lintRedundantRules } from './lint-redundancy';
import { isLintId, LINT_IDS, LintReport } from './lint-report';
import { lintRulesIgnored } from './lint-rules-ignored';
import { lintPeers, lintSelectsNothing } from './lint-selection';
import { InputError } from '../k8s/input-error';

/** A lint: the ids it can report, and how it looks for them. */
interface Lint {
  readonly ids: readonly LintId[];
  readonly run: (context: LintContext, report: LintReport, ids: ReadonlySet<LintId>) => void;
}

const LINTS: readonly Lint[] = [
  { ids: [LintId.SELECTS_NOTHING], run: lintSelectsNothing },
  { ids: [LintId.PEER_MATCHES_NOTHING, LintId.NAMESPACE_LABELS_UNKNOWN], run: lintPeers },
  { ids: [LintId.RULES_IGNORED], run: lintRulesIgnored },
  { ids: [LintId.REDUNDANT_RULE], run: lintRedundantRules },
  { ids: [LintId.NO_EFFECT], run: lintNoEffect },
  { ids: [LintId.DNS_BLOCKED, LintId.DNS_PARTIAL], run: lintDns },
  { ids: [LintId.NAMED_PORT_UNRESOLVED], run: lintNamedPorts },
  { ids: [LintId.IPBLOCK_COVERS_PODS], run: lintIpBlocks },
];

/**
 * Finds the mistakes in a model's NetworkPolicies that the API server accepts and no intent
 * asks about: selectors that match nothing, rules that do nothing or repeat others, policies
 * without effect, DNS cut off, port names nothing declares, answers that depend on what the
 * input does not show. Each finding names the lint, the policy, the field and the fix; the
 * questions that can be answered exactly are answered with the evaluator's sets, over every
 * port, pod and address, through every policy layer.
 *
 * Only the policies the evaluator takes into account are judged: an invalid one is already a
 * finding of the model.
 *
 * @example
 * const findings = Linter.lint(ClusterModel.fromManifests(documents));
 * for (const f of findings) {
 *   console.log(`${f.id} ${f.namespaceName}/${f.name} ${f.field}: ${f.message}`);
 * }
 */
export class Linter {
  /**
   * The findings of the lints `options` selects (every lint by default), by policy in the
   * model's reading order, then by lint in `LintId` order, then in the order the lint finds
   * them (by direction, rule and peer).
   *
   * @param model the cluster to judge
   * @param options which lints to run
   */
  public static lint(model: ClusterModel, options: LintOptions = {}): LintFinding[] {
    const checks = options.checks ?? LINT_IDS;
    checkLintIds('LintOptions.checks', checks);
    const ids = new Set(checks);
    const context = new LintContext(model);
    const findings: LintFinding[] = [];
    const report: LintReport = (finding) => {
      if (ids.has(finding.id)) {
        findings.push(finding);
      }
    };
    for (const lint of LINTS) {
      if (lint.ids.some((id) => ids.has(id))) {
        lint.run(context, report, ids);
      }
    }
    const order = (f: LintFinding) => context.policyIndex(`${f.namespaceName}/${f.name}`);
    return findings
      .map((finding, i) => ({ finding, i }))
      .sort((a, b) => order(a.finding) - order(b.finding) || LINT_IDS.indexOf(a.finding.id) - LINT_IDS.indexOf(b.finding.id) || a.i - b.i)
      .map(({ finding }) => finding);
  }

  private constructor() {}
}

/** Refuses, naming `subject`, ids that are no lint id (a typo in plain JavaScript or in plugin properties). */
export function checkLintIds(subject: string, ids: readonly string[]): void {
  const unknown = ids.filter((id) => !isLintId(id));
  if (unknown.length > 0) {
    throw new InputError(subject, [`${unknown.map((id) => JSON.stringify(id)).join(', ')}: not a lint id (they are ${LINT_IDS.join(', ')})`]);
  }
}

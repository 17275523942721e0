import * as fs from 'fs';
import * as path from 'path';
import { IConstruct } from 'constructs';
import { AppManifests, renderApp } from './app-manifests';
import { appModel } from './app-model';
import { evaluateIntents } from './intent-evaluation';
import { IntentResult } from './intent-result';
import { evaluateLints } from './lint-evaluation';
import { LintResult } from './lint-result';
import type { ReachabilityIntents } from './reachability-intents';
import { ReachabilityReportContents } from './report-contents';
import { reportPorts } from './report-ports';
import { reportRenderers } from './report-renderers';
import { writeFilesAtomically } from './report-writing';
import { ClusterModel } from '../analysis/cluster-model';
import { SynthPasses } from '../constructs/synth-pass';
import { FindingSeverity } from '../validation/finding';

/** The report files, in the app's outdir. */
export const REPORT_FILES = { markdown: 'reachability.md', json: 'reachability.json', html: 'reachability.html' };

/** What one rendering of the app gave. */
interface AnalysisState {
  /** The intents constructs' versions when it was computed. */
  readonly versions: string;
  /** The rendering it was computed from. */
  readonly manifests: AppManifests;
  readonly results: ReadonlyMap<ReachabilityIntents, IntentResult[]>;
  readonly lintResults: ReadonlyMap<ReachabilityIntents, LintResult[]>;
  readonly errors: ReadonlyMap<ReachabilityIntents, string[]>;
  readonly report: (full: boolean) => ReachabilityReportContents;
  /** Whether this state's report is in the outdir. */
  written: boolean;
}

const ANALYSES = new WeakMap<IConstruct, AppAnalysis>();

/**
 * The reachability analysis of one app, shared by all its `ReachabilityIntents`: the model is
 * built once per synthesis, whatever the number of intents constructs.
 *
 * cdk8s validates the whole app several times per synthesis (`SynthPasses`); the analysis is
 * made on the first pass of each synthesis and reused by the others. A synthesis, or a call to
 * `results()`, renders the objects the model needs and compares them with the last rendering, so
 * a changed app is analysed again and an unchanged one is not.
 */
export class AppAnalysis {
  /** The analysis of the app whose root is `root`. */
  public static of(root: IConstruct): AppAnalysis {
    let analysis = ANALYSES.get(root);
    if (analysis === undefined) {
      analysis = new AppAnalysis(root);
      ANALYSES.set(root, analysis);
    }
    return analysis;
  }

  private readonly members: ReachabilityIntents[] = [];
  private state?: AnalysisState;

  private readonly passes: SynthPasses;

  private constructor(private readonly root: IConstruct) {
    this.passes = SynthPasses.of(root);
  }

  public register(member: ReachabilityIntents): void {
    this.members.push(member);
  }

  /** The synthesis errors of `member`; writes the report when asked for. */
  public errorsFor(member: ReachabilityIntents): string[] {
    const state = this.passes.perSynthesis(this, () => this.current());
    const reportErrors = member === this.members[0] ? this.writeReport(state) : [];
    return [...reportErrors, ...state.errors.get(member)!];
  }

  /** The results of `member`'s intents against the app as it renders now. */
  public resultsFor(member: ReachabilityIntents): IntentResult[] {
    return this.current().results.get(member)!;
  }

  /** The lint findings `member` reports on the app as it renders now. */
  public lintResultsFor(member: ReachabilityIntents): LintResult[] {
    return this.current().lintResults.get(member)!;
  }

  private current(): AnalysisState {
    // Intents can be added between two syntheses too.
    const versions = this.members.map((m) => m._version).join(',');
    const manifests = renderApp(this.root);
    if (this.state?.versions !== versions || this.state.manifests.fingerprint() !== manifests.fingerprint()) {
      this.state = this.analyse(manifests, versions);
    }
    return this.state;
  }

  private analyse(manifests: AppManifests, versions: string): AnalysisState {
    // The policy constructs' own validations of this synthesis answer for their policies.
    const model = this.passes.validations.within(() =>
      ClusterModel.fromManifests(manifests.documents, { clusterNetworkPolicyChannel: manifests.clusterNetworkPolicyChannel }));
    const app = appModel(model);
    const results = new Map<ReachabilityIntents, IntentResult[]>();
    const lintResults = new Map<ReachabilityIntents, LintResult[]>();
    const errors = new Map<ReachabilityIntents, string[]>();
    const members = this.members.map((m) => ({ path: m.node.path, lints: m._lints, acknowledgements: m._acknowledgements() }));
    const lints = evaluateLints(members, app.model);
    this.members.forEach((member, i) => {
      const evaluation = evaluateIntents(member._intents(), member._acknowledgements(), member.node.path, app);
      results.set(member, evaluation.results);
      lintResults.set(member, lints.results[i]);
      // Invalid objects are reported once, by the first intents construct.
      errors.set(member, [...(i === 0 ? modelErrors(app.model, manifests) : []), ...evaluation.errors, ...lints.errors[i]]);
    });
    const report = (full: boolean): ReachabilityReportContents => {
      const intents = this.members.flatMap((m) => results.get(m)!);
      const ports = reportPorts(manifests.documents, intents, full ? Number.MAX_SAFE_INTEGER : undefined);
      return {
        intents,
        // No lint section when no member runs one (`lints: []` everywhere).
        lints: members.some((m) => m.lints.length > 0) ? lints.results.flat() : undefined,
        findings: app.model.findings,
        matrices: ports.queries.map((query) => app.evaluator.matrix(query)),
        omittedPorts: ports.omitted,
        evaluator: app.evaluator,
        fullMatrices: full,
      };
    };
    return { versions, manifests, results, lintResults, errors, report, written: false };
  }

  /**
   * Writes the report into the app's outdir, once per state, and only when the outdir exists:
   * `app.synth()` creates it before validating, while `app.synthYaml()` and `chart.toJson()`
   * do not, so these leave no stray directory behind (`Testing.app()` creates a temp one).
   * Returns the synthesis error when the outdir cannot take the files.
   */
  private writeReport(state: AnalysisState): string[] {
    // Read structurally: the App class of the caller's cdk8s copy may not be ours.
    const outdir: unknown = (this.root as { outdir?: unknown }).outdir;
    const renderers = reportRenderers();
    const writers = this.members.filter((m) => m._reportWanted);
    if (typeof outdir !== 'string' || renderers === undefined || writers.length === 0 || !fs.existsSync(outdir)) {
      return [];
    }
    const markdownFile = path.join(outdir, REPORT_FILES.markdown);
    if (state.written && fs.existsSync(markdownFile)) {
      return [];
    }
    const contents = state.report(writers.some((m) => m._fullReport));
    const files = [
      { file: markdownFile, render: () => renderers.markdown(contents) },
      { file: path.join(outdir, REPORT_FILES.json), render: () => JSON.stringify(renderers.json(contents), undefined, 2) + '\n' },
    ];
    if (writers.some((m) => m._htmlReportWanted)) {
      files.push({ file: path.join(outdir, REPORT_FILES.html), render: () => renderers.html(contents) });
    }
    const problem = writeFilesAtomically(files);
    if (problem !== undefined) {
      return [`NP-REPORT[${outdir}]: the reachability report cannot be written there: ${problem}; `
        + 'make room or fix the permissions, or turn the report off with { report: false }'];
    }
    state.written = true;
    return [];
  }
}

/**
 * Error findings of the model (policies the analysis had to leave out), except for policies of
 * this library's `NetworkPolicy` and `ClusterNetworkPolicy` constructs, which fail synthesis with them themselves.
 */
function modelErrors(model: ClusterModel, manifests: AppManifests): string[] {
  return model.findings
    .filter((f) => f.severity === FindingSeverity.ERROR && !manifests.selfValidated.has(f.origin))
    .map((f) => `${f.rule.startsWith('NP-VAL') ? 'NP-VAL' : 'NP-INPUT'}[${f.subject}]: ${f.field ? `${f.field}: ` : ''}${f.message} (${f.origin}, rule ${f.rule}); `
      + 'the reachability analysis leaves this object out until it is fixed');
}

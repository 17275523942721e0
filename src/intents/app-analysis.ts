import * as fs from 'fs';
import * as path from 'path';
import { IConstruct } from 'constructs';
import { AppManifests, renderApp } from './app-manifests';
import { appModel } from './app-model';
import { evaluateIntents } from './intent-evaluation';
import { IntentResult } from './intent-result';
import type { ReachabilityIntents } from './reachability-intents';
import { ReachabilityReportContents } from './report-contents';
import { reportRenderers } from './report-renderers';
import { ClusterModel } from '../analysis/cluster-model';
import { policyPorts } from '../analysis/policy-ports';
import { SynthPasses } from '../constructs/synth-pass';
import { FindingSeverity } from '../validation/finding';

/** The report files, in the app's outdir. */
export const REPORT_FILES = { markdown: 'reachability.md', json: 'reachability.json' };

/** What one rendering of the app gave. */
interface AnalysisState {
  /** The intents constructs' versions when it was computed. */
  readonly versions: string;
  /** The rendering it was computed from. */
  readonly manifests: AppManifests;
  readonly results: ReadonlyMap<ReachabilityIntents, IntentResult[]>;
  readonly errors: ReadonlyMap<ReachabilityIntents, string[]>;
  readonly report: () => ReachabilityReportContents;
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
    this.writeReport(state);
    return state.errors.get(member)!;
  }

  /** The results of `member`'s intents against the app as it renders now. */
  public resultsFor(member: ReachabilityIntents): IntentResult[] {
    return this.current().results.get(member)!;
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
    const app = appModel(ClusterModel.fromManifests(manifests.documents, { clusterNetworkPolicyChannel: manifests.clusterNetworkPolicyChannel }));
    const results = new Map<ReachabilityIntents, IntentResult[]>();
    const errors = new Map<ReachabilityIntents, string[]>();
    this.members.forEach((member, i) => {
      const evaluation = evaluateIntents(member._intents(), member._acknowledgements(), member.node.path, app);
      results.set(member, evaluation.results);
      // Invalid objects are reported once, by the first intents construct.
      errors.set(member, i === 0 ? [...modelErrors(app.model, manifests), ...evaluation.errors] : evaluation.errors);
    });
    const report = (): ReachabilityReportContents => {
      const ports = policyPorts(manifests.documents);
      return {
        intents: this.members.flatMap((m) => results.get(m)!),
        findings: app.model.findings,
        matrices: ports.queries.map((query) => app.evaluator.matrix(query)),
        omittedPorts: ports.omitted,
      };
    };
    return { versions, manifests, results, errors, report, written: false };
  }

  /**
   * Writes the report into the app's outdir, once per state, and only when the outdir exists:
   * `app.synth()` creates it before validating, while `app.synthYaml()` and `chart.toJson()`
   * do not, so these leave no stray directory behind (`Testing.app()` creates a temp one).
   */
  private writeReport(state: AnalysisState): void {
    // Read structurally: the App class of the caller's cdk8s copy may not be ours.
    const outdir: unknown = (this.root as { outdir?: unknown }).outdir;
    const renderers = reportRenderers();
    if (typeof outdir !== 'string' || renderers === undefined || !this.members.some((m) => m._reportWanted) || !fs.existsSync(outdir)) {
      return;
    }
    const markdownFile = path.join(outdir, REPORT_FILES.markdown);
    if (state.written && fs.existsSync(markdownFile)) {
      return;
    }
    const contents = state.report();
    replaceFile(markdownFile, renderers.markdown(contents));
    replaceFile(path.join(outdir, REPORT_FILES.json), JSON.stringify(renderers.json(contents), undefined, 2) + '\n');
    state.written = true;
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

/**
 * Writes a new file in place of the old one. Removing it first is not for atomicity: ext4
 * flushes a file that is truncated and written again (auto_da_alloc), which costs about a
 * millisecond per synthesis into an outdir that already has a report.
 */
function replaceFile(file: string, text: string): void {
  fs.rmSync(file, { force: true });
  fs.writeFileSync(file, text);
}

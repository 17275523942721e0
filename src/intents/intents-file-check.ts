import * as fs from 'fs';
import * as path from 'path';
import { appModel, AppModel } from './app-model';
import { Intent } from './intent';
import { checkIntent } from './intent-check';
import { inputReason } from './intent-input-error';
import { readIntentsFile } from './intents-file';
import { ManifestCheck, ManifestInput, PluginViolation, ViolatingResource } from './plugin-violation';

/**
 * The intents of an intents file (see `readIntentsFile`) checked against the synthesized
 * manifests: one failing violation per broken intent, on the workload it is about, and one
 * per problem of the file itself.
 */
export class IntentsFileCheck implements ManifestCheck {
  public readonly name = 'intentsFile';

  /** @param file the intents file, as given; read relative to `baseDir` */
  constructor(private readonly file: string, private readonly baseDir: string) {}

  public run(input: ManifestInput): PluginViolation[] {
    const file = path.resolve(this.baseDir, this.file);
    let text: string;
    try {
      text = fs.readFileSync(file, 'utf8');
    } catch (e) {
      return [this.fileViolation(file, [''], `cannot read the intents file ${this.file}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`,
        'Check the path of intentsFile in cdk8s.yaml (relative to the folder cdk8s runs in)')];
    }
    const read = readIntentsFile(text);
    const violations = read.problems.map((problem) => this.fileViolation(file, [problem.field],
      `${this.file}: ${problem.field === '' ? '' : `${problem.field}: `}${problem.message}`, `Correct ${problem.field || 'the file'}; the entry is left out until then`));

    const manifestOf = input.documents.manifestOf;
    const app = appModel(input.model);
    for (const intent of read.intents) {
      const field = read.declaredAt.get(intent.id)!;
      const location = `${this.file}: ${field}`;
      let outcome;
      try {
        outcome = checkIntent(intent, app);
      } catch (e) {
        violations.push(this.fileViolation(file, [field], `NP-INPUT[${intent.subject}]: ${inputReason(e)}`, `Correct ${location}`));
        continue;
      }
      if (outcome.holds || read.acknowledgements.has(intent.id)) {
        continue;
      }
      violations.push({
        ruleName: intent.id,
        recommendation: `${outcome.message} (intent: ${intent.description})`,
        fix: outcome.fix ?? `Change the policies, or ${location}`,
        violatingResources: this.resourcesOf(intent, app, manifestOf, location)
          ?? [{ resourceName: this.file, locations: [field], manifestPath: file }],
        failing: true,
      });
    }
    const ids = new Set(read.intents.map((intent) => intent.id));
    const stale = [...read.acknowledgements.keys()].filter((id) => !ids.has(id));
    if (stale.length > 0) {
      violations.push(this.fileViolation(file, ['acknowledge'], `acknowledged ids that name no intent of the file: ${stale.join(', ')}`,
        'Remove the acknowledgement, or copy the id from the report'));
    }
    return violations;
  }

  /** The workload the intent is about (the destination, or the source when that is an address), if it resolves. */
  private resourcesOf(intent: Intent, app: AppModel, manifestOf: Map<string, string>, location: string): ViolatingResource[] | undefined {
    for (const endpoint of [intent.destination, ...intent.sources]) {
      try {
        const workloads = endpoint._resolve(app).flatMap((m) => (m.workload === undefined ? [] : [app.model.workloads[m.workload]]));
        if (workloads.length > 0) {
          return workloads.map((w) => ({ resourceName: w.name, locations: [location], manifestPath: manifestOf.get(w.origin) ?? w.origin }));
        }
      } catch {
        // an endpoint that does not resolve is the intent's own error; try the next one
      }
    }
    return undefined;
  }

  private fileViolation(file: string, locations: string[], recommendation: string, fix: string): PluginViolation {
    return { ruleName: 'NP-INPUT', recommendation, fix, violatingResources: [{ resourceName: this.file, locations, manifestPath: file }], failing: true };
  }
}

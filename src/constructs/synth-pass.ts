import * as path from 'path';
import { ApiObject } from 'cdk8s';
import { IConstruct } from 'constructs';
import { JsonObject } from '../k8s/json-values';
import { RenderingScope } from '../policy/rendering-scope';
import { ValidationMemo } from '../validation/validation-memo';

const PASSES = new WeakMap<IConstruct, SynthPasses>();
/** The key of each synthesis's validation memo. */
const VALIDATIONS = Symbol('validations');
/** Where cdk8s's `App` is defined: its `synth` frames mark a synthesis on the stack. */
const CDK8S_DIR = path.dirname(require.resolve('cdk8s'));

/**
 * The validation passes of one app, told apart so that what depends only on the app's tree is
 * computed once per synthesis.
 *
 * cdk8s validates the whole app once when `app.synth()` or `app.synthYaml()` starts, then again
 * in every `chart.toJson()` the call makes to write each chart; `Testing.synth(chart)` and
 * `chart.toJson()` validate it once each. Every pass visits the root first, so a validation on
 * the root marks where each pass begins. The passes of one `app.synth()` run no user code in
 * between, so they see the same tree and share the first pass's values; any other pass starts a
 * new synthesis. Outside any pass (a direct `node.validate()`), the values of the last
 * synthesis stand.
 */
export class SynthPasses {
  /** The passes of the app `scope` belongs to. */
  public static of(scope: IConstruct): SynthPasses {
    const root = scope.node.root;
    let passes = PASSES.get(root);
    if (passes === undefined) {
      passes = new SynthPasses(root);
      PASSES.set(root, passes);
    }
    return passes;
  }

  private current = 0;
  private readonly values = new Map<unknown, { readonly synthesis: number; readonly value: unknown }>();
  /** The objects rendered in the synthesis `renderedIn`. */
  private rendered = new Map<ApiObject, JsonObject>();
  private renderedIn = 0;

  private constructor(root: IConstruct) {
    root.node.addValidation({
      validate: () => {
        if (!continuesSynthesis()) {
          this.current++;
        }
        return [];
      },
    });
  }

  /** Numbers the syntheses: equal for every pass of one `app.synth()`, different across syntheses. */
  public get synthesis(): number {
    return this.current;
  }

  /**
   * The value for `key` in this synthesis, computed on first use in it, with the objects it
   * renders shared by the whole synthesis (`rendering`).
   */
  public perSynthesis<T>(key: unknown, compute: () => T): T {
    const cached = this.values.get(key);
    if (cached !== undefined && cached.synthesis === this.current) {
      return cached.value as T;
    }
    const value = RenderingScope.run(compute, () => this.renderings());
    this.values.set(key, { synthesis: this.current, value });
    return value;
  }

  /**
   * Runs `render` in a `RenderingScope` that renders each object once per synthesis, not once per
   * policy that reads it: within `app.synth()`, `chart.toJson()` or `Testing.synth()` no user code
   * runs between the readings, which the call stack tells. Outside them (a direct `toJson()`) an
   * object may have changed since, so the scope renders afresh. (Inside `perSynthesis`, whose
   * values belong to the last synthesis wherever they are asked for, the stack is not read.)
   */
  public rendering<T>(render: () => T): T {
    return RenderingScope.run(render, () => (insideSynthesis() ? this.renderings() : undefined));
  }

  /** The validation answers of this synthesis, shared by the policy constructs and the app's analysis. */
  public get validations(): ValidationMemo {
    return this.perSynthesis(VALIDATIONS, () => new ValidationMemo());
  }

  /** The objects rendered in this synthesis so far. */
  private renderings(): Map<ApiObject, JsonObject> {
    if (this.renderedIn !== this.current) {
      this.rendered = new Map();
      this.renderedIn = this.current;
    }
    return this.rendered;
  }
}

/**
 * Whether the running validation pass is one of the later passes of an `app.synth()` or
 * `app.synthYaml()` call. cdk8s offers no hook to tell the passes apart, so this reads the call
 * stack for `App._synthChart` <- `Chart.toJson` <- `App.synth` or `App.synthYaml`, the first and
 * last in the same file (so `Testing.synth` and user functions called `synth` do not count).
 * Should cdk8s rename them, every pass starts a new synthesis: slower, never stale.
 */
export function continuesSynthesis(): boolean {
  const sites = callSites();
  const chart = sites.findIndex((site) => site.getFunctionName() === '_synthChart');
  if (chart < 0 || chart + 2 >= sites.length) {
    return false;
  }
  const toJson = sites[chart + 1];
  const synth = sites[chart + 2];
  return toJson.getFunctionName() === 'toJson'
    && ['synth', 'synthYaml'].includes(synth.getFunctionName() ?? '')
    && synth.getFileName() === sites[chart].getFileName();
}

/**
 * Whether the caller runs inside a synthesis: under `App._synthChart` (`chart.toJson()`, which
 * `app.synth()` and `Testing.synth()` call) or cdk8s's own `App.synth`, which renders objects
 * itself for some output types. Read from the call stack like `continuesSynthesis`; unrecognised
 * frames make every reading a fresh one.
 */
function insideSynthesis(): boolean {
  const marks = (site: NodeJS.CallSite) => site.getFunctionName() === '_synthChart'
    || (['synth', 'synthYaml'].includes(site.getFunctionName() ?? '') && path.dirname(site.getFileName() ?? '') === CDK8S_DIR);
  // The mark is usually a dozen frames up; reading more frames costs more, so only when needed.
  return callSites(16).some(marks) || callSites(64).some(marks);
}

/** V8's call sites of the caller's stack, at most `depth` of them, read without formatting any stack text. */
function callSites(depth: number = 16): NodeJS.CallSite[] {
  const prepare = Error.prepareStackTrace;
  const limit = Error.stackTraceLimit;
  Error.prepareStackTrace = (_error, sites) => sites;
  // Room for the frames between here and App.synth, whatever the caller's setting.
  Error.stackTraceLimit = depth;
  try {
    return new Error().stack as unknown as NodeJS.CallSite[];
  } finally {
    Error.prepareStackTrace = prepare;
    Error.stackTraceLimit = limit;
  }
}

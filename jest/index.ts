/**
 * jest matchers for cdk8s charts: `import 'cdk8s-netpol/jest';` in a test file (or list
 * `cdk8s-netpol/jest` in jest's `setupFilesAfterEnv`), then
 *
 *   expect(chart).toAllowConnection(api, db, 5432);
 *   expect(chart).toDenyConnection('shop/web', db, 5432);
 *   expect(chart).toIsolate(db);
 *
 * The chart's whole app is rendered and evaluated as `ReachabilityIntents` would at synth; a
 * failure message carries the verdict's explanation (the policies and rules that decided).
 *
 * Kept out of src/ so that jest's types stay out of the jsii assembly: this file is compiled
 * on its own (jest/tsconfig.json) after the library, beside the library's lib/.
 */
import type { IConstruct } from 'constructs';
import { expectConnection, expectIsolation, ExpectationResult, PortArgument } from '../lib/intents/connection-expectation';
import { IntentKind } from '../lib/intents/intent-kind';

declare global {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace jest {
    interface Matchers<R> {
      /**
       * The chart's app allows `source` to reach `destination` on `port`: on every container
       * port of the destination when `port` is absent.
       *
       * @param source a workload construct (any cdk8s-plus line, a KubeDeployment, an ApiObject), `namespace/name`, or an IP address
       * @param destination the same kinds as `source`
       * @param port a port number (TCP), a container port name, or a `PortRange` such as `PortRange.udp(53)`
       */
      toAllowConnection(source: IConstruct | string, destination: IConstruct | string, port?: PortArgument): R;
      /** The chart's app denies `source` reaching `destination` on `port` (every container port of the destination when absent). */
      toDenyConnection(source: IConstruct | string, destination: IConstruct | string, port?: PortArgument): R;
      /** Some policy isolates `workload` for `direction` (`Ingress` or `Egress`; both when absent). */
      toIsolate(workload: IConstruct | string, direction?: 'Ingress' | 'Egress'): R;
    }
  }
}

/** What jest hands a matcher as `this`, as far as these matchers use it. */
interface MatcherContext {
  readonly isNot: boolean;
  readonly utils: { matcherHint(name: string, received?: string, expected?: string, options?: { isNot?: boolean }): string };
}

/** The failure message says what was expected and the verdict's explanation of what is. */
function report(context: MatcherContext, name: string, args: string, expected: string, result: ExpectationResult) {
  const hint = context.utils.matcherHint(name, 'chart', args, { isNot: context.isNot });
  // Failing without .not, the explanation already reads "expected allowed, but denied: ...".
  const why = context.isNot ? `expected not ${expected}, but it is: ${result.explanation}` : result.explanation;
  return { pass: result.pass, message: () => `${hint}\n\n${result.subject}: ${why}` };
}

const matchers = {
  toAllowConnection(this: MatcherContext, chart: IConstruct, source: IConstruct | string, destination: IConstruct | string, port?: PortArgument) {
    return report(this, 'toAllowConnection', 'source, destination, port', 'to be allowed', expectConnection(chart, IntentKind.ALLOWED, source, destination, port));
  },
  toDenyConnection(this: MatcherContext, chart: IConstruct, source: IConstruct | string, destination: IConstruct | string, port?: PortArgument) {
    return report(this, 'toDenyConnection', 'source, destination, port', 'to be denied', expectConnection(chart, IntentKind.DENIED, source, destination, port));
  },
  toIsolate(this: MatcherContext, chart: IConstruct, workload: IConstruct | string, direction?: string) {
    return report(this, 'toIsolate', 'workload, direction', 'to be isolated', expectIsolation(chart, workload, direction));
  },
};

const jestExpect = (globalThis as { expect?: { extend(extensions: object): void } }).expect;
if (jestExpect === undefined) {
  throw new Error('cdk8s-netpol/jest extends jest\'s expect: import it from a test file, or list it in setupFilesAfterEnv');
}
jestExpect.extend(matchers);

export { matchers };

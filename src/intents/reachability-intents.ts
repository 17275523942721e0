import { Construct } from 'constructs';
import { AppAnalysis } from './app-analysis';
import { Endpoint } from './endpoint';
import { connectionIntent, Intent, isolatedIntent, onlySourcesIntent } from './intent';
import { IntentKind } from './intent-kind';
import { IntentResult } from './intent-result';
import { LintResult } from './lint-result';
import { OnlySourcesOptions } from './only-sources-options';
import { LintId } from '../analysis/lint-id';
import { LINT_IDS } from '../analysis/lint-report';
import { checkLintIds } from '../analysis/linter';
import { InputError } from '../k8s/input-error';
import { TrafficDirection } from '../k8s/traffic-direction';
import { PortRange } from '../policy/port-range';

/** cdk-nag's rule: a reason short enough to be empty of meaning is refused. */
const MIN_REASON_LENGTH = 10;

/**
 * Properties of `ReachabilityIntents`.
 */
export interface ReachabilityIntentsProps {
  /**
   * Write `reachability.md`, `reachability.json` and `reachability.html` into the app's outdir
   * when it synthesizes: every intent of the app with its status, the model findings (warnings
   * included, since cdk8s has no warnings channel) and a reachability matrix per port the
   * intents check and the policies name (at most 12 ports unless `fullReport`). The files are
   * written from the validation callback, the one synth hook cdk8s offers, and only when the
   * outdir exists: `app.synth()` creates it first; `Testing.app()` gives a temporary one. A
   * synthesis that fails on a broken intent writes it too. Each file is written whole or not at
   * all (a temporary file renamed into place); an outdir that cannot take them fails synthesis
   * with `NP-REPORT[<outdir>]`. The report covers the whole app; it is written unless every
   * `ReachabilityIntents` of the app opts out.
   *
   * @default true
   */
  readonly report?: boolean;

  /**
   * Write `reachability.html` with the report: one self-contained page (no network) with the
   * summary, the matrix of each port with every connection's explanation on a click, a graph of
   * namespaces and workloads, the intents and the findings. Beyond 500 workloads the page shows
   * counts per namespace instead of cells, and says so.
   *
   * @default true
   */
  readonly htmlReport?: boolean;

  /**
   * Write the report in full: a matrix for every port the policies name, each matrix of
   * `reachability.json` pair by pair whatever the number of workloads. By default the report
   * stays bounded: at most 12 ports (those the intents check first), and a matrix of more than
   * `ReachabilityReport.FULL_MATRIX_WORKLOADS` workloads is written as its counts per namespace,
   * since a full matrix grows with the square of the workloads. The CLI gives the same in full:
   * `cdk8s-netpol report --format json --matrices full`.
   *
   * @default false
   */
  readonly fullReport?: boolean;

  /**
   * The lints to run on the app's NetworkPolicies when it synthesizes (`Linter`): a finding
   * fails synthesis like a broken intent, as `NP-LINT-...[namespace/name]: <field>: <message>`,
   * unless acknowledged with `acknowledge` (by that id, with a reason the report keeps). An
   * empty list runs none. With several `ReachabilityIntents` in an app, the lints run once and
   * each finding is reported by the first construct that runs its lint.
   *
   * @default - every lint (`LintId`)
   * @example
   * new ReachabilityIntents(chart, 'intents', { lints: [LintId.SELECTS_NOTHING, LintId.DNS_BLOCKED] });
   */
  readonly lints?: LintId[];
}

/**
 * Reachability intents checked whenever the app synthesizes: which workloads must reach
 * which, which must not, who alone may reach a workload, and which workloads must be isolated.
 * A broken intent fails `app.synth()` and `Testing.synth()` with cdk8s's "Validation failed"
 * error, one line per intent, each with its id, the evaluator's explanation and the fix.
 *
 * The intents are checked against what the app renders (every `ApiObject`, cdk8s-plus
 * workloads, raw objects and included YAML alike), with `networking.k8s.io/v1` semantics.
 * Ids are stable: `NP-REACH[<source> -> <destination> <port>]` for `expectAllowed` and
 * `expectDenied`, `NP-REACH-ONLY[...]` for `expectOnlySources`, `NP-REACH-ISOLATED[...]` for
 * `expectIsolated`, and `NP-INPUT[...]` for an intent that cannot be checked (an unknown
 * endpoint lists close matches). A policy the analysis must leave out because it is invalid
 * (raw objects and included YAML are not checked elsewhere) fails synthesis as `NP-VAL[...]`.
 *
 * Without a port, an intent covers every container port of each destination workload, with its
 * protocol (the ports `AllowConnection` opens by default); an IP destination needs a port.
 *
 * All the intents constructs of an app share one analysis, built once per synthesis.
 *
 * @example
 * const intents = new ReachabilityIntents(app, 'intents');
 * intents.expectAllowed(Endpoint.workload(api), Endpoint.workload(db), PortRange.POSTGRES);
 * intents.expectDenied(Endpoint.workload(frontend), Endpoint.workload(db));
 * intents.expectOnlySources(Endpoint.workload(db), [Endpoint.workload(api)]);
 * intents.expectIsolated(Endpoint.selection(PolicyTarget.all().inNamespaceNamed('data')));
 * const id = intents.expectAllowed(Endpoint.workload(api), Endpoint.ip('203.0.113.7'), PortRange.HTTPS);
 * intents.acknowledge(id, 'the payment provider is opened with the payments release');
 */
export class ReachabilityIntents extends Construct {
  /**
   * Changes with every intent or acknowledgement, so a new synthesis checks again.
   *
   * @internal
   */
  public _version = 0;

  /** @internal */
  public readonly _reportWanted: boolean;

  /** @internal */
  public readonly _htmlReportWanted: boolean;

  /** @internal */
  public readonly _fullReport: boolean;

  /** @internal */
  public readonly _lints: readonly LintId[];

  private readonly intents = new Map<string, Intent>();
  private readonly acknowledgements = new Map<string, string>();

  constructor(scope: Construct, id: string, props: ReachabilityIntentsProps = {}) {
    super(scope, id);
    this._reportWanted = props.report ?? true;
    this._htmlReportWanted = props.htmlReport ?? true;
    this._fullReport = props.fullReport ?? false;
    this._lints = checkedLints(`${this.node.path}.lints`, props.lints);
    AppAnalysis.of(this.node.root).register(this);
    this.node.addValidation({ validate: () => AppAnalysis.of(this.node.root).errorsFor(this) });
  }

  /**
   * Expects `source` to reach `destination`: every connection from each of its workloads to
   * each destination workload, on `port` (or each container port of the destination), allowed.
   *
   * @param source who opens the connection
   * @param destination who accepts it
   * @param port one port (`PortRange.tcp(5432)`) or a named port (`PortRange.named('http')`);
   * every container port of each destination workload when omitted
   * @returns the intent's id, e.g. `NP-REACH[shop/api -> data/db TCP/5432]`
   * @example
   * intents.expectAllowed(Endpoint.workload(api), Endpoint.workload(db), PortRange.POSTGRES);
   */
  public expectAllowed(source: Endpoint, destination: Endpoint, port?: PortRange): string {
    this.checkConnectionInput('expectAllowed', destination, port);
    return this.add(connectionIntent(IntentKind.ALLOWED, source, destination, port));
  }

  /**
   * Expects `source` not to reach `destination`: every such connection denied.
   *
   * @param source who would open the connection
   * @param destination who would accept it
   * @param port one port or a named port; every container port of each destination workload when omitted
   * @returns the intent's id, e.g. `NP-REACH[shop/frontend -> data/db TCP/5432]`
   * @example
   * intents.expectDenied(Endpoint.workload(frontend), Endpoint.workload(db), PortRange.POSTGRES);
   */
  public expectDenied(source: Endpoint, destination: Endpoint, port?: PortRange): string {
    this.checkConnectionInput('expectDenied', destination, port);
    return this.add(connectionIntent(IntentKind.DENIED, source, destination, port));
  }

  /**
   * Expects no workload of the app other than `sources` (and the destination itself) to reach
   * `destination`; a broken intent names the others that can. It does not require the sources
   * to reach it: pair it with `expectAllowed` for that. Addresses outside the cluster and pods
   * the app does not have are checked only with `openWorld`.
   *
   * @param destination the workload to protect
   * @param sources the only workloads that may reach it; at least one (use `expectIsolated`
   * and `expectDenied` for none)
   * @param port one port or a named port; every container port of each destination workload when omitted
   * @param options `openWorld: true` also fails when anything beyond the sources could connect
   * in any cluster with these policies (pods the app does not have, outside addresses)
   * @returns the intent's id, e.g. `NP-REACH-ONLY[shop/api -> data/db TCP/5432]`
   * @example
   * intents.expectOnlySources(Endpoint.workload(db), [Endpoint.workload(api)], PortRange.POSTGRES);
   * intents.expectOnlySources(Endpoint.workload(db), [Endpoint.workload(api)], PortRange.POSTGRES, { openWorld: true });
   */
  public expectOnlySources(destination: Endpoint, sources: Endpoint[], port?: PortRange, options: OnlySourcesOptions = {}): string {
    this.checkConnectionInput('expectOnlySources', destination, port);
    if (sources.length === 0) {
      throw new InputError(`${this.node.path}.expectOnlySources`, [
        'sources: is empty; to say nothing may reach the destination, use expectIsolated and expectDenied',
      ]);
    }
    return this.add(onlySourcesIntent(destination, [...sources], port, options.openWorld ?? false));
  }

  /**
   * Expects a NetworkPolicy to isolate the workload for `direction`: some policy of its
   * namespace selects it with that direction in its `policyTypes`, so only what a rule allows
   * gets through (Kubernetes' meaning of isolated). Use `expectDenied` or `expectOnlySources`
   * to check what the rules allow.
   *
   * @param workload the workload, or every workload of a selection
   * @param direction `TrafficDirection.INGRESS` or `TrafficDirection.EGRESS`; both when omitted
   * @returns the intent's id, e.g. `NP-REACH-ISOLATED[data/db]` or `NP-REACH-ISOLATED[data/db Ingress]`
   * @example
   * intents.expectIsolated(Endpoint.selection(PolicyTarget.all().inNamespaceNamed('data')));
   * intents.expectIsolated(Endpoint.workload(frontend), TrafficDirection.EGRESS);
   */
  public expectIsolated(workload: Endpoint, direction?: TrafficDirection): string {
    const problems: string[] = [];
    if (workload._isAddress) {
      problems.push(`workload: ${workload} is an address; only pods can be isolated`);
    }
    if (direction !== undefined && !Object.values(TrafficDirection).includes(direction)) {
      problems.push(`direction: ${JSON.stringify(direction)} is not a TrafficDirection (use TrafficDirection.INGRESS or EGRESS)`);
    }
    if (problems.length > 0) {
      throw new InputError(`${this.node.path}.expectIsolated`, problems);
    }
    return this.add(isolatedIntent(workload, direction === undefined ? [TrafficDirection.INGRESS, TrafficDirection.EGRESS] : [direction]));
  }

  /**
   * Accepts that an intent is broken for now, or that a lint finding is deliberate, with the
   * reason: synthesis no longer fails on it, and the report lists it as acknowledged with the
   * reason. An id that matches no intent of this construct, or no lint finding of the app, fails
   * synthesis, so acknowledgements do not outlive what they acknowledge.
   *
   * @param id the intent's id, as `expect...` returns it and errors print it, or a lint
   * finding's, `NP-LINT-<lint>[<namespace>/<policy>]` (every finding of that lint on that policy)
   * @param reason why, in at least 10 characters (a ticket, a date, a decision)
   * @example
   * intents.acknowledge('NP-REACH[shop/api -> 203.0.113.7 TCP/443]', 'opened with the payments release (SHOP-412)');
   * intents.acknowledge('NP-LINT-REDUNDANT-RULE[shop/allow-api]', 'kept while the old rule is phased out (SHOP-415)');
   */
  public acknowledge(id: string, reason: string): void {
    const problems: string[] = [];
    if (typeof id !== 'string' || id.trim() === '') {
      problems.push('id: is empty; pass the id an expect... method returned or an error printed');
    }
    if (typeof reason !== 'string' || reason.trim().length < MIN_REASON_LENGTH) {
      problems.push(`reason: ${JSON.stringify(reason)} is too short; say why in at least ${MIN_REASON_LENGTH} characters (a ticket, a date, a decision)`);
    }
    if (problems.length > 0) {
      throw new InputError(`${this.node.path}.acknowledge`, problems);
    }
    this.acknowledgements.set(id, reason.trim());
    this._version++;
  }

  /**
   * How each intent of this construct fares against the app as it renders now, in declaration
   * order. Synthesis checks the same; this is for printing or asserting on the outcome.
   */
  public results(): IntentResult[] {
    return AppAnalysis.of(this.node.root).resultsFor(this);
  }

  /**
   * The lint findings this construct reports on the app as it renders now (those of the lints
   * it runs that no earlier `ReachabilityIntents` of the app runs), acknowledged ones included.
   * Synthesis fails on the others.
   */
  public lintResults(): LintResult[] {
    return AppAnalysis.of(this.node.root).lintResultsFor(this);
  }

  /** @internal */
  public _intents(): Intent[] {
    return [...this.intents.values()];
  }

  /** @internal */
  public _acknowledgements(): ReadonlyMap<string, string> {
    return this.acknowledgements;
  }

  /** Declaring the same intent twice changes nothing; the opposite intent is a contradiction. */
  private add(intent: Intent): string {
    const existing = this.intents.get(intent.id);
    if (existing !== undefined && existing.kind !== intent.kind) {
      throw new InputError(`${this.node.path}.expect${intent.kind === IntentKind.ALLOWED ? 'Allowed' : 'Denied'}`, [
        `${intent.id}: is already expected ${existing.kind}; an intent cannot be both`,
      ]);
    }
    if (existing === undefined) {
      this.intents.set(intent.id, intent);
      this._version++;
    }
    return intent.id;
  }

  private checkConnectionInput(method: string, destination: Endpoint, port: PortRange | undefined): void {
    const problems: string[] = [];
    if (port !== undefined && port.name === undefined && (port.port === undefined || port.endPort !== undefined)) {
      problems.push(`port: ${port} is not one port; an intent checks one port (PortRange.tcp(5432)) or a named port (PortRange.named('http'))`);
    }
    if (destination._isAddress && port === undefined) {
      problems.push(`port: is required for the address ${destination}, which has no container ports to default to`);
    }
    if (destination._isAddress && port?.name !== undefined) {
      problems.push(`port: ${port} is a named port, which resolves on a destination pod; the address ${destination} needs a port number`);
    }
    if (problems.length > 0) {
      throw new InputError(`${this.node.path}.${method}`, problems);
    }
  }
}

/** The lints asked for (every lint by default), refused when one is not a lint id. */
function checkedLints(subject: string, lints: readonly LintId[] | undefined): readonly LintId[] {
  if (lints === undefined) {
    return LINT_IDS;
  }
  checkLintIds(subject, lints);
  return [...lints];
}

import { CHANNEL_OPTION, clusterPolicyChannel } from './channel-option';
import { CIDR_OPTION, strictCidr } from './cidr-option';
import { CommandResult, EXIT_FINDINGS, EXIT_OK } from './command-result';
import { findingLine, problemLine } from './finding-line';
import { choiceOption, parseArgs } from './parse-args';
import { InputProblem, LoadedObject, readManifests, ReadOptions } from './read-manifests';
import { asObject } from '../k8s/json-values';
import { CLUSTER_NETWORK_POLICY_KIND, DEFAULT_NAMESPACE, NETWORK_POLICY_KIND } from '../k8s/kinds';
import { ClusterNetworkPolicyValidator, FindingSeverity, NetworkPolicyValidator, ValidationFinding } from '../validation';

export const CHECK_USAGE = 'cdk8s-netpol check [--format text|json] [--cidr strict|legacy] [--channel standard|experimental] <files, folders or - ...>';

export const CHECK_HELP = `usage: ${CHECK_USAGE}

Validates every NetworkPolicy (any apiVersion) and every policy.networking.k8s.io
ClusterNetworkPolicy in the input as the API server does on create, and reports every document
that cannot be used; all the others are still checked.

  --format text   one line per problem: <file>:<line> <namespace>/<name>: <field path>: <message>
                  (ClusterNetworkPolicy/<name> for the cluster-scoped ones)
  --format json   {"documents": [{"file", "doc", "line", "item", "kind", "namespace", "name", "valid",
                  "errors": [{"field", "message", "rule"}], "warnings": [...]}]}: one entry per
                  policy and per unusable document ("doc" is 0-based, "line" 1-based, "item"
                  the place in a List such as "items[3]", or ""; "namespace" null for a
                  ClusterNetworkPolicy)
  --cidr legacy   accept the CIDR forms servers before 1.36 accepted (leading zeros, host bits)
  --channel       the ClusterNetworkPolicy CRD to validate against: standard (the default) or
                  experimental

Exit codes: 0 every policy is valid, 1 a problem, 2 bad flags or no input.`;

/** One entry of `check --format json`. */
interface DocumentEntry {
  readonly file: string;
  readonly doc: number | null;
  readonly line: number | null;
  readonly item: string;
  readonly kind: string | null;
  readonly namespace: string | null;
  readonly name: string | null;
  readonly valid: boolean;
  readonly errors: { field: string; message: string; rule: string }[];
  readonly warnings: { field: string; message: string; rule: string }[];
}

/**
 * `check`: validates every NetworkPolicy and ClusterNetworkPolicy in the input as the API server would, and reports each
 * document that cannot be used, as one line per problem or as JSON (see `CHECK_HELP`).
 */
export function checkCommand(args: string[], input: ReadOptions = {}): CommandResult {
  const parsed = parseArgs(args, ['format', CIDR_OPTION, CHANNEL_OPTION]);
  const format = choiceOption(parsed, 'format', ['text', 'json'], 'text');
  const strict = strictCidr(parsed);
  const channel = clusterPolicyChannel(parsed);
  const { objects, problems, files } = readManifests(parsed.positionals, input);
  const entries: DocumentEntry[] = [];
  const lines: string[] = [];
  let policies = 0;
  let clusterPolicies = 0;
  let errors = 0;
  let warnings = 0;
  // Entries file by file, each file's problems and policies by line.
  const byFile = new Map<string, { line: number; add: () => void }[]>([...new Set(files)].map((file) => [file, []]));
  for (const problem of problems) {
    problem.warning ? warnings++ : errors++;
    byFile.get(problem.file)!.push({ line: problem.line ?? 0, add: () => addProblem(problem) });
  }
  for (const object of objects) {
    let findings: ValidationFinding[];
    // Any apiVersion: a NetworkPolicy under a removed API group is reported, not skipped.
    if (object.manifest.kind === NETWORK_POLICY_KIND) {
      policies++;
      findings = NetworkPolicyValidator.check(object.manifest, { strictCidr: strict });
    } else if (ClusterNetworkPolicyValidator.isClusterNetworkPolicy(object.manifest)) {
      clusterPolicies++;
      findings = ClusterNetworkPolicyValidator.check(object.manifest, { channel });
    } else {
      continue;
    }
    for (const finding of findings) {
      finding.severity === FindingSeverity.WARNING ? warnings++ : errors++;
    }
    byFile.get(object.file)!.push({ line: object.line, add: () => addPolicy(object, findings) });
  }
  for (const fileEntries of byFile.values()) {
    fileEntries.sort((a, b) => a.line - b.line).forEach((entry) => entry.add());
  }

  function addProblem(problem: InputProblem): void {
    lines.push(problemLine(problem));
    const finding = { field: '', message: problem.message, rule: problem.doc === undefined ? 'NP-INPUT-FILE' : 'NP-INPUT-DOCUMENT' };
    entries.push({
      file: problem.file,
      doc: problem.doc ?? null,
      line: problem.line ?? null,
      item: problem.item,
      kind: null,
      namespace: null,
      name: null,
      valid: problem.warning,
      errors: problem.warning ? [] : [finding],
      warnings: problem.warning ? [finding] : [],
    });
  }

  function addPolicy(object: LoadedObject, findings: ValidationFinding[]): void {
    const metadata = asObject(object.manifest.metadata);
    const kind = object.manifest.kind === NETWORK_POLICY_KIND ? NETWORK_POLICY_KIND : CLUSTER_NETWORK_POLICY_KIND;
    // An empty namespace is absent, as the cluster model reads it; a cluster-scoped policy has none.
    const namespace = kind === CLUSTER_NETWORK_POLICY_KIND ? null
      : typeof metadata?.namespace === 'string' && metadata.namespace !== '' ? metadata.namespace : DEFAULT_NAMESPACE;
    const name = typeof metadata?.name === 'string' ? metadata.name : null;
    const subject = `${namespace ?? kind}/${name ?? '<no name>'}`;
    findings.forEach((finding) => lines.push(findingLine(object.origin, subject, finding)));
    const entry = (f: ValidationFinding) => ({ field: f.field, message: f.message, rule: f.rule });
    entries.push({
      file: object.file,
      doc: object.doc,
      line: object.line,
      item: object.item,
      kind,
      namespace,
      name,
      valid: findings.every((f) => f.severity !== FindingSeverity.ERROR),
      errors: findings.filter((f) => f.severity === FindingSeverity.ERROR).map(entry),
      warnings: findings.filter((f) => f.severity === FindingSeverity.WARNING).map(entry),
    });
  }

  const unusable = problems.filter((p) => !p.warning).length;
  const clusterPart = clusterPolicies > 0 ? ` and ${clusterPolicies} ClusterNetworkPolic${clusterPolicies === 1 ? 'y' : 'ies'}` : '';
  const summary = `checked ${policies} NetworkPolic${policies === 1 ? 'y' : 'ies'}${clusterPart} in ${objects.length} object(s): `
    + `${errors} error(s), ${warnings} warning(s)`
    + (unusable > 0 ? `; ${unusable} input(s) could not be used` : '');
  return {
    exitCode: errors > 0 ? EXIT_FINDINGS : EXIT_OK,
    stdout: format === 'json' ? `${JSON.stringify({ documents: entries }, undefined, 2)}\n` : lines.map((l) => l + '\n').join(''),
    stderr: summary + '\n',
  };
}

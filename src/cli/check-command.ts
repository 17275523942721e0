import { CIDR_OPTION, strictCidr } from './cidr-option';
import { CommandResult, EXIT_FINDINGS, EXIT_OK } from './command-result';
import { findingLine } from './finding-line';
import { parseArgs } from './parse-args';
import { readManifests } from './read-manifests';
import { DEFAULT_NAMESPACE } from '../k8s/kinds';
import { FindingSeverity, NetworkPolicyValidator } from '../validation';

export const CHECK_USAGE = 'cdk8s-netpol check [--cidr strict|legacy] <files or folders...>';

/**
 * `check`: validates every NetworkPolicy in the input as the API server would, one line per
 * problem: `<file>:<doc index> <namespace>/<name>: <field path>: <message>`.
 */
export function checkCommand(args: string[]): CommandResult {
  const parsed = parseArgs(args, [CIDR_OPTION]);
  const strict = strictCidr(parsed);
  const objects = readManifests(parsed.positionals);
  const lines: string[] = [];
  let policies = 0;
  let errors = 0;
  let warnings = 0;
  for (const { file, documentIndex, manifest } of objects) {
    // Any apiVersion: a NetworkPolicy under a removed API group is reported, not skipped.
    if (manifest.kind !== 'NetworkPolicy') {
      continue;
    }
    policies++;
    // An empty namespace is absent, as the cluster model reads it.
    const subject = `${manifest.metadata?.namespace || DEFAULT_NAMESPACE}/${manifest.metadata?.name ?? '<no name>'}`;
    for (const finding of NetworkPolicyValidator.check(manifest, { strictCidr: strict })) {
      const isWarning = finding.severity === FindingSeverity.WARNING;
      isWarning ? warnings++ : errors++;
      lines.push(findingLine(`${file}:${documentIndex}`, subject, finding));
    }
  }
  const summary = `checked ${policies} NetworkPolic${policies === 1 ? 'y' : 'ies'} in ${objects.length} object(s): ${errors} error(s), ${warnings} warning(s)`;
  return {
    exitCode: errors > 0 ? EXIT_FINDINGS : EXIT_OK,
    stdout: lines.map((l) => l + '\n').join(''),
    stderr: summary + '\n',
  };
}

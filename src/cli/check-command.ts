import { CHANNEL_OPTION, clusterPolicyChannel } from './channel-option';
import { CIDR_OPTION, strictCidr } from './cidr-option';
import { CommandResult, EXIT_FINDINGS, EXIT_OK } from './command-result';
import { findingLine } from './finding-line';
import { parseArgs } from './parse-args';
import { readManifests } from './read-manifests';
import { DEFAULT_NAMESPACE } from '../k8s/kinds';
import { ClusterNetworkPolicyValidator, FindingSeverity, NetworkPolicyValidator, ValidationFinding } from '../validation';

export const CHECK_USAGE = 'cdk8s-netpol check [--cidr strict|legacy] [--channel standard|experimental] <files or folders...>';

/**
 * `check`: validates every NetworkPolicy and ClusterNetworkPolicy in the input as the API server
 * would (the latter with the CRD of `--channel`), one line per problem:
 * `<file>:<doc index> <namespace>/<name>: <field path>: <message>`, or `ClusterNetworkPolicy/<name>`
 * for the cluster-scoped ones.
 */
export function checkCommand(args: string[]): CommandResult {
  const parsed = parseArgs(args, [CIDR_OPTION, CHANNEL_OPTION]);
  const strict = strictCidr(parsed);
  const channel = clusterPolicyChannel(parsed);
  const objects = readManifests(parsed.positionals);
  const lines: string[] = [];
  let policies = 0;
  let clusterPolicies = 0;
  let errors = 0;
  let warnings = 0;
  for (const { file, documentIndex, manifest } of objects) {
    let subject: string;
    let findings: ValidationFinding[];
    // Any apiVersion: a NetworkPolicy under a removed API group is reported, not skipped.
    if (manifest.kind === 'NetworkPolicy') {
      policies++;
      // An empty namespace is absent, as the cluster model reads it.
      subject = `${manifest.metadata?.namespace || DEFAULT_NAMESPACE}/${manifest.metadata?.name ?? '<no name>'}`;
      findings = NetworkPolicyValidator.check(manifest, { strictCidr: strict });
    } else if (ClusterNetworkPolicyValidator.isClusterNetworkPolicy(manifest)) {
      clusterPolicies++;
      subject = `ClusterNetworkPolicy/${manifest.metadata?.name ?? '<no name>'}`;
      findings = ClusterNetworkPolicyValidator.check(manifest, { channel });
    } else {
      continue;
    }
    for (const finding of findings) {
      const isWarning = finding.severity === FindingSeverity.WARNING;
      isWarning ? warnings++ : errors++;
      lines.push(findingLine(`${file}:${documentIndex}`, subject, finding));
    }
  }
  const clusterPart = clusterPolicies > 0 ? ` and ${clusterPolicies} ClusterNetworkPolic${clusterPolicies === 1 ? 'y' : 'ies'}` : '';
  const summary = `checked ${policies} NetworkPolic${policies === 1 ? 'y' : 'ies'}${clusterPart} in ${objects.length} object(s): `
    + `${errors} error(s), ${warnings} warning(s)`;
  return {
    exitCode: errors > 0 ? EXIT_FINDINGS : EXIT_OK,
    stdout: lines.map((l) => l + '\n').join(''),
    stderr: summary + '\n',
  };
}

import { CHANNEL_HELP, CHANNEL_OPTION, clusterPolicyChannel } from './channel-option';
import { CIDR_OPTION, strictCidr } from './cidr-option';
import { CommandResult, EXIT_FINDINGS, EXIT_OK } from './command-result';
import { asUsage, loadModel, optionalPortQuery } from './load-model';
import { choiceOption, parseArgs } from './parse-args';
import { ReadOptions } from './read-manifests';
import { UsageError } from './usage-error';
import { Exposure, ExposureAnswer } from '../analysis/exposure';
import { Protocol } from '../k8s/protocol';

export const EXPOSURE_USAGE = 'cdk8s-netpol exposure --to <ns/name> [--port <number|name>] [--protocol TCP|UDP|SCTP] [--format text|json] [--cidr strict|legacy] [--channel standard|experimental] <files, folders or - ...>';

export const EXPOSURE_HELP = `usage: ${EXPOSURE_USAGE}

Who could reach a workload in any cluster that holds these policies: pods and namespaces the
input does not show, with any labels, and outside addresses included. Each source is described
as a person reads it ("any pod labelled app=api in a namespace labelled team=shop"), with the
policy and rule that admit it.

  --to X          the workload or pod asked about (namespace/name)
  --port P        one port (a number or a container port name); without it, any port
  --protocol      TCP (default), UDP or SCTP, with --port
  --format        text, or json: {"to", "port", "protocol", "otherPods", "otherAddresses",
                  "sources": [{"description", "policy", "rule"}]}
  --cidr legacy   evaluate the CIDR forms servers before 1.36 accepted
${CHANNEL_HELP}
                          (exposure does not apply ClusterNetworkPolicies: it decides which are valid)

A question, not a check. Exit codes: 0 answered, 1 the input has invalid policies, 2 bad flags
(an unknown workload is one) or no input.`;

/**
 * `exposure`: who could reach a workload in any cluster that holds the input's policies, pods
 * and addresses the input does not show included (`Exposure.of`). JSON: `{"to", "port",
 * "protocol", "otherPods", "otherAddresses", "sources": [{"description", "policy", "rule"}]}`,
 * `port` and `protocol` null when every port is asked about. A question, not a check: exit 0
 * (1 only when the input has invalid policies).
 */
export function exposureCommand(args: string[], input: ReadOptions = {}): CommandResult {
  const parsed = parseArgs(args, ['to', 'port', 'protocol', 'format', CIDR_OPTION, CHANNEL_OPTION]);
  const format = choiceOption(parsed, 'format', ['text', 'json'], 'text');
  const destination = parsed.options.get('to');
  if (destination === undefined) {
    throw new UsageError('--to is required (a workload or pod as namespace/name)');
  }
  const query = optionalPortQuery(parsed, 'asked about');
  const { model, findingLines, hasErrors } = loadModel(parsed.positionals, strictCidr(parsed), input, clusterPolicyChannel(parsed));
  const answer = asUsage(() => Exposure.of(model, { destination, ...query }));
  const portLabel = query === undefined ? null : query.port ?? query.portName!;
  const protocol = query === undefined ? null : query.protocol ?? Protocol.TCP;
  const stdout = format === 'json'
    ? JSON.stringify({ to: answer.destination, port: portLabel, protocol, otherPods: answer.otherPods, otherAddresses: answer.otherAddresses, sources: answer.sources }, undefined, 2) + '\n'
    : exposureText(answer, portLabel === null ? 'any port' : `${protocol}/${portLabel}`);
  const tiers = model.clusterPolicies.length;
  const note = tiers === 0 ? [] : [`note: the input's ${tiers} ClusterNetworkPolic${tiers === 1 ? 'y is' : 'ies are'} not applied: `
    + 'exposure reasons over NetworkPolicies only, and an Admin or Baseline rule can widen or narrow this answer'];
  return {
    exitCode: hasErrors ? EXIT_FINDINGS : EXIT_OK,
    stdout,
    stderr: [...findingLines, ...note].map((l) => l + '\n').join(''),
  };
}

function exposureText(answer: ExposureAnswer, port: string): string {
  const lines = [`${answer.destination} on ${port}, in any cluster with these policies:`];
  lines.push(...(answer.sources.length === 0 ? ['  no pod and no address but the input\'s pods can reach it'] : answer.sources.map((s) => `  - ${s.description}`)));
  lines.push(`other pods: ${answer.otherPods ? 'yes' : 'no'}; other addresses: ${answer.otherAddresses ? 'yes' : 'no'}`);
  return lines.join('\n') + '\n';
}

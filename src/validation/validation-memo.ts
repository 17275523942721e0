import { ClusterNetworkPolicyChannel } from './cluster-network-policy-channel';
import { ClusterNetworkPolicyValidationOptions, ClusterNetworkPolicyValidator } from './cluster-network-policy-validator';
import { ValidationFinding } from './finding';
import { NetworkPolicyValidator, ValidationOptions } from './validator';

/** The memo that `checkNetworkPolicy` and `checkClusterNetworkPolicy` answer from, while one is active. */
let active: ValidationMemo | undefined;

/**
 * Validation answers of one synthesis of a cdk8s app. The policy constructs validate what they
 * render, and the app's analysis validates every policy it reads, theirs among them: a
 * validation depends only on the object's JSON text and the options, so the second asks the
 * memo for the first's answer instead of validating again. Outside `within`, nothing is kept.
 */
export class ValidationMemo {
  private readonly answers = new Map<string, readonly ValidationFinding[]>();

  /** Runs `work` with this memo answering the checks it makes. */
  public within<T>(work: () => T): T {
    const outer = active;
    active = this;
    try {
      return work();
    } finally {
      active = outer;
    }
  }

  /** The findings for `key`, validated on the first question. */
  public answer(key: string, validate: () => ValidationFinding[]): ValidationFinding[] {
    let findings = this.answers.get(key);
    if (findings === undefined) {
      findings = validate();
      this.answers.set(key, findings);
    }
    return [...findings];
  }
}

/** `NetworkPolicyValidator.check`, answered by the active memo when there is one. */
export function checkNetworkPolicy(manifest: unknown, options: ValidationOptions = {}): ValidationFinding[] {
  const validate = () => NetworkPolicyValidator.check(manifest, options);
  const text = active && jsonText(manifest);
  return text === undefined ? validate() : active!.answer(`NetworkPolicy strictCidr=${options.strictCidr ?? true}\n${text}`, validate);
}

/** `ClusterNetworkPolicyValidator.check`, answered by the active memo when there is one. */
export function checkClusterNetworkPolicy(manifest: unknown, options: ClusterNetworkPolicyValidationOptions = {}): ValidationFinding[] {
  const validate = () => ClusterNetworkPolicyValidator.check(manifest, options);
  const text = active && jsonText(manifest);
  const channel = options.channel ?? ClusterNetworkPolicyChannel.STANDARD;
  return text === undefined ? validate() : active!.answer(`ClusterNetworkPolicy channel=${channel}\n${text}`, validate);
}

/** The JSON text that identifies `manifest`, or undefined for a value JSON cannot write (then it is simply validated). */
function jsonText(manifest: unknown): string | undefined {
  try {
    return JSON.stringify(manifest);
  } catch {
    return undefined;
  }
}

/**
 * A direction a NetworkPolicy isolates (`spec.policyTypes`).
 *
 * A pod selected by a policy listing a direction accepts, in that direction, only what some
 * policy's rules allow; listing a direction without rules for it allows nothing.
 *
 * @example
 * new NetworkPolicy(chart, 'lockdown', {
 *   target: PolicyTarget.labels({ app: 'vault' }),
 *   policyTypes: [PolicyType.INGRESS, PolicyType.EGRESS],
 * });
 */
export enum PolicyType {
  /** Traffic into the selected pods (`from` rules). */
  INGRESS = 'Ingress',
  /** Traffic out of the selected pods (`to` rules). */
  EGRESS = 'Egress',
}

/**
 * A direction of traffic relative to the pods a policy selects: what `spec.policyTypes`
 * lists, and the side of a connection a verdict describes (egress of the source, ingress of
 * the destination).
 *
 * A pod selected by a NetworkPolicy listing a direction accepts, in that direction, only what
 * some policy's rules allow; listing a direction without rules for it allows nothing.
 *
 * @example
 * new NetworkPolicy(chart, 'lockdown', {
 *   target: PolicyTarget.labels({ app: 'vault' }),
 *   policyTypes: [TrafficDirection.INGRESS, TrafficDirection.EGRESS],
 * });
 * intents.expectIsolated(Endpoint.workload(vault), TrafficDirection.EGRESS);
 */
export enum TrafficDirection {
  /** Traffic into the selected pods (`spec.ingress`, `from` rules). */
  INGRESS = 'Ingress',
  /** Traffic out of the selected pods (`spec.egress`, `to` rules). */
  EGRESS = 'Egress',
}

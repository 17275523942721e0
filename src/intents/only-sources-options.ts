/**
 * Options of `ReachabilityIntents.expectOnlySources`.
 */
export interface OnlySourcesOptions {
  /**
   * Check the open world too: fail when anything beyond the listed sources could connect in
   * *any* cluster that holds the app's policies, not only the app's other workloads: pods the
   * app does not have (with any labels, in its namespaces or in new ones) and outside
   * addresses (`Exposure`). A pod in a listed source's namespace that carries all of its labels
   * counts as that source (another replica), as do the destination's own. The intent's id ends
   * in ` open-world`. The open-world part reasons over NetworkPolicies only, as `Exposure`
   * does: ClusterNetworkPolicy tiers, which can widen or narrow it, are not applied to it (the
   * result's message says so when the app has any).
   *
   * @default false
   */
  readonly openWorld?: boolean;
}

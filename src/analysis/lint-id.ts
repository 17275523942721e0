/**
 * The lints: mistakes in NetworkPolicies that the API server accepts and no intent asks about.
 * Each value is the lint's stable id, as findings, synthesis errors and acknowledgements name it.
 */
export enum LintId {
  /** `spec.podSelector` selects no pod of the policy's namespace in the input. */
  SELECTS_NOTHING = 'NP-LINT-SELECTS-NOTHING',
  /** A `from`/`to` peer (pod and/or namespace selector) matches no pod of the input. */
  PEER_MATCHES_NOTHING = 'NP-LINT-PEER-MATCHES-NOTHING',
  /** Rules of a direction that the explicit `policyTypes` leaves out: accepted, and without effect. */
  RULES_IGNORED = 'NP-LINT-RULES-IGNORED',
  /** Every connection a rule admits, over every port, is admitted by other rules for the same pods and direction. */
  REDUNDANT_RULE = 'NP-LINT-REDUNDANT-RULE',
  /** Removing the policy changes no connection (addresses included) and no isolation, of the input's pods or any pod its namespace could hold. */
  NO_EFFECT = 'NP-LINT-NO-EFFECT',
  /** Pods the policy isolates for egress reach the cluster DNS neither on UDP/53 nor on TCP/53. */
  DNS_BLOCKED = 'NP-LINT-DNS-BLOCKED',
  /** Pods the policy isolates for egress reach the cluster DNS on one of UDP/53 and TCP/53 only. */
  DNS_PARTIAL = 'NP-LINT-DNS-PARTIAL',
  /** A named port resolves on none of the pods the rule's traffic can reach. */
  NAMED_PORT_UNRESOLVED = 'NP-LINT-NAMED-PORT-UNRESOLVED',
  /** A `namespaceSelector` keys on labels no Namespace object shows, while some namespace has no Namespace object. */
  NAMESPACE_LABELS_UNKNOWN = 'NP-LINT-NAMESPACE-LABELS-UNKNOWN',
  /** An ipBlock (less its excepts) contains an input pod's IP, which network plugins treat differently. */
  IPBLOCK_COVERS_PODS = 'NP-LINT-IPBLOCK-COVERS-PODS',
}

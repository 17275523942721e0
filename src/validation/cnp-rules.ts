/**
 * Stable ids of the ClusterNetworkPolicy rules: one per kind of check the API server makes with
 * the CRD installed, plus the warnings about what the CRD accepts but cannot work as written.
 * Checks the server makes on every object reuse the NetworkPolicy ids (`RULE.KIND`,
 * `RULE.UNKNOWN_FIELD`, `RULE.TYPE` for metadata, `RULE.NAME`, ...). Ids never change once published.
 */
export const CNP_RULE = {
  /** a field of the experimental channel (nodes, domainNames) in an object checked against the standard channel. */
  CHANNEL: 'NP-VAL-CNP-CHANNEL',
  /** a value of the wrong JSON type. */
  TYPE: 'NP-VAL-CNP-TYPE',
  /** a number that is not an int32 (priority, ports). */
  FORMAT: 'NP-VAL-CNP-FORMAT',
  /** a required field is absent (or null). */
  REQUIRED: 'NP-VAL-CNP-REQUIRED',
  /** tier or action outside its values. */
  ENUM: 'NP-VAL-CNP-ENUM',
  /** priority outside 0-1000, a port outside 1-65535. */
  BOUNDS: 'NP-VAL-CNP-BOUNDS',
  /** a list with too few or too many items (rules, peers, protocols, networks, domainNames). */
  ITEMS: 'NP-VAL-CNP-ITEMS',
  /** an exactly-one-of object (subject, peer, protocol, tcp/udp/sctp, destinationPort) with none or several fields. */
  ONE_OF: 'NP-VAL-CNP-ONE-OF',
  /** a rule name over 100 characters, a CIDR over 43. */
  LENGTH: 'NP-VAL-CNP-LENGTH',
  /** a domain name that does not match the CRD's pattern. */
  DOMAIN_NAME: 'NP-VAL-CNP-DOMAIN-NAME',
  /** the same CIDR or domain name twice in one list. */
  DUPLICATE: 'NP-VAL-CNP-DUPLICATE',
  /** a port range whose start is not below its end (CEL). */
  PORT_RANGE: 'NP-VAL-CNP-PORT-RANGE',
  /** a networks entry that CEL's isCIDR refuses. */
  CIDR: 'NP-VAL-CNP-CIDR',
  /** destinationNamedPort in an egress rule with a networks, nodes or domainNames peer (CEL, experimental channel). */
  NAMED_PORT_PEER: 'NP-VAL-CNP-NAMED-PORT-PEER',
  /** the server skipped the CEL rules because of a blocking error. */
  NOT_CHECKED: 'NP-VAL-CNP-NOT-CHECKED',
  /** warning: domainNames cannot be evaluated, and are documented for Admin Accept rules only. */
  DOMAIN_NAMES: 'NP-VAL-CNP-DOMAIN-NAMES',
  /** warning: a selector the CRD accepts but implementations cannot convert (operator, values, label syntax). */
  SELECTOR: 'NP-VAL-CNP-SELECTOR',
  /** warning: a named port no container port can carry, or one that can only match pods. */
  NAMED_PORT: 'NP-VAL-CNP-NAMED-PORT',
} as const;

/**
 * Stable ids of the validation rules. The R-numbers are those of the project's API-server
 * validation reference. Ids never change once published.
 */
export const RULE = {
  /** R1: only networking.k8s.io/v1 NetworkPolicy is served. */
  KIND: 'NP-VAL-KIND',
  /** R2: a JSON value that does not decode into the field's Go type. */
  TYPE: 'NP-VAL-TYPE',
  /** R3: a field the object does not have (strict field validation). */
  UNKNOWN_FIELD: 'NP-VAL-UNKNOWN-FIELD',
  /** R4: no name and no generateName. */
  NAME_REQUIRED: 'NP-VAL-NAME-REQUIRED',
  /** R5: name or generateName is not a DNS-1123 subdomain. */
  NAME: 'NP-VAL-NAME',
  /** R6: namespace is not a DNS-1123 label. */
  NAMESPACE: 'NP-VAL-NAMESPACE',
  /** R7: a metadata label key or value. */
  LABELS: 'NP-VAL-LABELS',
  /** R8: an annotation key, or the annotations' total size. */
  ANNOTATIONS: 'NP-VAL-ANNOTATIONS',
  /** R9: generation, finalizers, ownerReferences. */
  METADATA: 'NP-VAL-METADATA',
  /** R10: a matchLabels key or value. */
  SELECTOR_LABELS: 'NP-VAL-SELECTOR-LABELS',
  /** R11: an operator other than In, NotIn, Exists, DoesNotExist. */
  SELECTOR_OPERATOR: 'NP-VAL-SELECTOR-OPERATOR',
  /** R12: In or NotIn without values. */
  SELECTOR_VALUES_REQUIRED: 'NP-VAL-SELECTOR-VALUES-REQUIRED',
  /** R13: Exists or DoesNotExist with values. */
  SELECTOR_VALUES_FORBIDDEN: 'NP-VAL-SELECTOR-VALUES-FORBIDDEN',
  /** R14a: a matchExpressions key. */
  SELECTOR_KEY: 'NP-VAL-SELECTOR-KEY',
  /** R14b: a matchExpressions value. */
  SELECTOR_VALUE: 'NP-VAL-SELECTOR-VALUE',
  /** R15: a protocol other than TCP, UDP, SCTP. */
  PROTOCOL: 'NP-VAL-PROTOCOL',
  /** R16: a numeric port outside 1-65535. */
  PORT: 'NP-VAL-PORT',
  /** R17: a named port that is not an IANA service name. */
  PORT_NAME: 'NP-VAL-PORT-NAME',
  /** R18: endPort below port. */
  PORT_RANGE: 'NP-VAL-PORT-RANGE',
  /** R19: endPort outside 1-65535. */
  END_PORT: 'NP-VAL-END-PORT',
  /** R20: endPort with a named port. */
  END_PORT_NAMED: 'NP-VAL-END-PORT-NAMED',
  /** R21: endPort without port. */
  END_PORT_WITHOUT_PORT: 'NP-VAL-END-PORT-WITHOUT-PORT',
  /** R22: a peer with no podSelector, namespaceSelector or ipBlock. */
  PEER_REQUIRED: 'NP-VAL-PEER-REQUIRED',
  /** R23: ipBlock combined with a selector in one peer. */
  PEER_IPBLOCK_COMBINED: 'NP-VAL-PEER-IPBLOCK-COMBINED',
  /** R24: ipBlock without cidr. */
  CIDR_REQUIRED: 'NP-VAL-CIDR-REQUIRED',
  /** R25, R27: a cidr or except entry that does not parse. */
  CIDR: 'NP-VAL-CIDR',
  /** R26, R27: leading zeros, IPv4-mapped IPv6 or host bits under strict CIDR validation. */
  CIDR_STRICT: 'NP-VAL-CIDR-STRICT',
  /** R26: the warnings the server returns for non-standard or non-canonical CIDRs. */
  CIDR_WARNING: 'NP-VAL-CIDR-WARNING',
  /** R28: an except entry that is not a strict subset of cidr. */
  EXCEPT_SUBSET: 'NP-VAL-EXCEPT-SUBSET',
  /** R29: more than two policyTypes. */
  POLICY_TYPES_COUNT: 'NP-VAL-POLICY-TYPES-COUNT',
  /** R30: a policyType other than Ingress or Egress. */
  POLICY_TYPE: 'NP-VAL-POLICY-TYPE',
} as const;

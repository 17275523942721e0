/**
 * Stable ids of the validation rules, one per check the API server makes. Ids never change once
 * published.
 */
export const RULE = {
  /** only networking.k8s.io/v1 NetworkPolicy is served; apiVersion must be set and readable. */
  KIND: 'NP-VAL-KIND',
  /** a JSON value that does not decode into the field's Go type. */
  TYPE: 'NP-VAL-TYPE',
  /** a creationTimestamp, deletionTimestamp or managedFields time that is not RFC 3339. */
  TIMESTAMP: 'NP-VAL-TIMESTAMP',
  /** a key kubectl's client-side check meets twice in metadata.labels or metadata.annotations. */
  DUPLICATE_KEY: 'NP-VAL-DUPLICATE-KEY',
  /** a field the object does not have (strict field validation). */
  UNKNOWN_FIELD: 'NP-VAL-UNKNOWN-FIELD',
  /** no name and no generateName. */
  NAME_REQUIRED: 'NP-VAL-NAME-REQUIRED',
  /** name or generateName is not a DNS-1123 subdomain. */
  NAME: 'NP-VAL-NAME',
  /** namespace is not a DNS-1123 label, or cannot be a URL path segment. */
  NAMESPACE: 'NP-VAL-NAMESPACE',
  /** a metadata label key or value. */
  LABELS: 'NP-VAL-LABELS',
  /** an annotation key, or the annotations' total size. */
  ANNOTATIONS: 'NP-VAL-ANNOTATIONS',
  /** finalizers and ownerReferences. */
  METADATA: 'NP-VAL-METADATA',
  /** a matchLabels key or value. */
  SELECTOR_LABELS: 'NP-VAL-SELECTOR-LABELS',
  /** an operator other than In, NotIn, Exists, DoesNotExist. */
  SELECTOR_OPERATOR: 'NP-VAL-SELECTOR-OPERATOR',
  /** In or NotIn without values. */
  SELECTOR_VALUES_REQUIRED: 'NP-VAL-SELECTOR-VALUES-REQUIRED',
  /** Exists or DoesNotExist with values. */
  SELECTOR_VALUES_FORBIDDEN: 'NP-VAL-SELECTOR-VALUES-FORBIDDEN',
  /** a matchExpressions key. */
  SELECTOR_KEY: 'NP-VAL-SELECTOR-KEY',
  /** a matchExpressions value. */
  SELECTOR_VALUE: 'NP-VAL-SELECTOR-VALUE',
  /** a protocol other than TCP, UDP, SCTP. */
  PROTOCOL: 'NP-VAL-PROTOCOL',
  /** a numeric port outside 1-65535. */
  PORT: 'NP-VAL-PORT',
  /** a named port that is not an IANA service name. */
  PORT_NAME: 'NP-VAL-PORT-NAME',
  /** endPort below port. */
  PORT_RANGE: 'NP-VAL-PORT-RANGE',
  /** endPort outside 1-65535. */
  END_PORT: 'NP-VAL-END-PORT',
  /** endPort with a named port. */
  END_PORT_NAMED: 'NP-VAL-END-PORT-NAMED',
  /** endPort without port. */
  END_PORT_WITHOUT_PORT: 'NP-VAL-END-PORT-WITHOUT-PORT',
  /** a peer with no podSelector, namespaceSelector or ipBlock. */
  PEER_REQUIRED: 'NP-VAL-PEER-REQUIRED',
  /** ipBlock combined with a selector in one peer. */
  PEER_IPBLOCK_COMBINED: 'NP-VAL-PEER-IPBLOCK-COMBINED',
  /** ipBlock without cidr. */
  CIDR_REQUIRED: 'NP-VAL-CIDR-REQUIRED',
  /** a cidr or except entry that does not parse. */
  CIDR: 'NP-VAL-CIDR',
  /** leading zeros, IPv4-mapped IPv6 or host bits under strict CIDR validation. */
  CIDR_STRICT: 'NP-VAL-CIDR-STRICT',
  /** the warnings the server returns for non-standard or non-canonical CIDRs. */
  CIDR_WARNING: 'NP-VAL-CIDR-WARNING',
  /** an except entry that is not a strict subset of cidr. */
  EXCEPT_SUBSET: 'NP-VAL-EXCEPT-SUBSET',
  /** more than two policyTypes. */
  POLICY_TYPES_COUNT: 'NP-VAL-POLICY-TYPES-COUNT',
  /** a policyType other than Ingress or Egress. */
  POLICY_TYPE: 'NP-VAL-POLICY-TYPE',
} as const;

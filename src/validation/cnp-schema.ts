/**
 * The OpenAPI schema and CEL rules of the ClusterNetworkPolicy CRD (kubernetes-sigs/network-policy-api
 * v0.2.0, `config/crd/{standard,experimental}`), as data. The two channels differ in the egress
 * peers `nodes` and `domainNames` and in one CEL rule on egress rules.
 */
import { ClusterNetworkPolicyChannel } from './cluster-network-policy-channel';
import { CNP_RULE } from './cnp-rules';
import { CelRule, SchemaNode } from './structural-schema';
import { isCelCidr } from '../k8s/cidr';
import { asArray, asObject } from '../k8s/json-values';

/** The CRD's DomainName pattern, verbatim: `a-zA-z` also admits `[ \ ] ^ _` and the backtick as a label's first character. */
export const DOMAIN_NAME_PATTERN = '^(\\*\\.)?([a-zA-z0-9]([-a-zA-Z0-9_]*[a-zA-Z0-9])?\\.)+[a-zA-z0-9]([-a-zA-Z0-9_]*[a-zA-Z0-9])?\\.?$';

const MAX_LIST = 25;
const STRING: SchemaNode = { type: 'string' };

const LABEL_SELECTOR: SchemaNode = {
  type: 'object',
  properties: {
    matchLabels: { type: 'object', additionalProperties: STRING },
    matchExpressions: {
      type: 'array',
      items: {
        type: 'object',
        required: ['key', 'operator'],
        properties: { key: STRING, operator: STRING, values: { type: 'array', items: STRING } },
      },
    },
  },
};

const NAMESPACED_POD: SchemaNode = {
  type: 'object',
  required: ['podSelector'],
  properties: { namespaceSelector: LABEL_SELECTOR, podSelector: LABEL_SELECTOR },
};

const START_BEFORE_END: CelRule = {
  message: 'Start port must be less than End port',
  rule: CNP_RULE.PORT_RANGE,
  holds: (self) => {
    const range = asObject(self);
    return !range || (range.start as number) < (range.end as number);
  },
};

const PORT_NUMBER: SchemaNode = { type: 'integer', format: 'int32', minimum: 1, maximum: 65535 };

const PROTOCOL_PORT: SchemaNode = {
  type: 'object',
  minProperties: 1,
  properties: {
    destinationPort: {
      type: 'object',
      minProperties: 1,
      maxProperties: 1,
      properties: {
        number: PORT_NUMBER,
        range: { type: 'object', required: ['end', 'start'], properties: { start: PORT_NUMBER, end: PORT_NUMBER }, rules: [START_BEFORE_END] },
      },
    },
  },
};

const PROTOCOLS: SchemaNode = {
  type: 'array',
  minItems: 1,
  maxItems: MAX_LIST,
  items: {
    type: 'object',
    minProperties: 1,
    maxProperties: 1,
    properties: { tcp: PROTOCOL_PORT, udp: PROTOCOL_PORT, sctp: PROTOCOL_PORT, destinationNamedPort: STRING },
  },
};

const ACTION: SchemaNode = { type: 'string', enum: ['Accept', 'Deny', 'Pass'] };
const RULE_NAME: SchemaNode = { type: 'string', maxLength: 100 };

const NETWORKS: SchemaNode = {
  type: 'array',
  minItems: 1,
  maxItems: MAX_LIST,
  set: true,
  items: { type: 'string', maxLength: 43, rules: [{ message: 'Invalid CIDR format provided', rule: CNP_RULE.CIDR, holds: (self) => isCelCidr(self as string) }] },
};

const DOMAIN_NAMES: SchemaNode = {
  type: 'array',
  minItems: 1,
  maxItems: MAX_LIST,
  set: true,
  items: { type: 'string', pattern: DOMAIN_NAME_PATTERN },
};

/** The egress peer fields only the experimental channel has. */
export const EXPERIMENTAL_EGRESS_PEERS: readonly string[] = ['nodes', 'domainNames'];

const NAMED_PORT_WITHOUT_PODS: CelRule = {
  message: 'networks/nodes/domainNames peer cannot be set with namedPorts since there are no namedPorts for networks/nodes/domainNames',
  rule: CNP_RULE.NAMED_PORT_PEER,
  holds: (self) => {
    const rule = asObject(self) ?? {};
    const addressPeer = (asArray(rule.to) ?? []).some((peer) => ['networks', 'nodes', 'domainNames'].some((key) => key in (asObject(peer) ?? {})));
    const namedPort = (asArray(rule.protocols) ?? []).some((protocol) => 'destinationNamedPort' in (asObject(protocol) ?? {}));
    return !(addressPeer && namedPort);
  },
};

function ruleList(rule: SchemaNode): SchemaNode {
  return { type: 'array', maxItems: MAX_LIST, items: rule };
}

function peerList(peer: SchemaNode): SchemaNode {
  return { type: 'array', minItems: 1, maxItems: MAX_LIST, items: peer };
}

function schemaFor(channel: ClusterNetworkPolicyChannel): SchemaNode {
  const experimental = channel === ClusterNetworkPolicyChannel.EXPERIMENTAL;
  const egressPeer: SchemaNode = {
    type: 'object',
    minProperties: 1,
    maxProperties: 1,
    properties: {
      namespaces: LABEL_SELECTOR,
      pods: NAMESPACED_POD,
      networks: NETWORKS,
      ...(experimental ? { nodes: LABEL_SELECTOR, domainNames: DOMAIN_NAMES } : {}),
    },
  };
  const ingressPeer: SchemaNode = { type: 'object', minProperties: 1, maxProperties: 1, properties: { namespaces: LABEL_SELECTOR, pods: NAMESPACED_POD } };
  return {
    type: 'object',
    required: ['spec'],
    properties: {
      spec: {
        type: 'object',
        required: ['priority', 'subject', 'tier'],
        properties: {
          tier: { type: 'string', enum: ['Admin', 'Baseline'] },
          priority: { type: 'integer', format: 'int32', minimum: 0, maximum: 1000 },
          subject: { type: 'object', minProperties: 1, maxProperties: 1, properties: { namespaces: LABEL_SELECTOR, pods: NAMESPACED_POD } },
          ingress: ruleList({
            type: 'object',
            required: ['action', 'from'],
            properties: { name: RULE_NAME, action: ACTION, from: peerList(ingressPeer), protocols: PROTOCOLS },
          }),
          egress: ruleList({
            type: 'object',
            required: ['action', 'to'],
            properties: { name: RULE_NAME, action: ACTION, to: peerList(egressPeer), protocols: PROTOCOLS },
            rules: experimental ? [NAMED_PORT_WITHOUT_PODS] : [],
          }),
        },
      },
      // Dropped on create (status subresource): only its field names matter, for pruning.
      status: {
        type: 'object',
        properties: {
          conditions: {
            type: 'array',
            items: {
              type: 'object',
              properties: {
                lastTransitionTime: STRING, message: STRING, observedGeneration: { type: 'integer' }, reason: STRING, status: STRING, type: STRING,
              },
            },
          },
        },
      },
    },
  };
}

const SCHEMAS: ReadonlyMap<ClusterNetworkPolicyChannel, SchemaNode> = new Map(
  Object.values(ClusterNetworkPolicyChannel).map((channel) => [channel, schemaFor(channel)]),
);

/** The root schema of a ClusterNetworkPolicy in `channel`, without `metadata` (ObjectMeta is validated on its own). */
export function clusterNetworkPolicySchema(channel: ClusterNetworkPolicyChannel): SchemaNode {
  return SCHEMAS.get(channel)!;
}

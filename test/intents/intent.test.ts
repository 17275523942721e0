import { PolicyTarget } from '../../src/constructs';
import { Endpoint, IntentKind } from '../../src/intents';
import { connectionIntent, isolatedIntent, onlySourcesIntent } from '../../src/intents/intent';
import { TrafficDirection } from '../../src/k8s';
import { PortRange } from '../../src/policy';

const api = Endpoint.named('shop/api');
const db = Endpoint.named('data/db');

test.each([
  [connectionIntent(IntentKind.ALLOWED, api, db, PortRange.POSTGRES), 'NP-REACH[shop/api -> data/db TCP/5432]', 'shop/api can reach data/db on TCP/5432'],
  [connectionIntent(IntentKind.DENIED, api, db, undefined), 'NP-REACH[shop/api -> data/db]', 'shop/api cannot reach data/db on every container port of data/db'],
  [connectionIntent(IntentKind.ALLOWED, api, Endpoint.ip('203.0.113.7'), PortRange.HTTPS), 'NP-REACH[shop/api -> 203.0.113.7 TCP/443]', 'shop/api can reach 203.0.113.7 on TCP/443'],
  [onlySourcesIntent(db, [api, Endpoint.named('shop/worker')], PortRange.named('pg')), 'NP-REACH-ONLY[shop/api, shop/worker -> data/db TCP/pg]',
    'only shop/api, shop/worker can reach data/db on TCP/pg'],
  [isolatedIntent(db, [TrafficDirection.INGRESS, TrafficDirection.EGRESS]), 'NP-REACH-ISOLATED[data/db]', 'data/db: isolated for Ingress and Egress'],
  [isolatedIntent(Endpoint.selection(PolicyTarget.all().inNamespaceNamed('data')), [TrafficDirection.EGRESS]), 'NP-REACH-ISOLATED[all pods in namespace(data) Egress]',
    'all pods in namespace(data): isolated for Egress'],
])('%#: %s', (intent, id, description) => {
  expect([intent.id, intent.description]).toEqual([id, description]);
});

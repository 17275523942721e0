import { IntentKind, IntentResult, IntentStatus } from '../../src/intents';
import { Protocol } from '../../src/k8s';

/** One intent of each status, as `ReachabilityIntents.results()` returns them. */
export const RESULTS: IntentResult[] = [
  {
    id: 'NP-REACH[app/web -> app/db TCP/5432]',
    kind: IntentKind.ALLOWED,
    status: IntentStatus.OK,
    description: 'app/web can reach app/db on TCP/5432',
    message: 'allowed: egress from app/web is not isolated, and ingress to app/db is allowed by app/db-from-web spec.ingress[0]',
    constructPath: 'app/intents',
    connections: [{
      source: 'app/web',
      destination: 'app/db',
      protocol: Protocol.TCP,
      port: '5432',
      allowed: true,
      explanation: 'allowed: egress from app/web is not isolated, and ingress to app/db is allowed by app/db-from-web spec.ingress[0]',
    }],
  },
  {
    id: 'NP-REACH-ISOLATED[app/web Ingress]',
    kind: IntentKind.ISOLATED,
    status: IntentStatus.BROKEN,
    description: 'app/web: isolated for Ingress',
    message: 'expected isolated for Ingress, but ingress to app/web is not isolated: no NetworkPolicy of namespace app selects it for Ingress',
    constructPath: 'app/intents',
    connections: [],
  },
  {
    id: 'NP-REACH[app/web -> 203.0.113.7 TCP/443]',
    kind: IntentKind.ALLOWED,
    status: IntentStatus.ACKNOWLEDGED,
    description: 'app/web can reach 203.0.113.7 on TCP/443',
    message: 'expected allowed, but denied: egress from app/web is isolated by app/deny, and none of its rules admits 203.0.113.7',
    constructPath: 'app/intents',
    acknowledgement: 'opened with the payments release | SHOP-412',
    connections: [],
  },
  {
    id: 'NP-REACH[app/db -> app/web TCP/80]',
    kind: IntentKind.DENIED,
    status: IntentStatus.OK,
    description: 'app/db cannot reach app/web on TCP/80',
    message: 'denied: ingress to app/web is isolated by app/deny, and none of its rules admits app/db',
    constructPath: 'app/intents',
    acknowledgement: 'left from before the fix',
    connections: [],
  },
  {
    id: 'NP-REACH[app/wbe -> app/db TCP/5432]',
    kind: IntentKind.ALLOWED,
    status: IntentStatus.ERROR,
    description: 'app/wbe can reach app/db on TCP/5432',
    message: 'unknown workload "app/wbe"; close matches: app/web',
    constructPath: 'app/intents',
    connections: [],
  },
];

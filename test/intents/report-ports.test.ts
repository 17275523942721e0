import { IntentKind, IntentResult, IntentStatus } from '../../src/intents';
import { reportPorts } from '../../src/intents/report-ports';
import { Protocol } from '../../src/k8s/protocol';

const policy = (ports: any[]) => ({
  manifest: { apiVersion: 'networking.k8s.io/v1', kind: 'NetworkPolicy', metadata: { name: 'p', namespace: 'n' }, spec: { podSelector: {}, ingress: [{ ports }] } },
});
const intent = (ports: Array<[Protocol, string]>): IntentResult => ({
  id: 'x',
  kind: IntentKind.ALLOWED,
  status: IntentStatus.OK,
  description: '',
  message: '',
  constructPath: 'app/intents',
  connections: ports.map(([protocol, port]) => ({ source: 'n/a', destination: 'n/b', protocol, port, allowed: true, explanation: '' })),
});

describe('reportPorts', () => {
  test.each([
    ['the intents\' ports first, then the policies\', each once', 12, ['TCP/9999', 'TCP/http', 'TCP/80', 'UDP/53', 'TCP/443'], []],
    ['at most `max`, the others left out by label', 3, ['TCP/9999', 'TCP/http', 'TCP/80'], ['UDP/53', 'TCP/443']],
  ])('%s', (_, max, queries, omitted) => {
    const documents = [policy([{ port: 443 }, { port: 80 }, { port: 'http' }])];
    const chosen = reportPorts(documents, [intent([[Protocol.TCP, '9999'], [Protocol.TCP, 'http'], [Protocol.TCP, '80'], [Protocol.UDP, '53']])], max);
    expect(chosen.queries.map((q) => `${q.protocol}/${q.port ?? q.portName}`)).toEqual(queries);
    expect(chosen.omitted).toEqual(omitted);
  });
});

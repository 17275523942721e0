import { IntentKind } from '../../src/intents';
import { readIntentsFile } from '../../src/intents/intents-file';
import { TrafficDirection } from '../../src/k8s';

describe('a valid file', () => {
  const file = readIntentsFile(`
intents:
  - expect: allowed
    from: shop/web
    to: shop/api
    port: 8080
  - expect: denied
    from: 203.0.113.7
    to: shop/Deployment/db
    port: 5432
    protocol: TCP
  - expect: onlySources
    to: shop/db
    sources: [shop/api]
  - expect: isolated
    workload: { labels: { tier: data }, namespace: shop }
    direction: Ingress
  - expect: allowed
    from: shop/web
    to: shop/api
    port: metrics
    protocol: UDP
acknowledge:
  - id: NP-REACH-ONLY[shop/api -> shop/db]
    reason: the backup job reaches db until SHOP-412
`);

  test('reads every intent with the ids the methods give', () => {
    expect(file.problems).toEqual([]);
    expect(file.intents.map((i) => [i.kind, i.id])).toEqual([
      [IntentKind.ALLOWED, 'NP-REACH[shop/web -> shop/api TCP/8080]'],
      [IntentKind.DENIED, 'NP-REACH[203.0.113.7 -> shop/Deployment/db TCP/5432]'],
      [IntentKind.ONLY_SOURCES, 'NP-REACH-ONLY[shop/api -> shop/db]'],
      [IntentKind.ISOLATED, 'NP-REACH-ISOLATED[pods(tier=data) in namespace(shop) Ingress]'],
      [IntentKind.ALLOWED, 'NP-REACH[shop/web -> shop/api UDP/metrics]'],
    ]);
    expect(file.intents[3].directions).toEqual([TrafficDirection.INGRESS]);
  });

  test('keeps where each intent is declared, and the acknowledgements', () => {
    expect([...file.declaredAt.values()]).toEqual(['intents[0]', 'intents[1]', 'intents[2]', 'intents[3]', 'intents[4]']);
    expect([...file.acknowledgements]).toEqual([['NP-REACH-ONLY[shop/api -> shop/db]', 'the backup job reaches db until SHOP-412']]);
  });

  test('JSON is read too', () => {
    const json = readIntentsFile(JSON.stringify({ intents: [{ expect: 'isolated', workload: 'shop/db' }] }));
    expect(json.problems).toEqual([]);
    expect(json.intents[0].id).toBe('NP-REACH-ISOLATED[shop/db]');
  });
});

test.each([
  ['malformed YAML', 'intents: [', /^malformed YAML or JSON \(line 1, column 11\): Flow sequence in block collection must be sufficiently indented and end with a \]$/],
  ['not a mapping', '- a\n- b', /^expected a mapping with the key `intents`/],
  ['no intents', 'acknowledge: []', /^intents: expected a list of intents$/],
  ['an unknown top-level key', 'intents: []\nintent: []', /^intent: unknown field; expected intents, acknowledge$/],
  ['an entry that is no mapping', 'intents: [allowed]', /^intents\[0\]: expected a mapping with `expect`/],
  ['an unknown kind', 'intents: [{ expect: reachable }]', /^intents\[0\]\.expect: "reachable": must be one of allowed, denied, onlySources, isolated$/],
  ['a field of another kind', 'intents: [{ expect: isolated, workload: shop/db, port: 80 }]', /^intents\[0\]\.port: unknown field; expected expect, workload, direction$/],
  ['an endpoint that is no name', 'intents: [{ expect: allowed, from: web, to: shop/db, port: 80 }]', /^intents\[0\]\.from: name "web": must be namespace\/name/],
  ['an endpoint of the wrong type', 'intents: [{ expect: allowed, from: 7, to: shop/db, port: 80 }]', /^intents\[0\]\.from: 7: expected namespace\/name/],
  ['an IP that is not one', 'intents: [{ expect: allowed, from: 10.0.0.300, to: shop/db, port: 80 }]', /^intents\[0\]\.from: address "10\.0\.0\.300": is not an IP address/],
  ['bad selection labels', 'intents: [{ expect: isolated, workload: { labels: { app: 1 } } }]', /^intents\[0\]\.workload\.labels: expected a mapping of label keys to string values$/],
  ['an unknown selection key', 'intents: [{ expect: isolated, workload: { pods: {} } }]', /^intents\[0\]\.workload\.pods: unknown field; expected labels, namespace$/],
  ['port 0', 'intents: [{ expect: allowed, from: shop/a, to: shop/b, port: 0 }]', /^intents\[0\]\.port: port 0: /],
  ['a bad protocol', 'intents: [{ expect: allowed, from: shop/a, to: shop/b, port: 80, protocol: tcp }]', /^intents\[0\]\.protocol: "tcp": must be TCP, UDP or SCTP$/],
  ['a port of the wrong type', 'intents: [{ expect: allowed, from: shop/a, to: shop/b, port: [80] }]', /^intents\[0\]\.port: \[80\]: expected a port number or a container port name$/],
  ['an address without a port', 'intents: [{ expect: allowed, from: shop/a, to: 203.0.113.7 }]', /^intents\[0\]: port: is required for the address 203\.0\.113\.7/],
  ['no sources', 'intents: [{ expect: onlySources, to: shop/db }]', /^intents\[0\]\.sources: expected a list of endpoints$/],
  ['a bad direction', 'intents: [{ expect: isolated, workload: shop/db, direction: ingress }]', /^intents\[0\]\.direction: "ingress": must be Ingress or Egress/],
  ['a contradiction', 'intents: [{ expect: allowed, from: shop/a, to: shop/b, port: 80 }, { expect: denied, from: shop/a, to: shop/b, port: 80 }]',
    /^intents\[1\]: NP-REACH\[shop\/a -> shop\/b TCP\/80\]: is already expected allowed; an intent cannot be both$/],
  ['a short reason', 'intents: []\nacknowledge: [{ id: "NP-REACH[x]", reason: later }]', /^acknowledge\[0\]: reason: "later" is too short/],
  ['an acknowledgement that is no mapping', 'intents: []\nacknowledge: ["NP-REACH[x]"]', /^acknowledge\[0\]: expected a mapping \{ id, reason \}$/],
  ['acknowledge that is no list', 'intents: []\nacknowledge: yes', /^acknowledge: expected a list of \{ id, reason \}$/],
])('%s: a problem with its field path', (_name, text, problem) => {
  const file = readIntentsFile(text);
  expect(file.problems).toHaveLength(1);
  const [{ field, message }] = file.problems;
  expect(field === '' ? message : `${field}: ${message}`).toMatch(problem);
});

test('a bad entry is left out, the others are kept', () => {
  const file = readIntentsFile('intents: [{ expect: isolated, workload: shop/db }, { expect: nope }, { expect: isolated, workload: shop/api }]');
  expect(file.problems).toHaveLength(1);
  expect(file.intents.map((i) => i.id)).toEqual(['NP-REACH-ISOLATED[shop/db]', 'NP-REACH-ISOLATED[shop/api]']);
  expect([...file.declaredAt.values()]).toEqual(['intents[0]', 'intents[2]']);
});

import { FindingSeverity, NetworkPolicyValidator, ValidationFinding, ValidationStage } from '../../src/validation';

const E = FindingSeverity.ERROR;
const W = FindingSeverity.WARNING;

/** The reference's template with `spec` and `metadata` replaced. */
function policy(spec: unknown = { podSelector: {} }, metadata: unknown = { name: 'np', namespace: 'default' }): Record<string, unknown> {
  return { apiVersion: 'networking.k8s.io/v1', kind: 'NetworkPolicy', metadata, spec };
}

const brief = (findings: ValidationFinding[]) => findings.map((f) => [f.field, f.severity, f.rule]);

describe('R1: only networking.k8s.io/v1 NetworkPolicy, as kubectl finds it', () => {
  test.each([
    ['networking.k8s.io/v1beta1', 'no matches for kind "NetworkPolicy" in version "networking.k8s.io/v1beta1"'],
    ['extensions/v1beta1', 'no matches for kind "NetworkPolicy" in version "extensions/v1beta1"'],
    ['v1', 'no matches for kind "NetworkPolicy" in version "v1"'],
    ['/v1', 'no matches for kind "NetworkPolicy" in version "v1"'],
    ['', 'no matches for kind "NetworkPolicy" in version ""'],
    [undefined, 'apiVersion not set'],
    [null, 'apiVersion not set'],
    [5, "apiVersion isn't string type"],
    ['a/b/c', 'unexpected GroupVersion string: a/b/c'],
  ])('apiVersion %j', (apiVersion, message) => {
    const findings = NetworkPolicyValidator.check({ ...policy(), apiVersion });
    expect(findings).toEqual([{ field: 'apiVersion', message, severity: E, rule: 'NP-VAL-KIND', stage: ValidationStage.CLIENT }]);
  });

  test('the group without a version maps to NetworkPolicy, and the server answers 404', () => {
    expect(NetworkPolicyValidator.check({ ...policy(), apiVersion: 'networking.k8s.io/' })).toEqual([{
      field: 'apiVersion', message: 'the server could not find the requested resource', severity: E, rule: 'NP-VAL-KIND', stage: ValidationStage.DECODE,
    }]);
  });

  test('the rest of a NetworkPolicy with the wrong version is still checked', () => {
    const findings = NetworkPolicyValidator.check({ ...policy({ ingress: [{ ports: [{ port: 0 }] }] }), apiVersion: 'networking.k8s.io/v1beta1' });
    expect(brief(findings)).toEqual([['apiVersion', E, 'NP-VAL-KIND'], ['spec.ingress[0].ports[0].port', E, 'NP-VAL-PORT']]);
  });

  test.each(['Deployment', 'networkpolicy', undefined])('another kind (%j) is not checked further', (kind) => {
    const findings = NetworkPolicyValidator.check({ ...policy({ bogus: 1 }), kind });
    expect(brief(findings)).toEqual([['kind', E, 'NP-VAL-KIND']]);
    expect(findings[0].message).toContain('expected kind "NetworkPolicy"');
  });

  test.each([[null], [[]], ['np'], [undefined]])('a document that is not an object: %j', (manifest) => {
    expect(brief(NetworkPolicyValidator.check(manifest))).toEqual([['', E, 'NP-VAL-TYPE']]);
  });
});

describe('the stages come in the order a create request meets them', () => {
  test('order across stages', () => {
    const findings = NetworkPolicyValidator.check({
      ...policy({ ingress: [{ ports: [{ port: 8000, endPort: '9000' }, { port: 0 }] }] }, { name: 'Np' }),
      status: {},
    });
    expect(findings.map((f) => [f.stage, f.field, f.rule])).toEqual([
      [ValidationStage.DECODE, 'spec.ingress[0].ports[0].endPort', 'NP-VAL-TYPE'],
      [ValidationStage.DECODE, 'status', 'NP-VAL-UNKNOWN-FIELD'],
      [ValidationStage.VALIDATE, 'metadata.name', 'NP-VAL-NAME'],
      [ValidationStage.VALIDATE, 'spec.ingress[0].ports[1].port', 'NP-VAL-PORT'],
    ]);
    expect(NetworkPolicyValidator.refusedAt(findings)).toBe(ValidationStage.DECODE);
  });

  test('kubectl\'s refusals come first: the schema, the metadata, the resource, the namespace', () => {
    const findings = NetworkPolicyValidator.check({
      apiVersion: 'v1', kind: 'NetworkPolicy', metadata: { name: 'np', namespace: 'a/b', creationTimestamp: 'yesterday' }, spec: { bogus: 1 },
    });
    expect(findings.map((f) => [f.stage, f.field, f.message])).toEqual([
      [ValidationStage.CLIENT, 'metadata.creationTimestamp', 'parsing time "yesterday" as "2006-01-02T15:04:05Z07:00": cannot parse "yesterday" as "2006"'],
      [ValidationStage.CLIENT, 'apiVersion', 'no matches for kind "NetworkPolicy" in version "v1"'],
      [ValidationStage.CLIENT, 'metadata.namespace', 'invalid namespace "a/b": [may not contain \'/\']'],
      [ValidationStage.DECODE, 'spec.bogus', 'strict decoding error: unknown field "spec.bogus"'],
      [ValidationStage.VALIDATE, 'metadata.namespace', expect.stringContaining('Invalid value: "a/b": a lowercase RFC 1123 label')],
    ]);
    expect(NetworkPolicyValidator.refusedAt(findings)).toBe(ValidationStage.CLIENT);
  });

  test('a wrongly-cased podSelector is an unknown field, which the server refuses', () => {
    const findings = NetworkPolicyValidator.check(policy({ PodSelector: { matchLabels: { app: 'web' } } }));
    expect(findings).toEqual([{
      field: 'spec.PodSelector', message: 'strict decoding error: unknown field "spec.PodSelector"', severity: E, rule: 'NP-VAL-UNKNOWN-FIELD', stage: ValidationStage.DECODE,
    }]);
  });

  test('refusedAt is undefined for an object the server creates, warnings or not', () => {
    expect(NetworkPolicyValidator.refusedAt(NetworkPolicyValidator.check(policy()))).toBeUndefined();
    expect(NetworkPolicyValidator.refusedAt(NetworkPolicyValidator.check(policy({ egress: [{ to: [{ ipBlock: { cidr: '2001:DB8::/32' } }] }] })))).toBeUndefined();
  });
});

describe('the create path\'s own steps', () => {
  test('identical errors are reported once, as the server does', () => {
    const findings = NetworkPolicyValidator.check(policy({ podSelector: { matchLabels: { x: '-bad-', y: '-bad-' } }, ingress: [{ from: [{}, {}] }] }));
    expect(brief(findings)).toEqual([
      ['spec.podSelector.matchLabels', E, 'NP-VAL-SELECTOR-LABELS'], ['spec.ingress[0].from[0]', E, 'NP-VAL-PEER-REQUIRED'],
      ['spec.ingress[0].from[1]', E, 'NP-VAL-PEER-REQUIRED'],
    ]);
  });

  test('an empty ipBlock cidr, found by the server\'s declarative rules, comes after the other errors', () => {
    const findings = NetworkPolicyValidator.check(policy({ ingress: [{ from: [{ ipBlock: {} }] }], policyTypes: ['x'] }));
    expect(brief(findings)).toEqual([['spec.policyTypes[0]', E, 'NP-VAL-POLICY-TYPE'], ['spec.ingress[0].from[0].ipBlock.cidr', E, 'NP-VAL-CIDR-REQUIRED']]);
  });

  test('a generateName with "%" is refused only when nothing else is', () => {
    expect(brief(NetworkPolicyValidator.check(policy({}, { name: 'np', generateName: 'a%-' })))).toEqual([['metadata.generateName', E, 'NP-VAL-NAME']]);
    expect(brief(NetworkPolicyValidator.check(policy({ policyTypes: ['x'] }, { name: 'np', generateName: 'a%-' })))).toEqual([
      ['spec.policyTypes[0]', E, 'NP-VAL-POLICY-TYPE'],
    ]);
  });

  test('a namespace kubectl cannot put in a URL', () => {
    expect(NetworkPolicyValidator.check(policy({}, { name: 'np', namespace: '..' }))[0]).toEqual({
      field: 'metadata.namespace', message: 'invalid namespace "..": [may not be \'..\']', severity: E, rule: 'NP-VAL-NAMESPACE', stage: ValidationStage.CLIENT,
    });
  });
});

describe('the reference\'s bad manifests', () => {
  test.each([
    ['R2', policy({ ingress: [{ ports: [{ port: 8000, endPort: '9000' }] }] }), 'spec.ingress[0].ports[0].endPort', 'NP-VAL-TYPE',
      'json: cannot unmarshal string into Go struct field NetworkPolicyPort.spec.ingress.ports.endPort of type int32'],
    ['R2', policy({ ingress: [{ ports: [{ port: 8080.5 }] }] }), 'spec.ingress[0].ports[0].port', 'NP-VAL-TYPE', 'cannot unmarshal number 8080.5'],
    ['R3', policy({ ingress: [{ ports: [{ port: 80, portRange: '80-90' }] }] }), 'spec.ingress[0].ports[0].portRange', 'NP-VAL-UNKNOWN-FIELD',
      'strict decoding error: unknown field "spec.ingress[0].ports[0].portRange"'],
    ['R3', { ...policy(), status: {} }, 'status', 'NP-VAL-UNKNOWN-FIELD', 'strict decoding error: unknown field "status"'],
    ['R4', policy(undefined, { namespace: 'default' }), 'metadata.name', 'NP-VAL-NAME-REQUIRED', 'Required value: name or generateName is required'],
    ['R5', policy(undefined, { name: 'Allow-Web' }), 'metadata.name', 'NP-VAL-NAME', 'Invalid value: "Allow-Web": a lowercase RFC 1123 subdomain'],
    ['R5', policy(undefined, { name: 'allow_web' }), 'metadata.name', 'NP-VAL-NAME', 'Invalid value: "allow_web"'],
    ['R5', policy(undefined, { name: 'allow-web-' }), 'metadata.name', 'NP-VAL-NAME', 'Invalid value: "allow-web-"'],
    ['R6', policy(undefined, { name: 'np', namespace: 'Team_A' }), 'metadata.namespace', 'NP-VAL-NAMESPACE', 'Invalid value: "Team_A": a lowercase RFC 1123 label'],
    ['R7', policy(undefined, { name: 'np', labels: { app: 'web server' } }), 'metadata.labels', 'NP-VAL-LABELS', 'Invalid value: "web server": a valid label'],
    ['R10', policy({ podSelector: { matchLabels: { 'example.com/app/name': 'x' } } }), 'spec.podSelector.matchLabels', 'NP-VAL-SELECTOR-LABELS', 'a valid label key'],
    ['R10', policy({ egress: [{ to: [{ namespaceSelector: { matchLabels: { '/app': 'x' } } }] }] }), 'spec.egress[0].to[0].namespaceSelector.matchLabels',
      'NP-VAL-SELECTOR-LABELS', 'Invalid value: "/app": prefix part must be non-empty'],
    ['R11', policy({ podSelector: { matchExpressions: [{ key: 'env', operator: 'in', values: ['prod'] }] } }), 'spec.podSelector.matchExpressions[0].operator',
      'NP-VAL-SELECTOR-OPERATOR', 'Invalid value: "in": not a valid selector operator'],
    ['R12', policy({ podSelector: { matchExpressions: [{ key: 'env', operator: 'In', values: [] }] } }), 'spec.podSelector.matchExpressions[0].values',
      'NP-VAL-SELECTOR-VALUES-REQUIRED', 'Required value: must be specified when `operator` is \'In\' or \'NotIn\''],
    ['R13', policy({ podSelector: { matchExpressions: [{ key: 'env', operator: 'Exists', values: ['x'] }] } }), 'spec.podSelector.matchExpressions[0].values',
      'NP-VAL-SELECTOR-VALUES-FORBIDDEN', 'Forbidden: may not be specified'],
    ['R14a', policy({ podSelector: { matchExpressions: [{ key: 'bad key', operator: 'Exists' }] } }), 'spec.podSelector.matchExpressions[0].key',
      'NP-VAL-SELECTOR-KEY', 'Invalid value: "bad key": name part must consist of'],
    ['R14b', policy({ ingress: [{ from: [{ namespaceSelector: { matchExpressions: [{ key: 'env', operator: 'In', values: ['prod env'] }] } }] }] }),
      'spec.ingress[0].from[0].namespaceSelector.matchExpressions[0].values[0]', 'NP-VAL-SELECTOR-VALUE', 'Invalid value: "prod env": a valid label'],
    ['R15', policy({ ingress: [{ ports: [{ protocol: 'tcp', port: 80 }] }] }), 'spec.ingress[0].ports[0].protocol', 'NP-VAL-PROTOCOL',
      'Unsupported value: "tcp": supported values: "TCP", "UDP", "SCTP"'],
    ['R15', policy({ ingress: [{ ports: [{ protocol: '' }] }] }), 'spec.ingress[0].ports[0].protocol', 'NP-VAL-PROTOCOL', 'Unsupported value: ""'],
    ['R16', policy({ ingress: [{ ports: [{ port: 0 }] }] }), 'spec.ingress[0].ports[0].port', 'NP-VAL-PORT', 'Invalid value: 0: must be between 1 and 65535, inclusive'],
    ['R16', policy({ ingress: [{ ports: [{ port: 65536 }] }] }), 'spec.ingress[0].ports[0].port', 'NP-VAL-PORT', 'Invalid value: 65536'],
    ['R17', policy({ ingress: [{ ports: [{ port: '8080' }] }] }), 'spec.ingress[0].ports[0].port', 'NP-VAL-PORT-NAME',
      'Invalid value: "8080": must contain at least one letter (a-z)'],
    ['R18', policy({ ingress: [{ ports: [{ port: 8080, endPort: 8000 }] }] }), 'spec.ingress[0].ports[0].endPort', 'NP-VAL-PORT-RANGE',
      'Invalid value: 8000: must be greater than or equal to `port`'],
    ['R19', policy({ ingress: [{ ports: [{ port: 80, endPort: 70000 }] }] }), 'spec.ingress[0].ports[0].endPort', 'NP-VAL-END-PORT', 'Invalid value: 70000'],
    ['R21', policy({ egress: [{ ports: [{ endPort: 8080 }] }] }), 'spec.egress[0].ports[0].endPort', 'NP-VAL-END-PORT-WITHOUT-PORT',
      'Invalid value: 8080: may not be specified when `port` is not specified'],
    ['R22', policy({ ingress: [{ from: [{}] }] }), 'spec.ingress[0].from[0]', 'NP-VAL-PEER-REQUIRED', 'Required value: must specify a peer'],
    ['R23', policy({ ingress: [{ from: [{ ipBlock: { cidr: '10.0.0.0/8' }, podSelector: {} }] }] }), 'spec.ingress[0].from[0]', 'NP-VAL-PEER-IPBLOCK-COMBINED',
      'Forbidden: may not specify both ipBlock and another peer'],
    ['R24', policy({ ingress: [{ from: [{ ipBlock: {} }] }] }), 'spec.ingress[0].from[0].ipBlock.cidr', 'NP-VAL-CIDR-REQUIRED', 'Required value'],
    ['R25', policy({ ingress: [{ from: [{ ipBlock: { cidr: '10.0.0.1' } }] }] }), 'spec.ingress[0].from[0].ipBlock.cidr', 'NP-VAL-CIDR',
      'Invalid value: "10.0.0.1": must be a valid CIDR value, (e.g. 10.9.8.0/24 or 2001:db8::/64)'],
    ['R26', policy({ ingress: [{ from: [{ ipBlock: { cidr: '010.0.0.0/8' } }] }] }), 'spec.ingress[0].from[0].ipBlock.cidr', 'NP-VAL-CIDR-STRICT',
      'Invalid value: "010.0.0.0/8": must not have leading 0s in IP or prefix length'],
    ['R26', policy({ ingress: [{ from: [{ ipBlock: { cidr: '10.0.0.1/24' } }] }] }), 'spec.ingress[0].from[0].ipBlock.cidr', 'NP-VAL-CIDR-STRICT',
      'Invalid value: "10.0.0.1/24": must not have bits set beyond the prefix length'],
    ['R27', policy({ egress: [{ to: [{ ipBlock: { cidr: '10.0.0.0/8', except: ['10.0.0.0/40'] } }] }] }), 'spec.egress[0].to[0].ipBlock.except[0]', 'NP-VAL-CIDR',
      'must be a valid CIDR value'],
    ['R28', policy({ egress: [{ to: [{ ipBlock: { cidr: '10.0.0.0/16', except: ['10.0.0.0/16'] } }] }] }), 'spec.egress[0].to[0].ipBlock.except[0]',
      'NP-VAL-EXCEPT-SUBSET', 'Invalid value: "10.0.0.0/16": must be a strict subset of `cidr`'],
    ['R29', policy({ policyTypes: ['Ingress', 'Egress', 'Ingress'] }), 'spec.policyTypes', 'NP-VAL-POLICY-TYPES-COUNT',
      'Invalid value: ["Ingress","Egress","Ingress"]: may not specify more than two policyTypes'],
    ['R30', policy({ policyTypes: ['ingress'] }), 'spec.policyTypes[0]', 'NP-VAL-POLICY-TYPE', 'Unsupported value: "ingress": supported values: "Ingress", "Egress"'],
  ])('%s: %j', (_rule, manifest, field, rule, message) => {
    const findings = NetworkPolicyValidator.check(manifest);
    expect(brief(findings)).toEqual([[field, E, rule]]);
    expect(findings[0].message).toContain(message);
  });

  test('R19: endPort 0 with port 80 gives two errors', () => {
    expect(brief(NetworkPolicyValidator.check(policy({ ingress: [{ ports: [{ port: 80, endPort: 0 }] }] })))).toEqual([
      ['spec.ingress[0].ports[0].endPort', E, 'NP-VAL-PORT-RANGE'],
      ['spec.ingress[0].ports[0].endPort', E, 'NP-VAL-END-PORT'],
    ]);
  });

  test('R20: a quoted number with endPort gives R20 then R17', () => {
    expect(brief(NetworkPolicyValidator.check(policy({ ingress: [{ ports: [{ port: '8080', endPort: 8090 }] }] })))).toEqual([
      ['spec.ingress[0].ports[0].endPort', E, 'NP-VAL-END-PORT-NAMED'],
      ['spec.ingress[0].ports[0].port', E, 'NP-VAL-PORT-NAME'],
    ]);
  });
});

describe('what the API server accepts is accepted (reference section 3)', () => {
  test.each([
    ['spec: {}', policy({})],
    ['no spec', { apiVersion: 'networking.k8s.io/v1', kind: 'NetworkPolicy', metadata: { name: 'np' } }],
    ['no namespace', policy({}, { name: 'np' })],
    ['generateName only', policy({}, { generateName: 'np-' })],
    ['empty rule lists', policy({ ingress: [], egress: [] })],
    ['allow-all rules', policy({ ingress: [{}], egress: [{}] })],
    ['empty peers and ports', policy({ ingress: [{ from: [], ports: [] }], egress: [{ to: [], ports: [{}] }] })],
    ['egress without policyTypes', policy({ egress: [{ to: [{ podSelector: {} }] }] })],
    ['Egress-only policyTypes with ingress rules', policy({ policyTypes: ['Egress'], ingress: [{ from: [{ podSelector: {} }] }] })],
    ['duplicate policyTypes', policy({ policyTypes: ['Egress', 'Egress'] })],
    ['duplicate and overlapping rules, peers and ports', policy({
      ingress: [
        { from: [{ podSelector: {} }, { podSelector: {} }], ports: [{ port: 80 }, { port: 80 }, { port: 1, endPort: 65535 }] },
        { from: [{ podSelector: {} }], ports: [{ port: 80 }] },
      ],
    })],
    ['overlapping except entries', policy({ egress: [{ to: [{ ipBlock: { cidr: '10.0.0.0/8', except: ['10.1.0.0/16', '10.1.2.0/24', '10.1.0.0/16'] } }] }] })],
    ['a named port no pod defines', policy({ ingress: [{ ports: [{ port: 'no-such-port' }] }] })],
    ['endPort with UDP and SCTP', policy({ egress: [{ ports: [{ protocol: 'UDP', port: 1000, endPort: 2000 }, { protocol: 'SCTP', port: 1, endPort: 1 }] }] })],
    ['endPort equal to port', policy({ ingress: [{ ports: [{ port: 80, endPort: 80 }] }] })],
    ['UDP 443', policy({ ingress: [{ ports: [{ protocol: 'UDP', port: 443 }] }] })],
    ['any-address, /32 and /128 cidrs of both families in one rule', policy({
      egress: [{
        to: [
          { ipBlock: { cidr: '0.0.0.0/0' } }, { ipBlock: { cidr: '::/0' } }, { ipBlock: { cidr: '10.0.0.1/32' } }, { ipBlock: { cidr: '2001:db8::1/128' } },
        ],
      }],
    })],
    ['empty selectors anywhere', policy({ podSelector: {}, ingress: [{ from: [{ podSelector: {}, namespaceSelector: {} }, { namespaceSelector: {} }] }] })],
    ['well-known labels and empty values', policy({
      podSelector: { matchLabels: { app: '' } },
      egress: [{ to: [{ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'kube-system' } } }] }],
    })],
    ['mixed-case annotation keys, a 253-character name', policy({}, { name: `${'a'.repeat(100)}.${'b'.repeat(152)}`, annotations: { 'Example.COM/Owner': 'x' } })],
    ['many rules', policy({ ingress: Array.from({ length: 200 }, (_, i) => ({ ports: [{ port: i + 1 }] })) })],
    ['null fields', policy({ podSelector: null, ingress: null, egress: [{ to: null, ports: [{ protocol: null, port: 80 }] }], policyTypes: null })],
  ])('%s', (_name, manifest) => {
    expect(NetworkPolicyValidator.check(manifest)).toEqual([]);
  });

  test('a non-canonical IPv6 cidr is accepted with a warning only', () => {
    for (const cidr of ['2001:DB8::/32', '2001:db8:0::/48']) {
      expect(brief(NetworkPolicyValidator.check(policy({ egress: [{ to: [{ ipBlock: { cidr } }] }] })))).toEqual([
        ['spec.egress[0].to[0].ipBlock.cidr', W, 'NP-VAL-CIDR-WARNING'],
      ]);
    }
  });
});

describe('options', () => {
  const hostBits = policy({ egress: [{ to: [{ ipBlock: { cidr: '10.0.0.1/24', except: ['010.0.0.0/28'] } }] }] });

  test('strict CIDR validation is the default', () => {
    expect(NetworkPolicyValidator.check(hostBits)).toEqual(NetworkPolicyValidator.check(hostBits, { strictCidr: true }));
    expect(brief(NetworkPolicyValidator.check(hostBits))).toEqual([
      ['spec.egress[0].to[0].ipBlock.cidr', E, 'NP-VAL-CIDR-STRICT'],
      ['spec.egress[0].to[0].ipBlock.except[0]', E, 'NP-VAL-CIDR-STRICT'],
    ]);
  });

  test('strictCidr: false accepts them with the warnings of Kubernetes 1.33-1.35', () => {
    expect(brief(NetworkPolicyValidator.check(hostBits, { strictCidr: false }))).toEqual([
      ['spec.egress[0].to[0].ipBlock.cidr', W, 'NP-VAL-CIDR-WARNING'],
      ['spec.egress[0].to[0].ipBlock.except[0]', W, 'NP-VAL-CIDR-WARNING'],
    ]);
  });
});

describe('isNetworkPolicy', () => {
  test.each([
    [{ apiVersion: 'networking.k8s.io/v1', kind: 'NetworkPolicy' }, true],
    [{ apiVersion: 'networking.k8s.io/v1beta1', kind: 'NetworkPolicy' }, true],
    [{ apiVersion: 'extensions/v1beta1', kind: 'NetworkPolicy' }, false],
    [{ apiVersion: 'policy.networking.k8s.io/v1alpha2', kind: 'ClusterNetworkPolicy' }, false],
    [{ apiVersion: 'networking.k8s.io/v1', kind: 'Ingress' }, false],
    [{ kind: 'NetworkPolicy' }, false],
    [null, false],
    ['NetworkPolicy', false],
  ])('%j: %s', (manifest, expected) => {
    expect(NetworkPolicyValidator.isNetworkPolicy(manifest)).toBe(expected);
  });
});

describe('format', () => {
  const findings = NetworkPolicyValidator.check(policy({
    ingress: [{ ports: [{ port: 0 }] }],
    egress: [{ to: [{ ipBlock: { cidr: '2001:DB8::/32' } }] }],
  }));

  test('a finding reads like a kubectl cause', () => {
    expect(NetworkPolicyValidator.format(findings[0])).toBe('spec.ingress[0].ports[0].port: Invalid value: 0: must be between 1 and 65535, inclusive');
  });

  test('a finding about the whole document has no field prefix', () => {
    const [finding] = NetworkPolicyValidator.check('x');
    expect(NetworkPolicyValidator.format(finding)).toBe(finding.message);
  });

  test('formatAll puts one finding per line and marks warnings', () => {
    expect(NetworkPolicyValidator.formatAll(findings)).toBe([
      'spec.ingress[0].ports[0].port: Invalid value: 0: must be between 1 and 65535, inclusive',
      'Warning: spec.egress[0].to[0].ipBlock.cidr: IPv6 CIDR value "2001:DB8::/32" should be in RFC 5952 canonical format ("2001:db8::/32")',
    ].join('\n'));
    expect(NetworkPolicyValidator.formatAll([])).toBe('');
  });
});

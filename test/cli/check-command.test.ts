import * as path from 'path';
import { checkCommand } from '../../src/cli/check-command';

const fixture = (name: string) => path.join('test', 'cli', 'fixtures', name);

describe('check', () => {
  test('prints one line per problem as <file>:<line> <ns>/<name>: <field>: <message> and exits 1', () => {
    const result = checkCommand([fixture('invalid.yaml')]);
    expect(result.exitCode).toBe(1);
    const lines = result.stdout.trim().split('\n');
    expect(lines).toEqual([
      `${fixture('invalid.yaml')}:1 shop/bad-ports: spec.ingress[0].ports[0].port: Invalid value: 0: must be between 1 and 65535, inclusive`,
      `${fixture('invalid.yaml')}:1 shop/bad-ports: spec.ingress[0].ports[1].port: Invalid value: "8080": must contain at least one letter (a-z)`,
      `${fixture('invalid.yaml')}:1 shop/bad-ports: spec.ingress[0].ports[2].endPort: Invalid value: 0: must be greater than or equal to \`port\``,
      `${fixture('invalid.yaml')}:1 shop/bad-ports: spec.ingress[0].ports[2].endPort: Invalid value: 0: must be between 1 and 65535, inclusive`,
      expect.stringMatching(/^\S+invalid\.yaml:17 shop\/Bad_Name: metadata\.name: Invalid value: "Bad_Name": a lowercase RFC 1123 subdomain/),
      `${fixture('invalid.yaml')}:17 shop/Bad_Name: spec.egress[0].to[0].ipBlock.cidr: Invalid value: "10.0.0.1/24": must not have bits set beyond the prefix length`,
      `${fixture('invalid.yaml')}:17 shop/Bad_Name: spec.egress[0].to[0].ipBlock.except[0]: Invalid value: "10.0.0.0/24": must be a strict subset of \`cidr\``,
    ]);
    expect(result.stderr).toBe('checked 2 NetworkPolicies in 3 object(s): 7 error(s), 0 warning(s)\n');
  });

  test('valid policies exit 0 with no problem lines', () => {
    const result = checkCommand([fixture('shop.yaml')]);
    expect(result).toEqual({ exitCode: 0, stdout: '', stderr: 'checked 3 NetworkPolicies in 9 object(s): 0 error(s), 0 warning(s)\n' });
  });

  test('warnings are printed but do not fail the check', () => {
    const result = checkCommand([fixture('warning.yaml')]);
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toContain('spec.egress[0].to[0].ipBlock.cidr: warning: IPv6 CIDR value "2001:DB8::/32" should be in RFC 5952 canonical format');
  });

  test('--cidr legacy accepts the host bits that older servers accepted', () => {
    const strict = checkCommand([fixture('invalid.yaml')]).stdout;
    const legacy = checkCommand(['--cidr', 'legacy', fixture('invalid.yaml')]).stdout;
    expect(strict).toContain('must not have bits set beyond the prefix length');
    expect(legacy).not.toContain('must not have bits set beyond the prefix length');
  });

  test('a NetworkPolicy under a removed API group is reported, not skipped', () => {
    const result = checkCommand([fixture('old-api.yaml')]);
    expect(result.exitCode).toBe(1);
    expect(result.stdout).toMatch(/old-api\.yaml:1 default\/legacy: apiVersion: .*extensions\/v1beta1/);
  });

  test('keeps going past unusable documents, checks policies in nested Lists, and keeps each problem on one line', () => {
    const result = checkCommand([fixture('mixed.yaml'), fixture('shop.yaml')]);
    expect(result.exitCode).toBe(1);
    const mixed = fixture('mixed.yaml');
    expect(result.stdout.split('\n').filter(Boolean)).toEqual([
      expect.stringMatching(new RegExp(`^${mixed}:9: malformed YAML at line 9, column \\d+: `)),
      `${mixed}:17 items[0].items[0] shop/nested: spec.ingress[0].ports[0].port: Invalid value: 0: must be between 1 and 65535, inclusive`,
      `${mixed}:25: not a Kubernetes object: it has no apiVersion (kubectl refuses an object without apiVersion and kind)`,
      expect.stringMatching(new RegExp(`^${mixed}:29 shop/evil\\\\x1b\\[31m\\\\nname: spec\\.policyTypes\\[0\\]: json: cannot unmarshal bool into Go struct field NetworkPolicySpec\\.spec\\.policyTypes of type v1\\.PolicyType$`)),
      expect.stringMatching(new RegExp(`^${mixed}:29 shop/evil\\\\x1b\\[31m\\\\nname: metadata\\.name: Invalid value: "evil\\\\x1b\\[31m\\\\nname": a lowercase RFC 1123 subdomain `)),
    ]);
    expect(result.stdout).not.toMatch(/\x1b/);
    expect(result.stderr).toBe('checked 6 NetworkPolicies in 12 object(s): 5 error(s), 0 warning(s); 2 input(s) could not be used\n');
  });

  test('--format json: one entry per policy and per unusable document, as DESIGN §5 says', () => {
    const result = checkCommand(['--format', 'json', fixture('mixed.yaml')]);
    expect(result.exitCode).toBe(1);
    const { documents } = JSON.parse(result.stdout);
    const mixed = fixture('mixed.yaml');
    expect(documents).toEqual([
      { file: mixed, doc: 0, line: 2, item: '', kind: 'NetworkPolicy', namespace: 'shop', name: 'fine', valid: true, errors: [], warnings: [] },
      {
        file: mixed,
        doc: 1,
        line: 9,
        item: '',
        kind: null,
        namespace: null,
        name: null,
        valid: false,
        errors: [{ field: '', message: expect.stringMatching(/^malformed YAML/), rule: 'NP-INPUT-DOCUMENT' }],
        warnings: [],
      },
      {
        file: mixed,
        doc: 2,
        line: 17,
        item: 'items[0].items[0]',
        kind: 'NetworkPolicy',
        namespace: 'shop',
        name: 'nested',
        valid: false,
        errors: [{ field: 'spec.ingress[0].ports[0].port', message: 'Invalid value: 0: must be between 1 and 65535, inclusive', rule: expect.any(String) }],
        warnings: [],
      },
      {
        file: mixed,
        doc: 3,
        line: 25,
        item: '',
        kind: null,
        namespace: null,
        name: null,
        valid: false,
        errors: [{ field: '', message: expect.stringMatching(/has no apiVersion/), rule: 'NP-INPUT-DOCUMENT' }],
        warnings: [],
      },
      expect.objectContaining({ file: mixed, doc: 4, line: 29, name: 'evil\x1b[31m\nname', valid: false }),
    ]);
  });

  test('a missing file among others is reported and the others are checked', () => {
    const result = checkCommand(['--format', 'json', 'nope.yaml', fixture('shop.yaml')]);
    expect(result.exitCode).toBe(1);
    expect(JSON.parse(result.stdout).documents[0]).toEqual({
      file: 'nope.yaml',
      doc: null,
      line: null,
      item: '',
      kind: null,
      namespace: null,
      name: null,
      valid: false,
      errors: [{ field: '', message: 'no such file or folder', rule: 'NP-INPUT-FILE' }],
      warnings: [],
    });
  });

  test('reads stdin for -', () => {
    const result = checkCommand(['-'], { stdin: () => Buffer.from('apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: a}\nspec: {podSelector: {}, policyTypes: [Ingress, on]}\n') });
    expect(result.stdout).toMatch(/^-:1 default\/a: spec\.policyTypes\[1\]: /);
  });

  test('a kubectl dump: every policy of the List checked, located by its line and place', () => {
    const dump = path.join('test', 'cli', 'fixtures', 'dump');
    const result = checkCommand(['--format', 'json', dump]);
    expect(result.exitCode).toBe(0);
    expect(result.stderr).toBe('checked 5 NetworkPolicies in 35 object(s): 0 error(s), 0 warning(s)\n');
    expect(JSON.parse(result.stdout).documents.map((d: any) => `${path.basename(d.file)}:${d.line} ${d.item} ${d.namespace}/${d.name}`)).toEqual([
      'policies.yaml:4 items[0] kube-system/coredns',
      'policies.yaml:43 items[1] shop/default-deny',
      'policies.yaml:56 items[2] shop/web-from-outside',
      'policies.yaml:79 items[3] shop/api-from-web',
      'policies.yaml:109 items[4] shop/db-from-api',
    ]);
  });
});

describe('check ClusterNetworkPolicies', () => {
  const file = fixture('cluster-policies.yaml');

  test('are validated against the standard channel by default; other APIs\' kinds of that name are not ours to check', () => {
    const result = checkCommand([file]);
    expect(result.exitCode).toBe(1);
    expect(result.stdout.trim().split('\n')).toEqual([
      `${file}:27 ClusterNetworkPolicy/broken: spec.tier: Unsupported value: "admin": supported values: "Admin", "Baseline"`,
      `${file}:27 ClusterNetworkPolicy/broken: Invalid value: null: some validation rules were not checked because the object was invalid; `
        + 'correct the existing errors to complete validation',
      expect.stringMatching(new RegExp(`^${file.replace(/\./g, '\\.')}:37 ClusterNetworkPolicy/control-plane: spec\\.egress\\[0\\]\\.to\\[0\\]\\.nodes: `
        + 'unknown field "nodes": the nodes peer exists only in the experimental channel')),
      `${file}:37 ClusterNetworkPolicy/control-plane: spec.egress[0].to[0]: Invalid value: 0: spec.egress[0].to[0] in body should have at least 1 properties`,
    ]);
    expect(result.stderr).toBe('checked 0 NetworkPolicies and 3 ClusterNetworkPolicies in 4 object(s): 4 error(s), 0 warning(s)\n');
  });

  test('--channel experimental knows the nodes peer', () => {
    const result = checkCommand(['--channel', 'experimental', file]);
    expect(result.stdout).not.toContain('control-plane');
    expect(result.stderr).toContain('2 error(s)');
  });

  test('--channel takes standard or experimental only', () => {
    expect(() => checkCommand(['--channel', 'beta', file])).toThrow('--channel must be one of standard, experimental, not "beta"');
  });
});

import * as path from 'path';
import { checkCommand } from '../../src/cli/check-command';

const fixture = (name: string) => path.join('test', 'cli', 'fixtures', name);

describe('check', () => {
  test('prints one line per problem as <file>:<doc> <ns>/<name>: <field>: <message> and exits 1', () => {
    const result = checkCommand([fixture('invalid.yaml')]);
    expect(result.exitCode).toBe(1);
    const lines = result.stdout.trim().split('\n');
    expect(lines).toEqual([
      `${fixture('invalid.yaml')}:0 shop/bad-ports: spec.ingress[0].ports[0].port: Invalid value: 0: must be between 1 and 65535, inclusive`,
      `${fixture('invalid.yaml')}:0 shop/bad-ports: spec.ingress[0].ports[1].port: Invalid value: "8080": must contain at least one letter (a-z)`,
      `${fixture('invalid.yaml')}:0 shop/bad-ports: spec.ingress[0].ports[2].endPort: Invalid value: 0: must be greater than or equal to \`port\``,
      `${fixture('invalid.yaml')}:0 shop/bad-ports: spec.ingress[0].ports[2].endPort: Invalid value: 0: must be between 1 and 65535, inclusive`,
      expect.stringMatching(/^\S+invalid\.yaml:2 shop\/Bad_Name: metadata\.name: Invalid value: "Bad_Name": a lowercase RFC 1123 subdomain/),
      `${fixture('invalid.yaml')}:2 shop/Bad_Name: spec.egress[0].to[0].ipBlock.cidr: Invalid value: "10.0.0.1/24": must not have bits set beyond the prefix length`,
      `${fixture('invalid.yaml')}:2 shop/Bad_Name: spec.egress[0].to[0].ipBlock.except[0]: Invalid value: "10.0.0.0/24": must be a strict subset of \`cidr\``,
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
    expect(result.stdout).toMatch(/old-api\.yaml:0 default\/legacy: apiVersion: .*extensions\/v1beta1/);
  });
});

describe('check ClusterNetworkPolicies', () => {
  const file = fixture('cluster-policies.yaml');

  test('are validated against the standard channel by default; other APIs\' kinds of that name are not ours to check', () => {
    const result = checkCommand([file]);
    expect(result.exitCode).toBe(1);
    expect(result.stdout.trim().split('\n')).toEqual([
      `${file}:1 ClusterNetworkPolicy/broken: spec.tier: Unsupported value: "admin": supported values: "Admin", "Baseline"`,
      `${file}:1 ClusterNetworkPolicy/broken: Invalid value: null: some validation rules were not checked because the object was invalid; `
        + 'correct the existing errors to complete validation',
      expect.stringMatching(new RegExp(`^${file.replace(/\./g, '\\.')}:2 ClusterNetworkPolicy/control-plane: spec\\.egress\\[0\\]\\.to\\[0\\]\\.nodes: `
        + 'unknown field "nodes": the nodes peer exists only in the experimental channel')),
      `${file}:2 ClusterNetworkPolicy/control-plane: spec.egress[0].to[0]: Invalid value: 0: spec.egress[0].to[0] in body should have at least 1 properties`,
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

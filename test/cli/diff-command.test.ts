import * as path from 'path';
import { diffCommand } from '../../src/cli/diff-command';
import { UsageError } from '../../src/cli/usage-error';

const before = path.join('test', 'cli', 'fixtures', 'shop.yaml');
const after = path.join('test', 'cli', 'fixtures', 'shop-changed.yaml');

describe('diff', () => {
  test('json: what the change opens and closes, with the policies and rules responsible', () => {
    const result = diffCommand(['--format', 'json', before, after]);
    expect(JSON.parse(result.stdout)).toEqual({
      added: [{
        from: 'shop/web',
        to: 'shop/db',
        protocol: 'TCP',
        ports: [[5432, 5432]],
        policies: ['shop/db-from-api'],
        rules: [expect.objectContaining({ policy: 'shop/db-from-api', direction: 'Ingress', ruleIndex: 1 })],
      }],
      removed: [{
        from: 'monitoring/prometheus',
        to: 'shop/api',
        protocol: 'TCP',
        ports: [[9090, 9090]],
        policies: ['shop/api-from-web'],
        rules: [expect.objectContaining({ policy: 'shop/api-from-web', direction: 'Ingress', ruleIndex: 1 })],
      }],
    });
    // It opens a connection, so --fail-on added (the default) fails.
    expect(result.exitCode).toBe(1);
  });

  test('--fail-on decides what fails', () => {
    expect(diffCommand(['--fail-on', 'none', before, after]).exitCode).toBe(0);
    expect(diffCommand(['--fail-on', 'any', before, after]).exitCode).toBe(1);
    // Reversed, the change opens prometheus -> api (and closes web -> db).
    expect(diffCommand(['--fail-on', 'added', after, before]).exitCode).toBe(1);
    expect(diffCommand(['--fail-on', 'any', before, before]).exitCode).toBe(0);
  });

  test('text and markdown (a summary line first, fit for a pull-request comment)', () => {
    expect(diffCommand([before, after]).stdout).toMatchSnapshot();
    const markdown = diffCommand(['--format', 'markdown', before, after]).stdout;
    expect(markdown.split('\n')[0]).toBe('**cdk8s-netpol diff**: opens 1 connection, closes 1 (workload pairs gaining or losing ports).');
    expect(markdown).toMatchSnapshot();
  });

  test('needs exactly two inputs', () => {
    expect(() => diffCommand([before])).toThrow(UsageError);
    expect(() => diffCommand([before, after, after])).toThrow('give exactly two inputs');
  });
});

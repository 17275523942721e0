import { strictCidr } from '../../src/cli/cidr-option';
import { parseArgs } from '../../src/cli/parse-args';

describe('--cidr', () => {
  test.each([
    [[], true],
    [['--cidr', 'strict'], true],
    [['--cidr', 'legacy'], false],
  ])('%j gives strict = %s', (args, strict) => {
    expect(strictCidr(parseArgs(args, ['cidr']))).toBe(strict);
  });

  test('anything else names the choices', () => {
    expect(() => strictCidr(parseArgs(['--cidr', 'loose'], ['cidr']))).toThrow('--cidr must be one of strict, legacy, not "loose"');
  });
});

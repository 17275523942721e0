import { benchArgs } from '../../bench/bench-args';

const USAGE = 'usage: bench [--scale S] [--seed N] [--json]';
const read = (...argv: string[]) => {
  const { values, switches } = benchArgs(argv, USAGE, ['scale', 'seed'], ['json']);
  return { values: Object.fromEntries(values), switches: [...switches] };
};

describe('benchArgs', () => {
  test.each([
    [[], {}, []],
    [['--scale', 'M,L', '--json'], { scale: 'M,L' }, ['json']],
    [['--json', '--seed', '7', '--scale', 'S'], { seed: '7', scale: 'S' }, ['json']],
    [['--scale', 'S', '--scale', 'L'], { scale: 'L' }, []],
  ])('%j', (argv, values, switches) => {
    expect(read(...argv)).toEqual({ values, switches });
  });

  test.each([
    [['--size', 'M']],
    [['--scale']],
    [['scale', 'M']],
    [['--json', 'extra']],
    [['--seed', 'x']],
    [['--seed', '-1']],
  ])('refuses %j with the usage', (argv) => {
    expect(() => read(...argv)).toThrow(USAGE);
  });
});

/**
 * How property tests draw their inputs. A test run replays recorded seeds, so that it fails for a
 * change in the code and never for an unlucky draw, and CI's verdict is the one a developer gets.
 * New inputs are explored on purpose: `npm run test:soak` sets `FC_SEED=random` and
 * `FC_RUNS_FACTOR=10`; a failure prints the seed that `FC_SEED=<seed>` replays.
 */

/** `n` runs as written, times `FC_RUNS_FACTOR` when a soak asks for more. */
export function runs(n: number): number {
  const factor = Number(process.env.FC_RUNS_FACTOR ?? 1);
  if (!Number.isInteger(factor) || factor < 1) {
    throw new RangeError(`FC_RUNS_FACTOR must be a whole number of at least 1, not ${JSON.stringify(process.env.FC_RUNS_FACTOR)}`);
  }
  return n * factor;
}

/** The `seed` parameter of a property: `recorded` unless `FC_SEED` names another, or none for `random`. */
export function seeded(recorded: number): { seed?: number } {
  const seed = process.env.FC_SEED;
  if (seed === undefined) {
    return { seed: recorded };
  }
  if (seed === 'random') {
    return {};
  }
  if (!/^-?\d+$/.test(seed)) {
    throw new RangeError(`FC_SEED must be an integer or "random", not ${JSON.stringify(seed)}`);
  }
  return { seed: Number(seed) };
}

// Every property test draws from a recorded seed, or as FC_SEED and FC_RUNS_FACTOR say (property-runs.ts).
import * as fc from 'fast-check';
import { runs, seeded } from './property-runs';

fc.configureGlobal({ numRuns: runs(100), ...seeded(20261206) });

import { ReachabilityMatrix } from '../analysis/reachability-matrix';

/** What every rendering of a matrix is titled: `Reachability on TCP/5432`. */
export function matrixTitle(matrix: ReachabilityMatrix): string {
  return `Reachability on ${matrix.protocol}/${matrix.portName ?? matrix.port}`;
}

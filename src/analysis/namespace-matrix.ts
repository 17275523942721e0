import type { ReachabilityMatrix } from './reachability-matrix';
import { Protocol } from '../k8s/protocol';

/** How many of the workload pairs between two namespaces a matrix allows. */
export enum Coverage {
  /** Every pair. */
  ALL = 'all',
  /** Some pairs, not all. */
  SOME = 'some',
  /** No pair (also when there is no pair to allow). */
  NONE = 'none',
}

/** `ALL`, `SOME` or `NONE` for `allowed` of `pairs`. */
export function coverageOf(allowed: number, pairs: number): Coverage {
  return allowed === 0 ? Coverage.NONE : allowed === pairs ? Coverage.ALL : Coverage.SOME;
}

/**
 * A reachability matrix summarized by namespace: for each source namespace and destination
 * namespace, whether all, some or none of the pairs of distinct workloads are allowed on the
 * port. Made by `ReachabilityMatrix.byNamespace()`.
 *
 * @example
 * const summary = evaluator.matrix({ port: 5432 }).byNamespace();
 * for (const from of summary.namespaces) {
 *   console.log(from, summary.namespaces.map((to) => summary.coverage(from, to)).join(' '));
 * }
 */
export class NamespaceMatrix {
  /** @internal */
  public static _create(matrix: ReachabilityMatrix, namespaces: string[], cells: Coverage[][]): NamespaceMatrix {
    return new NamespaceMatrix(matrix, namespaces, cells);
  }

  /** The namespaces that hold workloads, sorted. */
  public readonly namespaces: string[];

  /**
   * The port number of the matrix.
   *
   * @default - a port name was queried
   */
  public readonly port?: number;

  /**
   * The container port name of the matrix.
   *
   * @default - a port number was queried
   */
  public readonly portName?: string;

  /** The protocol. */
  public readonly protocol: Protocol;

  private readonly position: ReadonlyMap<string, number>;

  private constructor(matrix: ReachabilityMatrix, namespaces: string[], private readonly cells: Coverage[][]) {
    this.namespaces = namespaces;
    this.port = matrix.port;
    this.portName = matrix.portName;
    this.protocol = matrix.protocol;
    this.position = new Map(namespaces.map((n, i) => [n, i]));
  }

  /** How many workload pairs from namespace `source` to namespace `destination` are allowed. */
  public coverage(source: string, destination: string): Coverage {
    const [from, to] = [this.position.get(source), this.position.get(destination)];
    return from === undefined || to === undefined ? Coverage.NONE : this.cells[from][to];
  }

  /** `{ port, protocol, namespaces, allowed: { <source>: { <destination>: "all" | "some" | "none" } } }`. */
  public toJson(): any {
    const row = (a: number) => Object.fromEntries(this.namespaces.map((to, b) => [to, this.cells[a][b]]));
    const allowed = Object.fromEntries(this.namespaces.map((from, a) => [from, row(a)]));
    return { port: this.portName ?? this.port, protocol: this.protocol, namespaces: this.namespaces, allowed };
  }
}

import { ClusterModel } from './cluster-model';
import { closeMatches } from './endpoint';
import { ClassMatrix } from './matrix-builder';
import { CheckedPortQuery } from './port-target';
import { Protocol } from '../policy/protocol';

/**
 * Which workloads can reach which, on one port and protocol. Rows are sources, columns are
 * destinations; endpoints are every workload and pod of the model as `namespace/name`.
 *
 * @example
 * const matrix = new Evaluator(model).matrix({ port: 5432 });
 * matrix.isAllowed('prod/api', 'prod/db'); // true
 * fs.writeFileSync('matrix.json', JSON.stringify(matrix.toJson()));
 */
export class ReachabilityMatrix {
  /** @internal */
  public static _create(model: ClusterModel, query: CheckedPortQuery, classes: ClassMatrix): ReachabilityMatrix {
    return new ReachabilityMatrix(model, query, classes);
  }

  /** Every workload and pod, as `namespace/name`, sorted. */
  public readonly endpoints: string[];

  /** The port as queried: a number or a port name. */
  public readonly port: string;

  /** The protocol. */
  public readonly protocol: Protocol;

  private readonly classOf = new Map<string, number>();
  private readonly classSizes: readonly number[];
  private readonly selfTraffic: boolean;
  private readonly portName?: string;

  private constructor(model: ClusterModel, query: CheckedPortQuery, private readonly classes: ClassMatrix) {
    model.workloads.forEach((workload, i) => this.classOf.set(workload.endpoint, model._index.classOfWorkload[i]));
    this.classSizes = model._index.classSizes;
    this.endpoints = [...this.classOf.keys()].sort();
    this.port = query.label;
    this.portName = query.portName;
    this.protocol = query.protocol;
    this.selfTraffic = model._index.options.allowSelfTraffic;
  }

  /**
   * Whether `source` can reach `destination` (both `namespace/name` of workloads or pods).
   */
  public isAllowed(source: string, destination: string): boolean {
    return this.allowedBetween(this.classIdOf(source, 'source'), this.classIdOf(destination, 'destination'), source === destination);
  }

  /**
   * @internal How many (source, destination) pairs of `endpoints` are allowed, a workload paired
   * with itself included: the number of `true` cells of `toJson()`, without visiting them.
   */
  public _countAllowedPairs(): number {
    let count = this.classes.countPairs(this.classSizes);
    if (this.selfTraffic) {
      // countPairs read a workload paired with itself as two pods of its class; with the option it is a pod reaching itself.
      this.classSizes.forEach((size, c) => {
        count += size * (Number(this.classes.hasPort.has(c)) - Number(this.classes.has(c, c)));
      });
    }
    return count;
  }

  /**
   * The matrix as JSON: `{ port, protocol, pods: [...], allowed: { <source>: { <destination>: boolean } } }`
   * (`port` is a number, or the port name when one was queried).
   */
  public toJson(): any {
    const classIds = this.endpoints.map((e) => this.classOf.get(e)!);
    const allowed: Record<string, Record<string, boolean>> = {};
    this.endpoints.forEach((source, i) => {
      const row: Record<string, boolean> = (allowed[source] = {});
      this.endpoints.forEach((destination, j) => {
        row[destination] = this.allowedBetween(classIds[i], classIds[j], i === j);
      });
    });
    return { port: this.portName ?? Number(this.port), protocol: this.protocol, pods: this.endpoints, allowed };
  }

  /** `same`: the source and the destination are the same workload. */
  private allowedBetween(sourceClass: number, destinationClass: number, same: boolean): boolean {
    if (same && this.selfTraffic) {
      // A pod can always reach itself, on any port it has.
      return this.classes.hasPort.has(destinationClass);
    }
    return this.classes.has(sourceClass, destinationClass);
  }

  private classIdOf(endpoint: string, role: string): number {
    const id = this.classOf.get(endpoint);
    if (id === undefined) {
      const matches = closeMatches(endpoint, this.endpoints);
      throw new Error(`NP-INPUT[${role}]: unknown endpoint "${endpoint}"` + (matches.length > 0 ? `; close matches: ${matches.join(', ')}` : ''));
    }
    return id;
  }
}

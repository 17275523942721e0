import { ClusterModel } from './cluster-model';
import { closeMatches } from './endpoint';
import { ClassMatrix } from './matrix-builder';
import { CheckedPortQuery } from './port-target';
import { InputError } from '../k8s/input-error';
import { Protocol } from '../k8s/protocol';

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

  /**
   * The port number queried.
   *
   * @default - a port name was queried
   */
  public readonly port?: number;

  /**
   * The container port name queried, resolved on each destination.
   *
   * @default - a port number was queried
   */
  public readonly portName?: string;

  /** The protocol. */
  public readonly protocol: Protocol;

  /** @internal The matrix between pod classes that the workload pairs are read from. */
  public readonly _classes: ClassMatrix;

  private readonly classOf = new Map<string, number>();
  private readonly selfTraffic: boolean;
  /** The one node of a hostNetwork workload, whose traffic is that node's. */
  private readonly hostNode = new Map<string, string>();
  /** The one node all pods of a workload on the pod network run on. */
  private readonly podNode = new Map<string, string>();

  private constructor(model: ClusterModel, query: CheckedPortQuery, classes: ClassMatrix) {
    this._classes = classes;
    model.workloads.forEach((workload, i) => {
      this.classOf.set(workload.endpoint, model._index.classOfWorkload[i]);
      if (workload.nodes.length === 1 && model._index.options.allowNodeTraffic) {
        (workload.hostNetwork ? this.hostNode : this.podNode).set(workload.endpoint, workload.nodes[0]);
      }
    });
    this.endpoints = [...this.classOf.keys()].sort();
    this.port = query.port;
    this.portName = query.portName;
    this.protocol = query.protocol;
    this.selfTraffic = model._index.options.allowSelfTraffic;
  }

  /**
   * Whether `source` can reach `destination` (both `namespace/name` of workloads or pods).
   */
  public isAllowed(source: string, destination: string): boolean {
    return this.allowedBetween(this.classIdOf(source, 'source'), this.classIdOf(destination, 'destination'), this.exempt(source, destination));
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
        row[destination] = this.allowedBetween(classIds[i], classIds[j], this.exempt(source, destination));
      });
    });
    return { port: this.portName ?? this.port, protocol: this.protocol, pods: this.endpoints, allowed };
  }

  /**
   * Whether Kubernetes allows the pair whatever the policies say: a workload paired with itself
   * (a pod reaching itself), or a hostNetwork workload on one node (its traffic is the node's)
   * paired with a workload whose pods all run on that node.
   */
  private exempt(source: string, destination: string): boolean {
    if (source === destination) {
      return this.selfTraffic;
    }
    const node = this.hostNode.get(source);
    return node !== undefined && this.podNode.get(destination) === node;
  }

  /** `exempt`: Kubernetes allows the pair on any port the destination has. */
  private allowedBetween(sourceClass: number, destinationClass: number, exempt: boolean): boolean {
    if (exempt) {
      return this._classes.hasPort.has(destinationClass);
    }
    return this._classes.has(sourceClass, destinationClass);
  }

  private classIdOf(endpoint: string, role: string): number {
    const id = this.classOf.get(endpoint);
    if (id === undefined) {
      const matches = closeMatches(endpoint, this.endpoints);
      throw new InputError(role, [`unknown endpoint "${endpoint}"`, ...(matches.length > 0 ? [`close matches: ${matches.join(', ')}`] : [])]);
    }
    return id;
  }
}

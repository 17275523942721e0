import { ClusterModel } from './cluster-model';
import { closeMatches } from './endpoint';
import { ClassMatrix } from './matrix-builder';
import { coverageOf, NamespaceMatrix } from './namespace-matrix';
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
  private readonly namespaces = new Map<string, string>();
  private readonly selfTraffic: boolean;
  /** The one node of a hostNetwork workload, whose traffic is that node's. */
  private readonly hostNode = new Map<string, string>();
  /** The one node all pods of a workload on the pod network run on. */
  private readonly podNode = new Map<string, string>();

  private constructor(model: ClusterModel, query: CheckedPortQuery, classes: ClassMatrix) {
    this._classes = classes;
    model.workloads.forEach((workload, i) => {
      this.classOf.set(workload.endpoint, model._index.classOfWorkload[i]);
      this.namespaces.set(workload.endpoint, workload.namespaceName);
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
    const allowed: Record<string, Record<string, boolean>> = {};
    this._forEachRow((i, allowedTo) => {
      const row: Record<string, boolean> = (allowed[this.endpoints[i]] = {});
      this.endpoints.forEach((destination, j) => {
        row[destination] = allowedTo(j);
      });
    });
    return { port: this.portName ?? this.port, protocol: this.protocol, pods: this.endpoints, allowed };
  }

  /**
   * How many pairs of distinct workloads between each two namespaces are allowed: all, some or
   * none. A compact view of a matrix too large to read pair by pair.
   *
   * @example
   * const summary = evaluator.matrix({ port: 443 }).byNamespace();
   * summary.coverage('shop', 'payments'); // Coverage.SOME
   */
  public byNamespace(): NamespaceMatrix {
    const namespaceOf = this.endpoints.map((e) => this.namespaces.get(e)!);
    const names = [...new Set(namespaceOf)].sort();
    const position = new Map(names.map((n, i) => [n, i]));
    const at = namespaceOf.map((n) => position.get(n)!);
    const sizes = names.map(() => 0);
    at.forEach((n) => sizes[n]++);
    const allowed = names.map(() => names.map(() => 0));
    this._forEachRow((i, allowedTo) => {
      const row = allowed[at[i]];
      for (let j = 0; j < this.endpoints.length; j++) {
        if (j !== i && allowedTo(j)) {
          row[at[j]]++;
        }
      }
    });
    const pairs = (a: number, b: number) => sizes[a] * sizes[b] - (a === b ? sizes[a] : 0);
    return NamespaceMatrix._create(this, names, names.map((_, a) => names.map((__, b) => coverageOf(allowed[a][b], pairs(a, b)))));
  }

  /**
   * Calls `visit` for each source, in `endpoints` order, with a test of each destination by its
   * position in `endpoints`: the way to read a large matrix row by row.
   *
   * @internal
   */
  public _forEachRow(visit: (source: number, allowedTo: (destination: number) => boolean) => void): void {
    const classIds = this.endpoints.map((e) => this.classOf.get(e)!);
    const podNodes = this.endpoints.map((e) => this.podNode.get(e));
    this.endpoints.forEach((source, i) => {
      const node = this.hostNode.get(source);
      visit(i, (j) => this.allowedBetween(classIds[i], classIds[j], i === j ? this.selfTraffic : node !== undefined && podNodes[j] === node));
    });
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

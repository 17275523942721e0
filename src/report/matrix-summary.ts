/* eslint-disable no-bitwise -- reads the class matrix's bitsets word by word */
import { ClusterModel } from '../analysis/cluster-model';
import { ReachabilityMatrix } from '../analysis/reachability-matrix';

/** The allowed workload pairs of one namespace on one port. */
export interface NamespaceReach {
  readonly namespace: string;
  readonly workloads: number;
  /** Pairs from one of its workloads to a workload of another namespace. */
  readonly allowedOut: number;
  /** Pairs from a workload of another namespace to one of its workloads. */
  readonly allowedIn: number;
  /** Pairs within the namespace, a workload reaching itself included. */
  readonly allowedWithin: number;
}

/** A matrix told by its counts: the size of a summary grows with the namespaces, not with the pairs. */
export interface MatrixSummary {
  readonly workloads: number;
  /** Ordered workload pairs allowed, a workload paired with itself included (the `true` cells of the full matrix). */
  readonly allowedPairs: number;
  /** The namespaces that have workloads, by name. */
  readonly namespaces: NamespaceReach[];
  /** Allowed pairs between two different namespaces (indexes into `namespaces`), the largest first, at most 300. */
  readonly edges: Array<[number, number, number]>;
}

/** Beyond this many namespaces with workloads, the pairs of namespaces are not counted (their table would be the quadratic thing). */
const MAX_NAMESPACE_PAIRS_SIDE = 3000;

/** A summary keeps the largest flows between namespaces, up to this many. */
const MAX_EDGES = 300;

/** The reports of one synthesis summarize the same matrices: each is counted once. */
const SUMMARIES = new WeakMap<ReachabilityMatrix, MatrixSummary>();

/**
 * Counts a matrix's allowed workload pairs per namespace, from its class matrix: classes of a
 * namespace are consecutive, and each pair of classes stands for the product of their sizes.
 */
export function summarizeMatrix(matrix: ReachabilityMatrix, model: ClusterModel): MatrixSummary {
  let summary = SUMMARIES.get(matrix);
  if (summary === undefined) {
    summary = countPairs(matrix, model);
    SUMMARIES.set(matrix, summary);
  }
  return summary;
}

function countPairs(matrix: ReachabilityMatrix, model: ClusterModel): MatrixSummary {
  const index = model._index;
  const classes = matrix._classes;
  const sizes = index.classSizes;
  const size = index.classes.length;
  const self = index.options.allowSelfTraffic;
  const namespaceOfClass = index.classes.map((c) => c.namespace);
  const used = [...new Set(namespaceOfClass)].sort((a, b) => index.namespaces[a].name.localeCompare(index.namespaces[b].name));
  const position = new Map(used.map((ns, i) => [ns, i]));
  const n = used.length;
  const nsOf = namespaceOfClass.map((ns) => position.get(ns)!);
  const workloads = new Array<number>(n).fill(0);
  nsOf.forEach((ns, c) => (workloads[ns] += sizes[c]));
  const out = new Array<number>(n).fill(0);
  const into = new Array<number>(n).fill(0);
  const within = new Array<number>(n).fill(0);
  const pairs = n <= MAX_NAMESPACE_PAIRS_SIDE ? new Float64Array(n * n) : undefined;
  let total = 0;
  for (let s = 0; s < size; s++) {
    const row = classes.egressRows[s].words;
    const sourceNs = nsOf[s];
    const sourceWord = s >>> 5;
    const sourceBit = 1 << (s & 31);
    for (let d = 0; d < size; d++) {
      let count: number;
      if (s === d) {
        // A workload paired with itself reaches itself (the option) or is a pod of its class.
        const mutual = (row[d >>> 5] & (1 << (d & 31))) !== 0 && (classes.ingressColumns[d].words[sourceWord] & sourceBit) !== 0;
        const itself = self ? classes.hasPort.has(d) : mutual;
        count = sizes[s] * (sizes[s] - 1) * Number(mutual) + sizes[s] * Number(itself);
      } else if ((row[d >>> 5] & (1 << (d & 31))) !== 0 && (classes.ingressColumns[d].words[sourceWord] & sourceBit) !== 0) {
        count = sizes[s] * sizes[d];
      } else {
        continue;
      }
      total += count;
      const destinationNs = nsOf[d];
      if (sourceNs === destinationNs) {
        within[sourceNs] += count;
      } else {
        out[sourceNs] += count;
        into[destinationNs] += count;
        if (pairs) {
          pairs[sourceNs * n + destinationNs] += count;
        }
      }
    }
  }
  const edges: Array<[number, number, number]> = [];
  pairs?.forEach((count, i) => count > 0 && edges.push([Math.floor(i / n), i % n, count]));
  edges.sort((a, b) => b[2] - a[2] || a[0] - b[0] || a[1] - b[1]);
  return {
    workloads: model.workloads.length,
    allowedPairs: total,
    namespaces: used.map((ns, i) => ({
      namespace: index.namespaces[ns].name, workloads: workloads[i], allowedOut: out[i], allowedIn: into[i], allowedWithin: within[i],
    })),
    edges: edges.slice(0, MAX_EDGES),
  };
}

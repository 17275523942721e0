/** A benchmark cluster size: the exact object counts the generator produces. */
export interface Scale {
  readonly name: string;
  readonly namespaces: number;
  /** Workload objects of every kind, bare Pods included. */
  readonly workloads: number;
  readonly policies: number;
}

export const SCALES: readonly Scale[] = [
  { name: 'S', namespaces: 20, workloads: 200, policies: 100 },
  { name: 'M', namespaces: 200, workloads: 2_000, policies: 1_000 },
  { name: 'L', namespaces: 2_000, workloads: 20_000, policies: 10_000 },
  { name: 'XL', namespaces: 25_000, workloads: 100_000, policies: 75_000 },
];

/** The scale with this name (case-insensitive); throws listing the valid names. */
export function findScale(name: string): Scale {
  const scale = SCALES.find(s => s.name === name.toUpperCase());
  if (!scale) {
    throw new Error(`unknown scale '${name}': use one of ${SCALES.map(s => s.name).join(', ')}`);
  }
  return scale;
}

/*
 * Runs in the report page (embedded as source text by `html-report.ts`): self-contained.
 *
 * Why a layout of our own rather than a graph library: the graph's structure is fixed by the
 * cluster (workloads inside their namespace), and what users compare is one port against
 * another. A grid of namespace boxes, each a grid of its workloads, keeps every node where it
 * was when the port or the edges change, lays out 500 workloads in a millisecond, prints as it
 * shows, and adds no bytes of dependency to a page that must stay small and offline. The
 * general layouts (force-directed, layered) move nodes with every edge set and, on the nearly
 * complete graphs that namespaces without policies give, draw a tangle whatever they do; the
 * page instead draws the edges of one workload at a time, or namespace to namespace, when
 * there are too many to read (`page-main.ts`).
 */

/** Where the layout put a namespace box, and its workloads' centres in it. */
export interface GraphBox {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
  readonly nodes: Array<[number, number]>;
}

/** The boxes of namespaces with `sizes[i]` workloads each, in rows no wider than `width` (one box may be wider). */
export function layoutGraph(sizes: readonly number[], width: number): { boxes: GraphBox[]; width: number; height: number } {
  const cellWidth = 112;
  const cellHeight = 46;
  const header = 26;
  const padding = 10;
  const gap = 40;
  const boxes: GraphBox[] = [];
  let x = gap / 2;
  let y = gap / 2;
  let rowHeight = 0;
  let widest = 0;
  for (const size of sizes) {
    const columns = Math.max(1, Math.min(size, Math.ceil(Math.sqrt(size * 1.5))));
    const rows = Math.max(1, Math.ceil(size / columns));
    const boxWidth = columns * cellWidth + 2 * padding;
    const boxHeight = header + rows * cellHeight + padding;
    if (x > gap / 2 && x + boxWidth > width) {
      x = gap / 2;
      y += rowHeight + gap;
      rowHeight = 0;
    }
    const nodes: Array<[number, number]> = [];
    for (let i = 0; i < size; i++) {
      nodes.push([x + padding + (i % columns + 0.5) * cellWidth, y + header + (Math.floor(i / columns) + 0.4) * cellHeight]);
    }
    boxes.push({ x, y, width: boxWidth, height: boxHeight, nodes });
    x += boxWidth + gap;
    rowHeight = Math.max(rowHeight, boxHeight);
    widest = Math.max(widest, x - gap / 2);
  }
  return { boxes, width: Math.max(widest, 0), height: y + rowHeight + gap / 2 };
}

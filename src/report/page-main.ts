import type { PageData } from './page-data';
import type { Explained, Explainer } from './page-explainer';
import type { GraphBox } from './page-graph-layout';

/*
 * The report page's script, embedded as source text by `html-report.ts` with `createExplainer`
 * and `layoutGraph`, which it calls by name: self-contained, nothing but what a browser has.
 */

/* The browser's globals, which this library's compile settings do not declare. */
declare const document: any;
declare const window: any;
declare const performance: any;
declare function createExplainer(data: PageData): Explainer;
declare function layoutGraph(sizes: readonly number[], width: number): { boxes: GraphBox[]; width: number; height: number };

/**
 * Builds the interactive parts of the page from its embedded data: the port selector and the
 * filters, the matrix (or, beyond the cell limit, the counts per namespace), the graph and the
 * explanation panel; the summary, intents and findings are in the page's HTML already.
 */
export function pageMain(): void {
  const data: PageData = JSON.parse(document.getElementById('report-data').textContent);
  const explainer = data.mode === 'cells' ? createExplainer(data) : undefined;
  const byId = (id: string): any => document.getElementById(id);
  const escape = (text: string): string => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
  const shortName = (label: string): string => label.slice(label.indexOf('/') + 1);
  const plural = (n: number, word: string): string => `${n.toLocaleString('en-US')} ${word}${n === 1 ? '' : 's'}`;
  const indexOf = new Map<string, number>(data.workloads.map(([label], i) => [label, i]));
  /** Most edges the graph draws one by one; more are drawn namespace to namespace. */
  const maxEdges = 400;

  const state = {
    port: 0,
    namespaces: new Set<number>(data.namespaces.map((_, i) => i)),
    from: '',
    to: '',
    hideSelf: false,
    /** The workload whose connections the graph draws, when one is selected. */
    selected: -1,
  };

  // Controls.
  const portSelect = byId('port');
  portSelect.innerHTML = data.ports.map((p, i) => `<option value="${i}">${escape(p.label)}</option>`).join('');
  const namespaceList = byId('namespace-list');
  namespaceList.innerHTML = data.namespaces.map((ns, i) =>
    `<label><input type="checkbox" data-namespace="${i}" checked> ${escape(ns)}</label>`).join('');
  const namespaceCount = byId('namespace-count');
  const fromInput = byId('filter-from');
  const toInput = byId('filter-to');
  const hideSelfInput = byId('hide-self');
  const panel = byId('explanation');
  const matrixHost = byId('matrix-host');
  const matrixNote = byId('matrix-note');
  const graphHost = byId('graph-host');
  const graphNote = byId('graph-note');

  const matches = (label: string, text: string): boolean => text === '' || label.toLowerCase().includes(text.toLowerCase());
  const visible = (): { rows: number[]; columns: number[] } => {
    const inNamespaces = data.workloads.map((w, i) => (state.namespaces.has(w[1]) ? i : -1)).filter((i) => i >= 0);
    return {
      rows: inNamespaces.filter((i) => matches(data.workloads[i][0], state.from)),
      columns: inNamespaces.filter((i) => matches(data.workloads[i][0], state.to)),
    };
  };
  /** Consecutive runs of workloads of one namespace. */
  const groups = (items: number[]): Array<{ namespace: number; members: number[] }> => {
    const result: Array<{ namespace: number; members: number[] }> = [];
    for (const i of items) {
      const namespace = data.workloads[i][1];
      if (result.length === 0 || result[result.length - 1].namespace !== namespace) {
        result.push({ namespace, members: [] });
      }
      result[result.length - 1].members.push(i);
    }
    return result;
  };

  // The explanation panel, beside the matrix while it shows.
  const setPanel = (shown: boolean): void => {
    panel.hidden = !shown;
    document.body.classList.toggle('explaining', shown);
  };
  const showPanel = (title: string, body: string): void => {
    panel.innerHTML = `<div class="panel-head"><h2>${escape(title)}</h2>`
      + '<button type="button" class="close" aria-label="Close the explanation">×</button></div>' + body;
    setPanel(true);
    panel.querySelector('.close').addEventListener('click', () => setPanel(false));
  };
  const explainPair = (source: number, destination: number): void => {
    const port = data.ports[state.port];
    const explained: Explained = explainer!.explain(state.port, source, destination);
    const word = explained.allowed ? 'ALLOWED' : 'DENIED';
    const rows = explained.decisions.map(([side, layer, outcome, reason, policies]) =>
      `<tr><td>${side}</td><td>${escape(layer)}</td><td class="outcome ${escape(outcome)}">${escape(outcome)}</td>`
      + `<td>${escape(reason)}</td><td>${escape(policies.join(', '))}</td></tr>`).join('');
    const portFlag = port.portName ?? String(port.port);
    const command = `cdk8s-netpol explain --from ${data.workloads[source][0]} --to ${data.workloads[destination][0]} --port ${portFlag}`
      + (port.protocol === 'TCP' ? '' : ` --protocol ${port.protocol}`);
    showPanel(`${data.workloads[source][0]} → ${data.workloads[destination][0]} on ${port.label}`,
      `<p class="verdict ${explained.allowed ? 'allowed' : 'denied'}">${word}</p>`
      + `<pre data-role="explain-text">${escape(explained.text)}</pre>`
      + (rows === '' ? '' : '<h3>Decisions, layer by layer</h3><table class="decisions"><thead><tr><th>side</th><th>layer</th>'
        + `<th>outcome</th><th>reason</th><th>policies</th></tr></thead><tbody>${rows}</tbody></table>`)
      + `<p class="command">The same on the command line: <code>${escape(command)}</code></p>`);
  };

  // The matrix: every cell, or the counts per namespace. Rows go in by chunks, the first screenful
  // at once and the others in later tasks, so the page shows and answers while the rest goes in.
  let generation = 0;
  const renderMatrix = (done: () => void): void => {
    const current = ++generation;
    const port = data.ports[state.port];
    const { rows, columns } = visible();
    if (explainer === undefined) {
      const summary = port.summary!;
      const shown = summary.namespaces.filter((n) => state.namespaces.has(data.namespaces.indexOf(n.namespace))
        && (matches(n.namespace, state.from) || matches(n.namespace, state.to)));
      matrixNote.textContent = `This app has ${plural(data.workloads.length, 'workload')}, more than the ${data.cellLimit} the page draws cell by cell: `
        + `each port is summarized as counts of allowed workload pairs per namespace (${summary.allowedPairs.toLocaleString('en-US')} of `
        + `${(summary.workloads * summary.workloads).toLocaleString('en-US')} pairs allowed on ${port.label}). `
        + 'For one pair, use cdk8s-netpol explain; for every pair, cdk8s-netpol matrix.';
      matrixHost.innerHTML = '<table class="counts"><thead><tr><th scope="col">namespace</th><th scope="col">workloads</th>'
        + '<th scope="col">allowed out</th><th scope="col">allowed in</th><th scope="col">allowed within</th></tr></thead><tbody>'
        + shown.map((n) => `<tr><th scope="row">${escape(n.namespace)}</th><td>${n.workloads}</td><td>${n.allowedOut}</td>`
          + `<td>${n.allowedIn}</td><td>${n.allowedWithin}</td></tr>`).join('') + '</tbody></table>';
      firstFrame();
      done();
      return;
    }
    matrixNote.textContent = `Rows are sources, columns destinations, on ${port.label}: ${plural(rows.length, 'source')}, `
      + `${plural(columns.length, 'destination')}. Click a cell, or move with the arrow keys and press Enter, for its explanation.`;
    if (rows.length === 0 || columns.length === 0) {
      matrixHost.innerHTML = '<p class="empty">No workload matches the filters.</p>';
      done();
      return;
    }
    // Rows of fixed-size cells rather than a table: a table lays out its 40,000 cells as one
    // (a second at 200 workloads), while rows that are off screen skip layout (content-visibility).
    const columnGroups = groups(columns);
    // Small matrices get larger cells, so that their namespaces' names fit above them.
    const size = columns.length <= 12 ? 30 : columns.length <= 40 ? 22 : 16;
    const parts: string[] = [`<div class="grid" style="--cell:${size}px" role="grid" `
      + `aria-label="Reachability on ${escape(port.label)}: rows are sources, columns are destinations">`,
    '<div class="head" role="rowgroup"><div class="line" role="row"><div class="corner" role="columnheader">from \\ to</div>'];
    columnGroups.forEach((group, g) => parts.push(`<div class="ns${g > 0 ? ' first' : ''}" role="columnheader" style="width:${group.members.length * (size + 1)}px" `
      + `title="${escape(data.namespaces[group.namespace])}"><span>${escape(data.namespaces[group.namespace])}</span></div>`));
    parts.push('</div><div class="line names" role="row"><div class="corner" role="columnheader"></div>');
    columnGroups.forEach((group, g) => group.members.forEach((i, k) => parts.push(
      `<div class="col${k === 0 && g > 0 ? ' first' : ''}" role="columnheader" title="${escape(data.workloads[i][0])}"><span>${escape(shortName(data.workloads[i][0]))}</span></div>`)));
    parts.push('</div></div><div class="rows" role="rowgroup">');
    const pieces: Array<() => string> = [];
    let first = true;
    for (const group of groups(rows)) {
      pieces.push(() => `<div class="band" role="row"><div role="rowheader">${escape(data.namespaces[group.namespace])}</div></div>`);
      for (const s of group.members) {
        pieces.push(() => {
          const source = escape(data.workloads[s][0]);
          const line = [`<div class="line cells" role="row"><div class="row" role="rowheader" title="${source}">${escape(shortName(data.workloads[s][0]))}</div>`];
          columnGroups.forEach((columnGroup, g) => columnGroup.members.forEach((d, k) => {
            const allowed = explainer.allowed(state.port, s, d);
            const classes = `c ${allowed ? 'a' : 'd'}${s === d ? ' s' : ''}${k === 0 && g > 0 ? ' first' : ''}`;
            line.push(`<div class="${classes}" role="gridcell" data-from="${source}" data-to="${escape(data.workloads[d][0])}" data-allowed="${allowed}"`
              + `${first ? ' tabindex="0"' : ''}></div>`);
            first = false;
          }));
          line.push('</div>');
          return line.join('');
        });
      }
    }
    let at = 0;
    const chunk = (count: number): string => {
      const end = Math.min(pieces.length, at + count);
      const out: string[] = [];
      while (at < end) {
        out.push(pieces[at++]());
      }
      return out.join('');
    };
    matrixHost.innerHTML = parts.join('') + chunk(60) + '</div></div>';
    firstFrame();
    const target = matrixHost.querySelector('.rows');
    const next = (): void => {
      if (current !== generation) {
        return; // a newer rendering replaced this one
      }
      if (at >= pieces.length) {
        done();
        return;
      }
      target.insertAdjacentHTML('beforeend', chunk(40));
      window.setTimeout(next, 0);
    };
    window.setTimeout(next, 0);
  };
  /** The time the page first showed its matrix, for the tests and whoever measures. */
  const firstFrame = (): void => {
    window.requestAnimationFrame(() => {
      document.body.dataset.openMs ??= String(Math.round(performance.now()));
    });
  };
  const cellOf = (target: any): any => (target && target.closest ? target.closest('.c[data-from]') : null);
  matrixHost.addEventListener('click', (event: any) => {
    const cell = cellOf(event.target);
    if (cell) {
      focusCell(cell);
      explainPair(indexOf.get(cell.dataset.from)!, indexOf.get(cell.dataset.to)!);
    }
  });
  const focusCell = (cell: any): void => {
    const current = matrixHost.querySelector('.c[tabindex="0"]');
    if (current && current !== cell) {
      current.tabIndex = -1;
    }
    cell.tabIndex = 0;
    cell.setAttribute('aria-label', `${cell.dataset.from} to ${cell.dataset.to}: ${cell.dataset.allowed === 'true' ? 'allowed' : 'denied'}`);
    // The browser's own scrolling into view lays out every row to find the cell: a third of a second at 200 workloads.
    cell.focus({ preventScroll: true });
    reveal(cell);
  };
  /** Scrolls the matrix so that the cell is clear of the sticky headers. */
  const reveal = (cell: any): void => {
    const box = cell.getBoundingClientRect();
    const view = matrixHost.getBoundingClientRect();
    const top = view.top + matrixHost.querySelector('.head').offsetHeight;
    const left = view.left + matrixHost.querySelector('.row').offsetWidth;
    if (box.top < top) {
      matrixHost.scrollTop -= top - box.top;
    } else if (box.bottom > view.bottom - 14) {
      matrixHost.scrollTop += box.bottom - view.bottom + 14;
    }
    if (box.left < left) {
      matrixHost.scrollLeft -= left - box.left;
    } else if (box.right > view.right - 14) {
      matrixHost.scrollLeft += box.right - view.right + 14;
    }
  };
  matrixHost.addEventListener('keydown', (event: any) => {
    const cell = cellOf(event.target);
    if (!cell) {
      return;
    }
    const cellRows: any[] = Array.from(matrixHost.querySelectorAll('.line.cells'));
    const row = cellRows.indexOf(cell.parentElement);
    const cells = cell.parentElement.children;
    const column = Array.prototype.indexOf.call(cells, cell) - 1;
    const width = cells.length - 1;
    const moves: Record<string, [number, number]> = {
      ArrowUp: [row - 1, column],
      ArrowDown: [row + 1, column],
      ArrowLeft: [row, column - 1],
      ArrowRight: [row, column + 1],
      Home: [row, 0],
      End: [row, width - 1],
      PageUp: [row - 10, column],
      PageDown: [row + 10, column],
    };
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      explainPair(indexOf.get(cell.dataset.from)!, indexOf.get(cell.dataset.to)!);
      return;
    }
    const move = moves[event.key];
    if (move) {
      event.preventDefault();
      const target = cellRows[Math.max(0, Math.min(cellRows.length - 1, move[0]))].children[Math.max(0, Math.min(width - 1, move[1])) + 1];
      focusCell(target);
    }
  });

  // The graph: namespaces as boxes, workloads as nodes, the allowed connections as edges.
  const svgPath = (x1: number, y1: number, x2: number, y2: number, shorten: number): string => {
    const dx = x2 - x1;
    const dy = y2 - y1;
    const length = Math.max(1, Math.hypot(dx, dy));
    // Bend to the right of the direction of travel, so a -> b and b -> a do not overlap.
    const cx = (x1 + x2) / 2 + dy * 0.18;
    const cy = (y1 + y2) / 2 - dx * 0.18;
    const ex = x2 - (dx / length) * shorten;
    const ey = y2 - (dy / length) * shorten;
    return `M${x1.toFixed(1)},${y1.toFixed(1)} Q${cx.toFixed(1)},${cy.toFixed(1)} ${ex.toFixed(1)},${ey.toFixed(1)}`;
  };
  const renderGraph = (): void => {
    const port = data.ports[state.port];
    const width = Math.max(600, (graphHost.clientWidth || 900) - 4);
    const parts: string[] = [];
    const edges: string[] = [];
    let note: string;
    let layout: { boxes: GraphBox[]; width: number; height: number };
    if (explainer === undefined) {
      const summary = port.summary!;
      const shown = summary.namespaces.map((n, i) => ({ n, i }))
        .filter(({ n }) => state.namespaces.has(data.namespaces.indexOf(n.namespace))
          && (matches(n.namespace, state.from) || matches(n.namespace, state.to)));
      layout = layoutGraph(shown.map(() => 0), width);
      const boxOf = new Map<number, GraphBox>(shown.map(({ i }, k) => [i, layout.boxes[k]]));
      const drawn = summary.edges.filter(([a, b]) => boxOf.has(a) && boxOf.has(b));
      for (const [a, b, count] of drawn) {
        const from = boxOf.get(a)!;
        const to = boxOf.get(b)!;
        edges.push(`<path class="edge ns-edge" style="stroke-width:${(1 + Math.log10(count)).toFixed(1)}px" `
          + `d="${svgPath(from.x + from.width / 2, from.y + from.height / 2, to.x + to.width / 2, to.y + to.height / 2, 24)}">`
          + `<title>${escape(summary.namespaces[a].namespace)} → ${escape(summary.namespaces[b].namespace)}: ${plural(count, 'allowed pair')}</title></path>`);
      }
      shown.forEach(({ n }, k) => {
        const box = layout.boxes[k];
        parts.push(`<g class="ns-box"><rect x="${box.x}" y="${box.y}" width="${box.width}" height="${box.height}" rx="6"></rect>`
          + `<text x="${box.x + 8}" y="${box.y + 17}">${escape(n.namespace)}</text>`
          + `<text class="count" x="${box.x + 8}" y="${box.y + 40}">${plural(n.workloads, 'workload')}</text></g>`);
      });
      note = `Namespaces, with the ${drawn.length} largest flows of allowed pairs between them on ${port.label} (the line's width grows with the count; hover for it).`;
    } else {
      const { rows, columns } = visible();
      const shown = [...new Set([...rows, ...columns])].sort((a, b) => a - b);
      const shownGroups = groups(shown);
      layout = layoutGraph(shownGroups.map((g) => g.members.length), width);
      const position = new Map<number, [number, number]>();
      shownGroups.forEach((g, k) => g.members.forEach((i, m) => position.set(i, layout.boxes[k].nodes[m])));
      const columnSet = new Set(columns);
      const rowSet = new Set(rows);
      const pairs: Array<[number, number]> = [];
      const selected = state.selected >= 0 && position.has(state.selected) ? state.selected : -1;
      for (const s of rows) {
        for (const d of columns) {
          if (s !== d && (selected < 0 || s === selected || d === selected) && explainer.allowed(state.port, s, d)) {
            pairs.push([s, d]);
          }
        }
      }
      if (pairs.length <= maxEdges || selected >= 0) {
        for (const [s, d] of pairs.slice(0, selected >= 0 ? 4 * maxEdges : maxEdges)) {
          const [x1, y1] = position.get(s)!;
          const [x2, y2] = position.get(d)!;
          edges.push(`<path class="edge" tabindex="0" data-from="${escape(data.workloads[s][0])}" data-to="${escape(data.workloads[d][0])}" `
            + `d="${svgPath(x1, y1, x2, y2, 9)}"><title>${escape(data.workloads[s][0])} → ${escape(data.workloads[d][0])}</title></path>`);
        }
        note = selected >= 0
          ? `The ${plural(pairs.length, 'allowed connection')} of ${data.workloads[selected][0]} on ${port.label}, in and out. Select it again to see all.`
          : `${plural(pairs.length, 'allowed connection')} on ${port.label} (a workload to itself left out). Click a workload to see only its own; click a line for its explanation.`;
      } else {
        // Too many to read one by one: one line per pair of namespaces, its width growing with the count.
        const counts = new Map<string, number>();
        for (const [s, d] of pairs) {
          const key = `${data.workloads[s][1]} ${data.workloads[d][1]}`;
          counts.set(key, (counts.get(key) ?? 0) + 1);
        }
        const boxOf = new Map<number, GraphBox>(shownGroups.map((g, k) => [g.namespace, layout.boxes[k]]));
        counts.forEach((count, key) => {
          const [a, b] = key.split(' ').map(Number);
          const from = boxOf.get(a)!;
          const to = boxOf.get(b)!;
          if (a === b) {
            return;
          }
          edges.push(`<path class="edge ns-edge" style="stroke-width:${(1 + Math.log10(count)).toFixed(1)}px" `
            + `d="${svgPath(from.x + from.width / 2, from.y + from.height / 2, to.x + to.width / 2, to.y + to.height / 2, 24)}">`
            + `<title>${escape(data.namespaces[a])} → ${escape(data.namespaces[b])}: ${plural(count, 'allowed connection')}</title></path>`);
        });
        note = `${plural(pairs.length, 'allowed connection')} on ${port.label}: too many to draw one by one, so each line joins two namespaces `
          + '(its width grows with the count; hover for it). Click a workload to draw its own connections, or narrow the filters.';
      }
      shownGroups.forEach((g, k) => {
        const box = layout.boxes[k];
        parts.push(`<g class="ns-box"><rect x="${box.x}" y="${box.y}" width="${box.width}" height="${box.height}" rx="6"></rect>`
          + `<text x="${box.x + 8}" y="${box.y + 17}">${escape(data.namespaces[g.namespace])}</text></g>`);
      });
      for (const i of shown) {
        const [x, y] = position.get(i)!;
        const name = shortName(data.workloads[i][0]);
        const label = name.length > 16 ? `${name.slice(0, 15)}…` : name;
        const role = `${rowSet.has(i) ? '' : ' not-source'}${columnSet.has(i) ? '' : ' not-destination'}${i === selected ? ' selected' : ''}`;
        parts.push(`<g class="node${role}" tabindex="0" role="button" aria-pressed="${i === selected}" data-workload="${escape(data.workloads[i][0])}">`
          + `<title>${escape(data.workloads[i][0])}</title><circle cx="${x.toFixed(1)}" cy="${y.toFixed(1)}" r="7"></circle>`
          + `<text x="${x.toFixed(1)}" y="${(y + 20).toFixed(1)}" text-anchor="middle">${escape(label)}</text></g>`);
      }
    }
    graphNote.textContent = note;
    graphHost.innerHTML = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${Math.ceil(layout.width)} ${Math.ceil(layout.height)}" `
      + `width="${Math.ceil(layout.width)}" height="${Math.ceil(layout.height)}" role="group" aria-label="Graph of namespaces and workloads on ${escape(port.label)}">`
      + '<defs><marker id="arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse">'
      + '<path d="M0,0 L10,5 L0,10 z"></path></marker></defs>'
      + `<g class="boxes">${parts.filter((p) => p.startsWith('<g class="ns-box"')).join('')}</g>`
      + `<g class="edges">${edges.join('')}</g>`
      + `<g class="nodes">${parts.filter((p) => !p.startsWith('<g class="ns-box"')).join('')}</g></svg>`;
  };
  const graphActivate = (target: any): void => {
    const edge = target.closest ? target.closest('path.edge[data-from]') : null;
    if (edge) {
      explainPair(indexOf.get(edge.dataset.from)!, indexOf.get(edge.dataset.to)!);
      return;
    }
    const node = target.closest ? target.closest('g.node') : null;
    if (node) {
      const i = indexOf.get(node.dataset.workload)!;
      state.selected = state.selected === i ? -1 : i;
      renderGraph();
      const again = graphHost.querySelector(`g.node[data-workload="${CSS.escape(node.dataset.workload)}"]`);
      if (again) {
        again.focus();
      }
    }
  };
  graphHost.addEventListener('click', (event: any) => graphActivate(event.target));
  graphHost.addEventListener('keydown', (event: any) => {
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      graphActivate(event.target);
    }
  });

  // Wiring.
  const render = (): void => {
    document.body.dataset.ready = 'false';
    namespaceCount.textContent = `${state.namespaces.size} of ${data.namespaces.length}`;
    renderMatrix(() => {
      renderGraph();
      document.body.dataset.ready = 'true';
      document.body.dataset.readyMs ??= String(Math.round(performance.now()));
    });
  };
  let pending: any;
  const later = (): void => {
    window.clearTimeout(pending);
    pending = window.setTimeout(render, 150);
  };
  portSelect.addEventListener('change', () => {
    state.port = Number(portSelect.value);
    render();
  });
  namespaceList.addEventListener('change', (event: any) => {
    const i = Number(event.target.dataset.namespace);
    if (event.target.checked) {
      state.namespaces.add(i);
    } else {
      state.namespaces.delete(i);
    }
    later();
  });
  for (const [button, all] of [[byId('namespaces-all'), true], [byId('namespaces-none'), false]]) {
    button.addEventListener('click', () => {
      state.namespaces = new Set(all ? data.namespaces.map((_, i) => i) : []);
      for (const box of namespaceList.querySelectorAll('input')) {
        box.checked = all;
      }
      render();
    });
  }
  fromInput.addEventListener('input', () => {
    state.from = fromInput.value.trim();
    later();
  });
  toInput.addEventListener('input', () => {
    state.to = toInput.value.trim();
    later();
  });
  hideSelfInput.addEventListener('change', () => {
    state.hideSelf = hideSelfInput.checked;
    document.body.classList.toggle('hide-self', state.hideSelf);
  });
  document.addEventListener('keydown', (event: any) => {
    if (event.key === 'Escape' && !panel.hidden) {
      setPanel(false);
    }
  });
  if (data.ports.length === 0) {
    portSelect.disabled = true;
    matrixNote.textContent = 'The policies name no ports: there is no matrix to show.';
    matrixHost.innerHTML = '';
    graphNote.textContent = '';
    document.body.dataset.ready = 'true';
  } else {
    render();
  }
}

declare const CSS: any;

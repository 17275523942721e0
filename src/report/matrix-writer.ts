import { markdownName } from './markdown-cell';
import { matrixTitle } from './matrix-title';
import { NamespaceMatrix } from '../analysis/namespace-matrix';
import { ReachabilityMatrix } from '../analysis/reachability-matrix';

const ALLOWED = '✓';
const DENIED = '·';
const COVERAGE_MARKS: Record<string, string> = { all: '✓', some: '~', none: '·' };

/**
 * Writes a matrix row by row, so that even a matrix of tens of thousands of workloads streams
 * with bounded memory: text (an aligned table with numbered columns and a legend), Markdown,
 * or the JSON of `ReachabilityMatrix.toJson()`.
 */
export function writeMatrix(matrix: ReachabilityMatrix, format: 'text' | 'markdown' | 'json', write: (chunk: string) => void): void {
  const endpoints = matrix.endpoints;
  if (format === 'json') {
    write(`{"port":${JSON.stringify(matrix.portName ?? matrix.port)},"protocol":${JSON.stringify(matrix.protocol)},"pods":${JSON.stringify(endpoints)},"allowed":{`);
    const names = endpoints.map((e) => JSON.stringify(e));
    matrix._forEachRow((i, allowedTo) => {
      const cells = names.map((name, j) => `${name}:${allowedTo(j)}`);
      write(`${i === 0 ? '' : ','}${names[i]}:{${cells.join(',')}}`);
    });
    write('}}\n');
    return;
  }
  if (format === 'markdown') {
    write(`**${matrixTitle(matrix)}** (rows: sources, columns: destinations; ${ALLOWED} allowed, ${DENIED} denied)\n\n`);
    if (endpoints.length === 0) {
      write('_No pods or workloads in the input._\n');
      return;
    }
    write(`| source \\ destination | ${endpoints.map(markdownName).join(' | ')} |\n| --- | ${endpoints.map(() => ':-:').join(' | ')} |\n`);
    matrix._forEachRow((i, allowedTo) => {
      write(`| ${markdownName(endpoints[i])} | ${endpoints.map((_, j) => (allowedTo(j) ? ALLOWED : DENIED)).join(' | ')} |\n`);
    });
    return;
  }
  const title = `${matrixTitle(matrix)}: rows are sources, columns are destinations`;
  if (endpoints.length === 0) {
    write(`${title}\n(no pods or workloads in the input)\n`);
    return;
  }
  const numbers = endpoints.map((_, i) => String(i + 1));
  const cellWidth = numbers[numbers.length - 1].length;
  const labels = endpoints.map((e, i) => `${numbers[i].padStart(cellWidth)} ${e}`);
  const labelWidth = Math.max(...labels.map((l) => l.length));
  const header = ' '.repeat(labelWidth) + ' │ ' + numbers.map((n) => n.padStart(cellWidth)).join(' ');
  write(`${title}\n${header}\n${'─'.repeat(labelWidth)}─┼─${'─'.repeat(header.length - labelWidth - 3)}\n`);
  let allowed = 0;
  matrix._forEachRow((i, allowedTo) => {
    const cells = endpoints.map((_, j) => {
      const isAllowed = allowedTo(j);
      allowed += Number(isAllowed);
      return (isAllowed ? ALLOWED : DENIED).padStart(cellWidth);
    });
    write(`${labels[i].padEnd(labelWidth)} │ ${cells.join(' ')}\n`);
  });
  write(`\n${ALLOWED} allowed   ${DENIED} denied   (${allowed} of ${endpoints.length * endpoints.length} pairs allowed)\n`);
}

/** Writes a namespace summary of a matrix: text, Markdown or its JSON, row by row. */
export function writeNamespaceMatrix(summary: NamespaceMatrix, format: 'text' | 'markdown' | 'json', write: (chunk: string) => void): void {
  const namespaces = summary.namespaces;
  const title = `Reachability on ${summary.protocol}/${summary.portName ?? summary.port} by namespace`;
  if (format === 'json') {
    write(`{"port":${JSON.stringify(summary.portName ?? summary.port)},"protocol":${JSON.stringify(summary.protocol)},"namespaces":${JSON.stringify(namespaces)},"allowed":{`);
    const names = namespaces.map((n) => JSON.stringify(n));
    namespaces.forEach((from, i) => {
      write(`${i === 0 ? '' : ','}${names[i]}:{${namespaces.map((to, j) => `${names[j]}:"${summary.coverage(from, to)}"`).join(',')}}`);
    });
    write('}}\n');
    return;
  }
  const legend = `${COVERAGE_MARKS.all} all pairs allowed, ${COVERAGE_MARKS.some} some, ${COVERAGE_MARKS.none} none`;
  if (format === 'markdown') {
    write(`**${title}** (rows: sources, columns: destinations; ${legend})\n\n`);
    write(`| source \\ destination | ${namespaces.map(markdownName).join(' | ')} |\n| --- | ${namespaces.map(() => ':-:').join(' | ')} |\n`);
    for (const from of namespaces) {
      write(`| ${markdownName(from)} | ${namespaces.map((to) => COVERAGE_MARKS[summary.coverage(from, to)]).join(' | ')} |\n`);
    }
    return;
  }
  const width = String(namespaces.length).length;
  const labels = namespaces.map((n, i) => `${String(i + 1).padStart(width)} ${n}`);
  const labelWidth = Math.max(0, ...labels.map((l) => l.length));
  write(`${title}: rows are sources, columns are destinations\n`);
  write(`${' '.repeat(labelWidth)} │ ${namespaces.map((_, i) => String(i + 1).padStart(width)).join(' ')}\n`);
  namespaces.forEach((from, i) => {
    write(`${labels[i].padEnd(labelWidth)} │ ${namespaces.map((to) => COVERAGE_MARKS[summary.coverage(from, to)].padStart(width)).join(' ')}\n`);
  });
  write(`\n${legend}\n`);
}

/** A column of a results table: its title, and its cell for a row. */
export type Column<T> = readonly [string, (row: T) => string];

/** Rows as an aligned Markdown table, for the terminal and the README alike: text left, figures right. */
export function formatTable<T>(rows: readonly T[], columns: ReadonlyArray<Column<T>>): string {
  const cells = [columns.map(([title]) => title), ...rows.map((row) => columns.map(([, cell]) => cell(row)))];
  const widths = columns.map((_, i) => Math.max(...cells.map((row) => row[i].length)));
  // A column is right-aligned when its cells start with a digit (a figure), as a reader compares them.
  const numeric = columns.map((_, i) => cells.slice(1).some((row) => /^[\d?]/.test(row[i])) && cells.slice(1).every((row) => /^([\d?]|$)/.test(row[i])));
  const line = (row: string[]) => `| ${row.map((cell, i) => (numeric[i] ? cell.padStart(widths[i]) : cell.padEnd(widths[i]))).join(' | ')} |`;
  const rule = `|${widths.map((w, i) => `${'-'.repeat(w + 1)}${numeric[i] ? ':' : '-'}`).join('|')}|`;
  return [line(cells[0]), rule, ...cells.slice(1).map(line)].join('\n');
}

/** Text made safe for a Markdown table cell: a `|` would end the cell. */
export function markdownCell(text: string): string {
  return text.replace(/\|/g, '\\|');
}

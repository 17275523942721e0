import { printable } from '../k8s/printable';

/**
 * Text made safe for a Markdown table cell: a `|` would end the cell, a line break the row;
 * control characters are shown escaped. Markup the caller composes (`<br>`) passes.
 */
export function markdownCell(text: string): string {
  return printable(text).replace(/\|/g, '\\|');
}

/**
 * Text from the input in a Markdown cell (a name, or a message quoting one): as `markdownCell`,
 * and a `<` cannot open raw HTML (`<script>`).
 */
export function markdownName(name: string): string {
  return markdownCell(name).replace(/</g, '\\<');
}

/**
 * Text from the input (a field path with the input's keys) as code in a Markdown cell. A
 * backtick in it would end the code span and let the rest open raw HTML, so such text is
 * written as `markdownName` instead.
 */
export function markdownCode(text: string): string {
  return text.includes('`') ? markdownName(text) : `\`${markdownCell(text)}\``;
}

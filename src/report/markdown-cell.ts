import { printable } from '../k8s/printable';

/**
 * Text made safe for a Markdown table cell: a `|` would end the cell, a line break the row;
 * control characters are shown escaped. Markup the caller composes (`<br>`) passes.
 */
export function markdownCell(text: string): string {
  return printable(text).replace(/\|/g, '\\|');
}

/** A name from the input in a Markdown cell: as `markdownCell`, and a `<` cannot open raw HTML (`<script>`). */
export function markdownName(name: string): string {
  return markdownCell(name).replace(/</g, '\\<');
}

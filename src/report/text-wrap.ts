/**
 * Wraps `text` at spaces into lines of at most `width` characters (a longer word stays
 * whole) and joins them with a newline followed by `indent` spaces, for a hanging indent.
 */
export function wrapText(text: string, width: number, indent: number): string {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (line !== '' && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else {
      line = line === '' ? word : `${line} ${word}`;
    }
  }
  lines.push(line);
  return lines.join('\n' + ' '.repeat(indent));
}

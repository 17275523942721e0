/**
 * Text from manifests (names, keys, file names) made safe for terminals and one-line formats:
 * control characters (line breaks and ANSI escapes included), Unicode line separators and
 * bidirectional overrides are written as escapes (`\n`, `\x1b`, `\u202e`), so a name can neither
 * split a line nor restyle or reorder what follows it. Kubernetes names never hold these.
 */
export function printable(text: string): string {
  return UNPRINTABLE.test(text) ? text.replace(UNPRINTABLE_ALL, escape) : text;
}

const PATTERN = '[\\x00-\\x1f\\x7f-\\x9f\\u061c\\u200e\\u200f\\u2028\\u2029\\u202a-\\u202e\\u2066-\\u2069\\ufeff]';
const UNPRINTABLE = new RegExp(PATTERN);
const UNPRINTABLE_ALL = new RegExp(PATTERN, 'g');
const NAMED: Readonly<Record<string, string>> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

function escape(character: string): string {
  const code = character.charCodeAt(0);
  return NAMED[character] ?? (code < 0x100 ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`);
}

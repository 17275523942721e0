import { Random } from '../../bench/random';
import { readBlockYaml } from '../../src/k8s/block-yaml';
import { readYamlWithLibrary } from '../../src/k8s/yaml-library-reader';

/**
 * The fast block reader against the library path on 100,000 generated documents, seeded: every
 * document the fast reader reads, it must read exactly as the library path does (values, keys,
 * JSON form and lines). The documents are written directly as text, small and varied: block
 * mappings and sequences at odd indentations, YAML 1.1 scalars, quoting, comments, literal
 * blocks, flow collections, and characters slipped in anywhere (Unicode spaces, tabs, breaks).
 */
const DOCUMENTS = 100_000;

const KEYS = ['apiVersion', 'kind', 'metadata', 'name', 'labels', 'items', 'spec', 'ports', 'app.kubernetes.io/name', 'k8s-app', 'x_1',
  '3scale'];
const ODD_KEYS = ['yes', 'on', 'n', 'y', 'No', 'true', '01', '1', '0x1F', '1e3', '1_0', '~', 'null', '<<', '__proto__', 'constructor', 'toString',
  '"q"', "'s'", 'a b', '-x', '.5', 'ünï', '\u00a0k', 'k\u3000', '? x'];
const SCALARS = ['web', 'v1', 'Pod', 'kube-system', 'TCP', 'Ingress', '10.0.0.0/8', '::1', 'registry.example.com/app:1.0', 'a b',
  'yes', 'off', 'y', 'N', '~', '', '42', '0777', '0x1F', '0o17', '0b101', '1_000', '1e3', '.5', '1:30', '2001-12-14', '"q"', "'it''s'",
  'x\u00a0y', '\u00a0x', 'a # c'];
const ODD_SCALARS = ['yes', 'no', 'on', 'off', 'y', 'n', 'Y', 'N', 'True', 'FALSE', '~', 'null', 'Null', '', '0', '-0', '+1', '42', '0777', '08', '0x1F',
  '0X1F', '0o17', '0b101', '0b-1', '1_000', '1__0', '1_', '_1', '1e3', '1e309', '.5', '1.', '.inf', '-.Inf', '.nan', '1:30', '2001-12-14',
  'a#b', 'a # c', '#c', 'x\u00a0y', '\u00a0x', 'x\u00a0', '\u2003', '\u3000x', '-', '--', '- x', 'a:b', ':a', 'a:', 'a: b', '@x', '`x',
  '%x', '!x', '!!str 1', '!!int 1', '&a x', '*a', '|', '>', '?', '? x', '[a', '{a', '[]', '{}', '[a, b]', '{a: 1}', 'a,b', '"', "'",
  "'q'", '"q"', '"\\u00e9"', '"\\x41"', '"\\/"', "'it''s'", '"a\\"b"', '""', "''", '"a" # c', "'a'  # c", '"a"x', '<<'];
const INSERTIONS = [' ', '  ', '\t', '\r', '\u00a0', '\u2003', '\u3000', '\u2028', '\u2029', '\u0085', '\ufeff', '#', '# c', '- ', ':',
  ': ', '-', '|', '&a ', '*a', '!', '"', "'", '{', '[', '\n', '\n\n', '\n  ', '\n- x', '\n#', 'yes', '0777'];

function generate(next: () => number): string {
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)];
  // Mostly what the fast reader reads, so that the comparison is made often; odd tokens now and then.
  const key = (): string => pick(next() < 0.8 ? KEYS : ODD_KEYS);
  const scalar = (): string => pick(next() < 0.75 ? SCALARS : ODD_SCALARS);
  const lines: string[] = [];
  const mapping = (indent: number, depth: number, first?: string): void => {
    const count = 1 + Math.floor(next() * 3);
    for (let i = 0; i < count; i++) {
      const prefix = i === 0 && first !== undefined ? first : ' '.repeat(indent);
      const choice = depth > 3 ? 0 : next();
      if (choice < 0.55) {
        lines.push(`${prefix}${key()}: ${scalar()}`);
      } else if (choice < 0.7) {
        lines.push(`${prefix}${key()}:`);
        mapping(indent + 1 + Math.floor(next() * 3), depth + 1);
      } else if (choice < 0.88) {
        lines.push(`${prefix}${key()}:`);
        sequence(next() < 0.5 ? indent : indent + 2, depth + 1);
      } else {
        lines.push(`${prefix}${key()}: ${pick(['|', '|-', '|', '|-', '>', '|+', '|2'])}`);
        const blockLines = Math.floor(next() * 3);
        for (let l = 0; l < blockLines; l++) {
          lines.push(next() < 0.2 ? '' : `${' '.repeat(indent + 2)}${scalar()}`);
        }
      }
      if (next() < 0.1) {
        lines.push(next() < 0.5 ? '' : `${' '.repeat(Math.floor(next() * 4))}# note`);
      }
    }
  };
  const sequence = (indent: number, depth: number): void => {
    const count = 1 + Math.floor(next() * 3);
    for (let i = 0; i < count; i++) {
      const choice = depth > 3 ? 0 : next();
      const dash = `${' '.repeat(indent)}-${next() < 0.9 ? ' ' : '  '}`;
      if (choice < 0.5) {
        lines.push(`${dash}${scalar()}`);
      } else if (choice < 0.8) {
        mapping(dash.length, depth + 1, dash);
      } else if (choice < 0.9) {
        lines.push(`${' '.repeat(indent)}-`);
        mapping(indent + 2, depth + 1);
      } else {
        lines.push(`${' '.repeat(indent)}-`);
        sequence(indent + 2, depth + 1);
      }
    }
  };
  mapping(0, 0);
  let text = lines.join('\n') + (next() < 0.8 ? '\n' : '');
  // Now and then, a character slipped in anywhere.
  for (let n = next() < 0.2 ? 1 + Math.floor(next() * 2) : 0; n > 0; n--) {
    const at = Math.floor(next() * (text.length + 1));
    text = text.slice(0, at) + pick(INSERTIONS) + text.slice(at);
  }
  return text;
}

test(`the fast reader reads ${DOCUMENTS.toLocaleString('en-US')} generated documents exactly as the library path does, or hands over`, () => {
  const random = new Random(20260316);
  const next = () => random.next();
  let read = 0;
  const mismatches: string[] = [];
  for (let i = 0; i < DOCUMENTS; i++) {
    const text = generate(next);
    const fast = readBlockYaml(text.split('\n'), 1);
    if (fast === undefined) {
      continue;
    }
    read++;
    const library = readYamlWithLibrary(text, 0, 1);
    // A document of comments only: the library finds no document, the fast reader an empty one.
    const same = (library.length === 0 && fast.value === null) || library.length === 1 && library[0].error === undefined
      && JSON.stringify([fast.value, fast.lines]) === JSON.stringify([library[0].value, library[0].lines])
      && sameValue(fast.value, library[0].value);
    if (!same && mismatches.push(JSON.stringify(text)) >= 5) {
      break;
    }
  }
  expect(mismatches).toEqual([]);
  // The fast path must carry real weight, or the comparison proves little.
  expect(read).toBeGreaterThan(DOCUMENTS * 0.3);
});

/** Deep equality that also tells own `__proto__` keys, key order and number types apart, as JSON.stringify alone does not. */
function sameValue(a: unknown, b: unknown): boolean {
  if (typeof a !== typeof b || Array.isArray(a) !== Array.isArray(b) || (a === null) !== (b === null)) {
    return false;
  }
  if (typeof a !== 'object' || a === null) {
    return Object.is(a, b);
  }
  const keysA = Object.keys(a);
  const keysB = Object.keys(b as object);
  return keysA.length === keysB.length && keysA.every((key, i) => key === keysB[i]
    && sameValue((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key]));
}

import * as YAML from 'yaml';
import { LineTree, MAX_DEPTH, ParsedDocument, TOO_DEEP } from './parsed-document';
import { MERGE_KEY, plainScalarKey, plainScalarValue, taggedScalarKey, taggedScalarValue } from './yaml-scalar';

/** Aliases may expand to this many nodes per document; a billion-laughs document stops here. */
export const MAX_ALIAS_NODES = 100_000;

/**
 * Reads YAML text (one kubectl document, between `---` separators) with the `yaml` library and
 * converts it as kubectl does (go-yaml v2 through sigs.k8s.io/yaml): YAML 1.1 scalars, `<<`
 * merge keys (merged in place, later keys overriding earlier ones), the last of duplicate keys,
 * non-string keys turned into strings, aliases copied. A document that kubectl cannot convert
 * (a syntax error, a null key, `.inf`, an unknown or self-containing anchor) gets an error with
 * its line instead of a value.
 *
 * @param text the document's text
 * @param index the document's position in its file
 * @param firstLine the 1-based line of the text's first line in its file
 * @returns usually one document; more when the text holds `---` markers that are not
 *   separators (followed by content) or `...`
 */
export function readYamlWithLibrary(text: string, index: number, firstLine: number): ParsedDocument[] {
  const lineCounter = new YAML.LineCounter();
  const documents = YAML.parseAllDocuments(text, { schema: 'failsafe', uniqueKeys: false, lineCounter });
  const lineAt = (offset: number): number => firstLine + lineCounter.linePos(offset).line - 1;
  return (Array.isArray(documents) ? documents : [documents]).map((document): ParsedDocument => {
    const error = document.errors[0];
    if (error) {
      const position = endOfText(text, error.linePos?.[0]);
      const reason = error.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
      const line = position ? firstLine + position.line - 1 : firstLine;
      const what = reason.startsWith('Maximum call stack size exceeded') ? 'nested too deeply to read' : reason;
      return { index, line, error: `malformed YAML at line ${line}${position ? `, column ${position.col}` : ''}: ${what}` };
    }
    const contents = document.contents;
    const tree: LineTree = { line: contents?.range ? lineAt(contents.range[0]) : firstLine };
    try {
      const value = contents === null ? null : new Converter(document, lineAt).convert(contents, 0, tree);
      return { index, line: tree.line, value, lines: tree };
    } catch (e) {
      if (e instanceof ConversionError) {
        return { index, line: e.line, error: e.message };
      }
      throw e;
    }
  });
}

/** An error's position, moved from past the text's last line break (where the library reports an unexpected end) to the end of its last line. */
function endOfText(text: string, position: { line: number; col: number } | undefined): { line: number; col: number } | undefined {
  const lines = text.split('\n');
  if (lines[lines.length - 1] === '') {
    lines.pop();
  }
  if (!position || position.line <= lines.length || lines.length === 0) {
    return position;
  }
  return { line: lines.length, col: lines[lines.length - 1].length + 1 };
}

/** A document kubectl cannot convert to JSON, at a line. */
class ConversionError extends Error {
  constructor(message: string, public readonly line: number) {
    super(message);
  }
}

type Node = YAML.Scalar | YAML.YAMLMap | YAML.YAMLSeq | YAML.Alias;

/** Converts one document's nodes to JSON values, as go-yaml v2 and sigs.k8s.io/yaml do. */
class Converter {
  /** What each alias refers to: the last node before it with its anchor. */
  private readonly targets = new Map<YAML.Alias, Node | undefined>();
  /** The aliased nodes being converted, to refuse an anchor that contains itself. */
  private readonly expanding = new Set<Node>();
  private aliasNodes = 0;

  constructor(document: YAML.Document.Parsed, private readonly lineAt: (offset: number) => number) {
    const anchors = new Map<string, Node>();
    YAML.visit(document, {
      Node: (_key, node) => {
        if (YAML.isAlias(node)) {
          this.targets.set(node, anchors.get(node.source));
        } else if (node.anchor) {
          // Anchors are registered as they open, so a node can alias its own ancestor: refused below.
          anchors.set(node.anchor, node as Node);
        }
      },
    });
  }

  public convert(node: unknown, depth: number, tree?: LineTree, aliased = false): unknown {
    if (depth >= MAX_DEPTH) {
      this.fail(TOO_DEEP, node);
    }
    if (aliased && ++this.aliasNodes > MAX_ALIAS_NODES) {
      this.fail(`aliases expand to more than ${MAX_ALIAS_NODES.toLocaleString('en-US')} nodes (an alias bomb?); not read`, node);
    }
    if (YAML.isAlias(node)) {
      return this.alias(node, (target) => this.convert(target, depth, tree, true));
    }
    if (YAML.isScalar(node)) {
      return this.scalar(node);
    }
    if (YAML.isSeq(node)) {
      return node.items.map((item) => {
        const itemTree = tree?.items ? { line: this.lineOf(item) } : undefined;
        if (itemTree) {
          tree!.items!.push(itemTree);
        }
        return this.convert(item, depth + 1, itemTree, aliased);
      });
    }
    if (YAML.isMap(node)) {
      const result: Record<string, unknown> = {};
      if (tree) {
        tree.line = this.lineOf(node);
      }
      this.addPairs(result, node, depth, tree, aliased);
      return result;
    }
    // An empty node, e.g. the value of `key:`.
    return null;
  }

  /** The pairs of a mapping into `result`, in order: a later key overrides an earlier one, merged ones too. */
  private addPairs(result: Record<string, unknown>, node: YAML.YAMLMap, depth: number, tree: LineTree | undefined, aliased: boolean): void {
    for (const pair of node.items) {
      const keyNode = pair.key as Node | null;
      if (YAML.isScalar(keyNode) && keyNode.type === 'PLAIN' && keyNode.value === MERGE_KEY && (!keyNode.tag || keyNode.tag === 'tag:yaml.org,2002:merge')) {
        this.merge(result, pair.value as Node | null, depth, aliased, keyNode);
        continue;
      }
      const key = this.key(keyNode, node);
      const items: LineTree[] | undefined = tree && key === 'items' ? [] : undefined;
      const value = this.convert(pair.value, depth + 1, items ? { line: tree!.line, items } : undefined, aliased);
      if (items && Array.isArray(value)) {
        tree!.items = items;
      }
      setOwn(result, key, value);
    }
  }

  /** `<<: mapping`, `<<: *alias` or `<<: [...]` (earlier mappings of the list taking precedence). */
  private merge(result: Record<string, unknown>, value: Node | null, depth: number, aliased: boolean, mergeKey: Node): void {
    const sources = YAML.isSeq(value) ? [...value.items].reverse() as Node[] : [value];
    for (const source of sources) {
      const mapping = YAML.isAlias(source) ? this.alias(source, (target) => target) : source;
      if (!YAML.isMap(mapping)) {
        this.fail('map merge requires map or sequence of maps as the value', source ?? mergeKey);
      }
      const merged = this.convert(source, depth + 1, undefined, aliased) as Record<string, unknown>;
      for (const key of Object.keys(merged)) {
        setOwn(result, key, merged[key]);
      }
    }
  }

  private key(node: Node | null, mapping: YAML.YAMLMap): string {
    const target = YAML.isAlias(node) ? this.alias(node, (t) => t) : node;
    if (!YAML.isScalar(target)) {
      return this.fail(target ? 'a mapping key must be a scalar, not a collection' : 'a mapping key must not be null', node ?? mapping);
    }
    const text = textOf(target);
    const tag = shortTag(target.tag);
    if (tag) {
      const resolved = taggedScalarKey(tag, text);
      return 'error' in resolved ? this.fail(resolved.error, target) : resolved.key;
    }
    if (target.type !== 'PLAIN') {
      return text;
    }
    return plainScalarKey(text) ?? this.fail(`${text === '' || /^(?:~|null|Null|NULL)$/.test(text) ? 'a null' : `"${text}"`} cannot be a mapping key`, target);
  }

  private scalar(node: YAML.Scalar): unknown {
    const text = textOf(node);
    const tag = shortTag(node.tag);
    let value: unknown;
    if (tag) {
      const resolved = taggedScalarValue(tag, text);
      value = 'error' in resolved ? this.fail(resolved.error, node) : resolved.value;
    } else {
      value = node.type === 'PLAIN' ? plainScalarValue(text) : text;
    }
    if (typeof value === 'number' && !Number.isFinite(value)) {
      this.fail(`${text} has no JSON form (kubectl converts every document to JSON)`, node);
    }
    return value;
  }

  private alias<T>(node: YAML.Alias, use: (target: Node) => T): T {
    const target = this.targets.get(node);
    if (!target) {
      return this.fail(`unknown anchor "${node.source}" referenced`, node);
    }
    if (this.expanding.has(target)) {
      return this.fail(`anchor "${node.source}" value contains itself`, node);
    }
    this.expanding.add(target);
    try {
      return use(target);
    } finally {
      this.expanding.delete(target);
    }
  }

  private lineOf(node: unknown): number {
    const range = (node as { range?: [number, number, number] } | null)?.range;
    return range ? this.lineAt(range[0]) : 0;
  }

  private fail(message: string, node: unknown): never {
    throw new ConversionError(message, this.lineOf(node));
  }
}

/** A scalar's text before any tag resolution (the library resolves a few tags, such as !!binary, in every schema). */
function textOf(node: YAML.Scalar): string {
  if (typeof node.source === 'string') {
    return node.source;
  }
  return node.value === null || node.value === undefined ? '' : String(node.value);
}

/** `tag:yaml.org,2002:int` as `!!int`; other tags as written; none as ''. */
function shortTag(tag: string | undefined): string {
  if (!tag) {
    return '';
  }
  return tag.startsWith('tag:yaml.org,2002:') ? `!!${tag.slice('tag:yaml.org,2002:'.length)}` : tag;
}

/** Sets an own property, `__proto__` included, as JSON.parse does. */
function setOwn(target: Record<string, unknown>, key: string, value: unknown): void {
  if (key === '__proto__') {
    Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
  } else {
    target[key] = value;
  }
}

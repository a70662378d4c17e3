// A YAML file parsed with every node's position kept, so that any error found later (schema,
// references, templates) can point at the exact key or value that causes it.
import { isAlias, isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, visit, type Document, type Node } from 'yaml';
import type { ContractError } from '../dsl/errors';
import { explainYamlErrors } from './yaml-syntax-errors';
import { LineIndex, type Located, type Part, type Path, type Spot } from './located';

// The yaml package's own guard against alias bombs (its default is 100); a contract file has a
// handful of aliases at most.
const MAX_ALIAS_COUNT = 1000;
/** What the loader calls an alias bomb when it has to say where one is. */
const MAX_EXPANDED_NODES = 10_000;

export class YamlSource implements Located {
  readonly data: unknown;
  readonly syntaxErrors: ContractError[];
  private readonly doc: Document.Parsed;
  private readonly lines: LineIndex;

  constructor(
    readonly file: string,
    readonly text: string,
  ) {
    // The parser's LineCounter records where each line starts as it reads; positions reuse it.
    const lineCounter = new LineCounter();
    this.doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
    this.lines = new LineIndex(text, lineCounter.lineStarts);
    this.syntaxErrors = explainYamlErrors(file, text, this.lines, this.doc.errors);
    this.data = this.syntaxErrors.length === 0 ? this.toJS() : undefined;
  }

  // toJS throws on an alias whose anchor comes later (or never), and on alias bombs.
  private toJS(): unknown {
    try {
      return this.doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
    } catch (err) {
      if (/excessive alias count/i.test((err as Error).message)) {
        this.syntaxErrors.push(this.aliasBomb());
        return undefined;
      }
      let culprit: Node | undefined;
      visit(this.doc, { Alias: (_key, alias) => void (culprit ??= alias.resolve(this.doc) === undefined ? alias : undefined) });
      const spot = culprit ? this.rangeSpot(culprit) : this.rootSpot();
      const name = isAlias(culprit) ? culprit.source : '';
      const message = culprit ? `alias '*${name}' must refer to an anchor '&${name}' set before it` : (err as Error).message;
      this.syntaxErrors.push({ title: 'YAML syntax error', ...spot, message });
      return undefined;
    }
  }

  /**
   * The yaml package refuses an alias bomb without saying where it is. It is where the file's
   * expansion, alias by alias in reading order, first passes MAX_EXPANDED_NODES: the alias that
   * makes the file blow up (or, for a bomb spread thinly, the alias that expands most).
   */
  private aliasBomb(): ContractError {
    const sizes = new Map<Node, number>();
    const size = (node: unknown): number => {
      if (isAlias(node)) {
        const target = node.resolve(this.doc);
        return target ? size(target) : 1;
      }
      if (!isMap(node) && !isSeq(node)) return isPair(node) ? size(node.key) + size(node.value) : 1;
      const known = sizes.get(node);
      if (known !== undefined) return known;
      sizes.set(node, 1); // a cycle counts once rather than forever
      let total = 1;
      for (const item of node.items) total = Math.min(total + size(item), Number.MAX_SAFE_INTEGER);
      sizes.set(node, total);
      return total;
    };
    let expanded = 0;
    let culprit: { alias: Node; size: number; expanded: number } | undefined;
    let largest: { alias: Node; size: number; expanded: number } | undefined;
    visit(this.doc, {
      Alias: (_key, alias) => {
        const own = size(alias);
        expanded += own;
        if (!largest || own > largest.size) largest = { alias, size: own, expanded };
        if (!culprit && expanded > MAX_EXPANDED_NODES) culprit = { alias, size: own, expanded };
      },
    });
    const found = culprit ?? largest;
    const name = isAlias(found?.alias) ? found.alias.source : '';
    return {
      title: 'YAML alias bomb',
      ...(found ? this.rangeSpot(found.alias) : this.rootSpot()),
      message: `aliases must not expand a file past ${MAX_EXPANDED_NODES} values (an alias bomb); '*${name}' expands to ${found?.size ?? 0}, bringing the file to ${found?.expanded ?? 0}`,
      hint: 'Write the values out, or reuse an anchor fewer times: nested aliases multiply.',
    };
  }

  spot(path: Path, part: Part = 'value'): Spot {
    const found = this.walk(path);
    if (part === 'key' && found.complete && found.key) return this.rangeSpot(found.key);
    if (found.complete && found.node && !isEmptyScalar(found.node)) return this.rangeSpot(found.node);
    if (found.key) return this.rangeSpot(found.key);
    if (found.node) return this.rangeSpot(found.node);
    return this.rootSpot();
  }

  spotOf(path: Path, needle: string): Spot {
    const found = this.walk(path);
    const range = found.complete ? found.node?.range : undefined;
    if (range) {
      const at = this.text.indexOf(needle, range[0]);
      if (at !== -1 && at < range[1]) return this.lines.spot(this.file, at, at + needle.length);
    }
    return this.spot(path);
  }

  /** Follows the path as far as it exists; `key` is the key of the last map entry passed. */
  private walk(path: Path): { node?: Node; key?: Node; complete: boolean } {
    let node: Node | undefined = this.resolve(this.doc.contents ?? undefined);
    let key: Node | undefined;
    for (const segment of path) {
      let next: Node | undefined;
      if (isMap(node)) {
        const pair = node.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === String(segment));
        if (pair && isScalar(pair.key)) {
          key = pair.key;
          next = this.resolve((pair.value as Node | null) ?? undefined);
          if (next === undefined) return { key, complete: true };
        }
      } else if (isSeq(node) && typeof segment === 'number') {
        next = this.resolve((node.items[segment] as Node | null) ?? undefined);
        key = undefined;
      }
      if (next === undefined) return { node, key, complete: false };
      node = next;
    }
    return { node, key, complete: true };
  }

  private resolve(node: Node | undefined): Node | undefined {
    return isAlias(node) ? (node.resolve(this.doc) ?? node) : node;
  }

  private rangeSpot(node: Node): Spot {
    const range = node.range;
    if (!range) return this.rootSpot();
    // For a collection, underlining its whole first line would mislead; mark just where it starts.
    const end = isScalar(node) || isAlias(node) ? range[1] : range[0] + 1;
    return this.lines.spot(this.file, range[0], end);
  }

  private rootSpot(): Spot {
    const start = this.doc.contents?.range?.[0] ?? 0;
    return { loc: { file: this.file, ...this.lines.position(start) }, span: 1 };
  }
}

function isEmptyScalar(node: Node): boolean {
  const range = node.range;
  return isScalar(node) && node.value === null && range != null && range[0] === range[1];
}

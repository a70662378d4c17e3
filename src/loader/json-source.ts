// A strict JSON reader that remembers where every value and key starts, so that an error in a
// response schema file points at its own line:col. JSON.parse cannot do this: its messages often
// carry no position at all ("Unexpected token '}', ... is not valid JSON").
import type { ContractError } from '../dsl/errors';
import { LineIndex, type Located, type Part, type Path, type Spot } from './located';

interface Extent {
  keyStart?: number;
  keyEnd?: number;
  start: number;
  end: number;
  container: boolean; // an object or list: an error marks only its first character
}

class JsonSyntaxError extends Error {
  constructor(
    readonly offset: number,
    message: string,
  ) {
    super(message);
  }
}

export class JsonSource implements Located {
  readonly data: unknown;
  readonly syntaxErrors: ContractError[] = [];
  private readonly lines: LineIndex;
  private readonly extents = new Map<string, Extent>();
  private pos = 0;

  constructor(
    readonly file: string,
    readonly text: string,
  ) {
    this.lines = new LineIndex(text);
    try {
      this.data = this.value([], undefined);
      this.space();
      if (this.pos < text.length) throw new JsonSyntaxError(this.pos, `must end after the top-level value, found ${this.found()}`);
    } catch (err) {
      if (!(err instanceof JsonSyntaxError)) throw err;
      this.data = undefined;
      const spot = this.lines.spot(file, err.offset, err.offset + 1);
      this.syntaxErrors.push({ title: 'invalid JSON', ...spot, message: `${file} must be valid JSON: ${err.message}` });
    }
  }

  spot(path: Path, part: Part = 'value'): Spot {
    for (let n = path.length; n >= 0; n--) {
      const extent = this.extents.get(key(path.slice(0, n)));
      if (!extent) continue;
      const useKey = (part === 'key' || n < path.length) && extent.keyStart !== undefined;
      if (useKey) return this.lines.spot(this.file, extent.keyStart ?? 0, extent.keyEnd ?? 0);
      return this.lines.spot(this.file, extent.start, extent.container ? extent.start + 1 : extent.end);
    }
    return { loc: { file: this.file, line: 1, col: 1 }, span: 1 };
  }

  spotOf(path: Path, needle: string): Spot {
    const extent = this.extents.get(key(path));
    if (extent) {
      const at = this.text.indexOf(needle, extent.start);
      if (at !== -1 && at < extent.end) return this.lines.spot(this.file, at, at + needle.length);
    }
    return this.spot(path);
  }

  private value(path: (string | number)[], keyAt: [number, number] | undefined): unknown {
    this.space();
    const start = this.pos;
    const ch = this.text[this.pos];
    let result: unknown;
    if (ch === '{') result = this.object(path);
    else if (ch === '[') result = this.array(path);
    else if (ch === '"') result = this.string();
    else if (ch !== undefined && /[-0-9]/.test(ch)) result = this.number();
    else result = this.literal();
    const container = typeof result === 'object' && result !== null;
    this.extents.set(key(path), { keyStart: keyAt?.[0], keyEnd: keyAt?.[1], start, end: this.pos, container });
    return result;
  }

  private object(path: (string | number)[]): Record<string, unknown> {
    const result: Record<string, unknown> = {};
    this.pos++;
    this.space();
    if (this.text[this.pos] === '}') {
      this.pos++;
      return result;
    }
    for (;;) {
      this.space();
      if (this.text[this.pos] !== '"') throw new JsonSyntaxError(this.pos, `expected a property name in double quotes, found ${this.found()}`);
      const keyStart = this.pos;
      const name = this.string();
      if (Object.prototype.hasOwnProperty.call(result, name)) throw new JsonSyntaxError(keyStart, `property '${name}' must appear only once in an object`);
      const keyAt: [number, number] = [keyStart, this.pos];
      this.space();
      if (this.text[this.pos] !== ':') throw new JsonSyntaxError(this.pos, `expected ':' after property name '${name}', found ${this.found()}`);
      this.pos++;
      result[name] = this.value([...path, name], keyAt);
      this.space();
      const next = this.text[this.pos];
      this.pos++;
      if (next === '}') return result;
      if (next !== ',') throw new JsonSyntaxError(this.pos - 1, `expected ',' or '}' after the value of '${name}', found ${this.found(-1)}`);
      const comma = this.pos - 1;
      this.space();
      if (this.text[this.pos] === '}') throw new JsonSyntaxError(comma, "the last property must not be followed by a comma (JSON allows no trailing comma)");
    }
  }

  private array(path: (string | number)[]): unknown[] {
    const result: unknown[] = [];
    this.pos++;
    this.space();
    if (this.text[this.pos] === ']') {
      this.pos++;
      return result;
    }
    for (;;) {
      result.push(this.value([...path, result.length], undefined));
      this.space();
      const next = this.text[this.pos];
      this.pos++;
      if (next === ']') return result;
      if (next !== ',') throw new JsonSyntaxError(this.pos - 1, `expected ',' or ']' after a list item, found ${this.found(-1)}`);
      const comma = this.pos - 1;
      this.space();
      if (this.text[this.pos] === ']') throw new JsonSyntaxError(comma, "the last list item must not be followed by a comma (JSON allows no trailing comma)");
    }
  }

  private string(): string {
    const match = /^"(?:[^"\\\u0000-\u001f]|\\(?:["\\/bfnrt]|u[0-9a-fA-F]{4}))*"/.exec(this.text.slice(this.pos));
    if (!match) throw new JsonSyntaxError(this.pos, 'a string must end with a double quote on the same line, with valid escapes');
    this.pos += match[0].length;
    return JSON.parse(match[0]) as string;
  }

  private number(): number {
    const match = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/.exec(this.text.slice(this.pos));
    if (!match) throw new JsonSyntaxError(this.pos, `expected a number, found ${this.found()}`);
    this.pos += match[0].length;
    return Number(match[0]);
  }

  private literal(): unknown {
    for (const [word, value] of [['true', true], ['false', false], ['null', null]] as const) {
      if (this.text.startsWith(word, this.pos)) {
        this.pos += word.length;
        return value;
      }
    }
    throw new JsonSyntaxError(this.pos, `expected a value (object, list, string, number, true, false or null), found ${this.found()}`);
  }

  private space(): void {
    while (this.pos < this.text.length && ' \t\r\n'.includes(this.text[this.pos] ?? '')) this.pos++;
  }

  private found(shift = 0): string {
    const at = this.pos + shift;
    if (at >= this.text.length) return 'the end of the file';
    const word = /^[A-Za-z0-9_]+/.exec(this.text.slice(at))?.[0];
    return `'${word ?? this.text[at] ?? ''}'`;
  }
}

function key(path: Path): string {
  return path.map(String).join('\u0000');
}

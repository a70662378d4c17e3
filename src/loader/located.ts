// What the loader's checks need from a parsed file, whatever its syntax (YAML contracts or JSON
// response schemas): the data, and the source position of any node, addressed by its path.
import type { SourceLocation } from '../dsl/model';

/** Keys and indexes from the document root to a node, e.g. ['scenarios', 0, 'steps', 1, 'expect']. */
export type Path = readonly (string | number)[];

/** Where a node starts, and how many characters of its first line to underline. */
export interface Spot {
  loc: SourceLocation;
  span?: number;
}

/** `key`: the key of a map entry (unknown-key errors); `value`: the node itself. */
export type Part = 'key' | 'value';

export interface Located {
  readonly file: string; // relative to the project root, forward slashes
  readonly text: string;
  readonly data: unknown;
  /** The node at `path`; when it does not exist, the nearest existing parent's key. */
  spot(path: Path, part?: Part): Spot;
  /** The first occurrence of `needle` inside the node at `path`, or the node itself. */
  spotOf(path: Path, needle: string): Spot;
}

/** Turns character offsets into 1-based line and column numbers. */
export class LineIndex {
  private readonly starts: readonly number[];

  /** `lineStarts`: the offsets where lines start, when a parser has already found them. */
  constructor(
    private readonly text: string,
    lineStarts?: readonly number[],
  ) {
    if (lineStarts && lineStarts.length > 0) {
      this.starts = lineStarts;
      return;
    }
    const starts = [0];
    for (let i = 0; i < text.length; i++) if (text[i] === '\n') starts.push(i + 1);
    this.starts = starts;
  }

  position(offset: number): { line: number; col: number } {
    let low = 0;
    let high = this.starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if ((this.starts[mid] ?? 0) <= offset) low = mid;
      else high = mid - 1;
    }
    return { line: low + 1, col: offset - (this.starts[low] ?? 0) + 1 };
  }

  /** A spot from `start` to `end`, cut at the end of the first line. */
  spot(file: string, start: number, end: number): Spot {
    const { line, col } = this.position(start);
    const lineEnd = this.text.indexOf('\n', start);
    const stop = Math.min(end, lineEnd === -1 ? this.text.length : lineEnd);
    const text = this.text.slice(start, stop).replace(/\r$/, '');
    return { loc: { file, line, col }, span: text.length > 0 ? text.length : undefined };
  }
}

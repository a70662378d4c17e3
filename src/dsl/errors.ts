// The one error shape for load, compile and run time, and its Hurl-style rendering.
// Every message a QA engineer reads about a contract file goes through here, so the wording
// rules live in one place: say where, state the rule with "must", show expected against found,
// and offer a "Did you mean" when the mistake is a likely typo.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { SourceLocation } from './model';

/** One problem in a contract, pointing at the line that causes it. */
export interface ContractError {
  title: string; // short, e.g. "unknown key in expect"
  loc: SourceLocation;
  message: string; // the rule, with "must", expected vs found; no trailing period
  hint?: string; // e.g. "Did you mean 'status'?"
  /** How many characters to underline from loc.col; the renderer guesses when absent. 0: the
   * error is about the whole file, so no source line is shown. */
  span?: number;
}

/** Thrown by callers that want to stop on load errors; carries every error, not just the first. */
export class ContractLoadError extends Error {
  readonly errors: readonly ContractError[];

  constructor(errors: readonly ContractError[], rendered?: string) {
    super(rendered ?? errors.map(oneLine).join('\n'));
    this.name = 'ContractLoadError';
    this.errors = errors;
  }
}

/** `file:line:col title: message. hint` — for logs and assertion messages. */
export function oneLine(err: ContractError): string {
  const where = `${err.loc.file}:${err.loc.line}:${err.loc.col}`;
  return `${where} ${err.title}: ${withHint(err)}`;
}

function withHint(err: ContractError): string {
  if (!err.hint) return err.message;
  const stop = /[.?!:]$/.test(err.message) ? '' : '.';
  return `${err.message}${stop} ${err.hint}`;
}

/**
 * Renders one error the way Hurl does: a title, the location, the source line and a caret
 * underline followed by the message. Without the source text the snippet is left out.
 */
export function renderError(err: ContractError, sourceText?: string): string {
  const { file, line, col } = err.loc;
  const sourceLine = sourceText === undefined ? undefined : sourceText.split(/\r?\n/)[line - 1];
  // The gutter is at least two wide so one-digit and two-digit line numbers look alike.
  const width = Math.max(2, String(line).length);
  const pad = ' '.repeat(width);
  const out = [`error: ${err.title}`, `${pad}--> ${file}:${line}:${col}`, `${pad} |`];
  const text = withHint(err);
  if (sourceLine === undefined || line < 1 || err.span === 0) {
    out.push(`${pad} | ${text}`);
    return out.join('\n');
  }
  // Tabs would throw the caret off, so they are shown as single spaces (a column is a character).
  const shown = sourceLine.replace(/\t/g, ' ');
  const start = Math.min(Math.max(col, 1), shown.length + 1);
  const length = Math.max(1, Math.min(err.span ?? guessSpan(shown, start), shown.length - start + 1));
  out.push(`${String(line).padStart(width)} | ${shown}`.trimEnd());
  out.push(`${pad} | ${' '.repeat(start - 1)}${'^'.repeat(length)} ${text}`);
  return out.join('\n');
}

/** Underlines the token at the column: a quoted string, or a run up to a space, colon or comma. */
function guessSpan(line: string, col: number): number {
  const rest = line.slice(col - 1);
  const quoted = /^("(?:[^"\\]|\\.)*"|'(?:[^']|'')*')/.exec(rest);
  if (quoted?.[1]) return quoted[1].length;
  const word = /^[^\s:,\]}]+/.exec(rest);
  return word ? word[0].length : 1;
}

/**
 * Renders many errors, each with its source line, and a closing count such as
 * `3 errors in 2 files; no test was run.` `readSource` returns a file's text, or undefined.
 */
export function renderErrors(
  errors: readonly ContractError[],
  readSource: (file: string) => string | undefined,
): string {
  const cache = new Map<string, string | undefined>();
  const source = (file: string): string | undefined => {
    if (!cache.has(file)) cache.set(file, readSource(file));
    return cache.get(file);
  };
  const blocks = errors.map((err) => renderError(err, source(err.loc.file)));
  return [...blocks, summaryLine(errors)].join('\n\n') + '\n';
}

export function summaryLine(errors: readonly ContractError[]): string {
  const files = new Set(errors.map((e) => e.loc.file)).size;
  const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;
  return `${plural(errors.length, 'error')} in ${plural(files, 'file')}; no test was run.`;
}

/**
 * What a runner prints when the loader found errors: every error rendered with its source
 * line (read from `root`), then the count. Returns '' when there is nothing to report.
 */
export function formatLoadFailure(result: { errors: readonly ContractError[] }, root: string): string {
  if (result.errors.length === 0) return '';
  return renderErrors(result.errors, (file) => {
    try {
      return readFileSync(path.resolve(root, file), 'utf8');
    } catch {
      return undefined;
    }
  });
}

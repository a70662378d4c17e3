// The yaml parser's errors, placed and worded for a reader. A YAML mistake usually sets off a
// cascade of later complaints about the same spot, so only the first error on each line is
// kept, and nothing after an unclosed quote (which swallows the rest of the file).
import type { YAMLError } from 'yaml';
import type { ContractError } from '../dsl/errors';
import type { LineIndex } from './located';

export function explainYamlErrors(file: string, text: string, lines: LineIndex, errors: readonly YAMLError[]): ContractError[] {
  const out: ContractError[] = [];
  const usedLines = new Set<number>();
  for (const e of [...errors].sort((a, b) => a.pos[0] - b.pos[0])) {
    const quote = e.code === 'MISSING_CHAR' && /quote/i.test(e.message);
    const close = e.code === 'BAD_INDENT' ? /end with an? ([}\]])/.exec(e.message)?.[1] : undefined;
    const opened = quote
      ? unclosed(text, e.pos[0], e.message.includes("'") ? "'" : '"')
      : close
        ? unclosed(text, e.pos[0], close === '}' ? '{' : '[', close)
        : undefined;
    const start = opened ?? e.pos[0];
    const words = reword(e, text, quote, opened !== undefined ? close : undefined);
    const spot = lines.spot(file, start, start + (words.span ?? Math.max(1, e.pos[1] - e.pos[0])));
    if (usedLines.has(spot.loc.line)) continue;
    usedLines.add(spot.loc.line);
    out.push({ title: 'YAML syntax error', ...spot, message: words.message, ...(words.hint ? { hint: words.hint } : {}) });
    // An unclosed quote or bracket swallows the rest of the file: what follows is noise.
    if (opened !== undefined) break;
  }
  return out;
}

function reword(e: YAMLError, text: string, quote: boolean, close: string | undefined): { message: string; hint?: string; span?: number } {
  const message = e.message.replace(/\s+/g, ' ').trim().replace(/\.$/, '');
  if (quote) return { message: 'this quoted text must end with a closing quote on the same line', hint: 'Add the missing quote.' };
  if (close) return { message: `this '${close === '}' ? '{' : '['}' must be closed with a matching '${close}'`, hint: `Add the missing '${close}'.`, span: 1 };
  switch (e.code) {
    case 'DUPLICATE_KEY': {
      const key = /^["']?([^"':\n]*)/.exec(text.slice(e.pos[0]))?.[1]?.trim() ?? '';
      return { message: `key '${key}' must appear only once in a map`, hint: 'Remove or rename one of them.', span: key.length };
    }
    case 'TAB_AS_INDENT':
      return { message, hint: 'Indent with spaces, not tabs.' };
    case 'MULTIPLE_DOCS':
      return { message, hint: 'Keep one document per file: remove the extra "---".' };
    case 'BAD_INDENT':
      return { message, hint: 'Check the indentation of this line against the lines above it.' };
    default:
      return { message };
  }
}

/**
 * Where an unclosed quote or bracket opens: the parser only notices further down. It is the last
 * line before `pos` (comments aside) where `open` is left unbalanced, at a place a value starts.
 */
function unclosed(text: string, pos: number, open: string, close = open): number | undefined {
  const lines = [...text.slice(0, pos).matchAll(/^.*$/gm)].reverse();
  for (const match of lines) {
    const line = match[0].replace(/(^|\s)#.*$/, '');
    const at = line.lastIndexOf(open);
    if (at === -1 || !/(^\s*|[:,[{-]\s*)$/.test(line.slice(0, at))) continue;
    const opens = line.split(open).length - 1;
    const balanced = open === close ? opens % 2 === 0 : opens <= line.split(close).length - 1;
    if (!balanced) return match.index + at;
  }
  return undefined;
}

// Reads a contract, vendor or schema file as text, refusing what would make the loader lie or
// run out of memory: files over the size limit (a 20 MB file took 1 GB to parse) and bytes that
// are not UTF-8 (Node would silently replace them with U+FFFD, so a password written in Latin-1
// would be sent as something else). Each refusal points at the file, and for bad bytes at the
// line and column of the first one.
import { readFileSync, statSync } from 'node:fs';
import { isUtf8 } from 'node:buffer';
import path from 'node:path';
import type { ContractError } from '../dsl/errors';

/** The largest file the loader reads: 1 MiB (documented in docs/contract-language.md). */
export const MAX_FILE_BYTES = 1024 * 1024;

export type ReadSource = { text: string; errors: [] } | { text?: undefined; errors: ContractError[] };

export function readSource(root: string, rel: string): ReadSource {
  const absolute = path.join(root, rel);
  const size = statSync(absolute).size;
  if (size > MAX_FILE_BYTES) {
    return {
      errors: [{
        title: 'file too large',
        loc: { file: rel, line: 1, col: 1 },
        span: 0,
        message: `${rel} must be at most ${MAX_FILE_BYTES} bytes (1 MiB); it has ${size}`,
        hint: 'Split it into several files, one capability each.',
      }],
    };
  }
  const bytes = readFileSync(absolute);
  if (isUtf8(bytes)) return { text: bytes.toString('utf8'), errors: [] };
  const { line, col } = firstBadByte(bytes);
  return {
    errors: [{
      title: 'not UTF-8',
      loc: { file: rel, line, col },
      span: 0,
      message: `${rel} must be encoded in UTF-8; the bytes at line ${line}, column ${col} are not`,
      hint: 'Save the file as UTF-8 in your editor (it may have been written as Latin-1 or Windows-1252).',
    }],
  };
}

/**
 * Where the first invalid byte sits. A newline byte never occurs inside a UTF-8 sequence, so the
 * file splits into lines as bytes; inside the first bad line the platform's own decoder, fed one
 * byte at a time, says where the sequence breaks (the column counts the characters before it).
 */
function firstBadByte(bytes: Buffer): { line: number; col: number } {
  let start = 0;
  for (let line = 1; start <= bytes.length; line++) {
    const newline = bytes.indexOf(0x0a, start);
    const end = newline === -1 ? bytes.length : newline;
    const lineBytes = bytes.subarray(start, end);
    if (!isUtf8(lineBytes)) return { line, col: badColumn(lineBytes) };
    start = end + 1;
  }
  return { line: 1, col: 1 };
}

function badColumn(line: Buffer): number {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let chars = 0;
  for (let i = 0; i < line.length; i++) {
    try {
      chars += decoder.decode(line.subarray(i, i + 1), { stream: true }).length;
    } catch {
      return chars + 1;
    }
  }
  // The line ends inside a sequence: the break is after its last complete character.
  return chars + 1;
}

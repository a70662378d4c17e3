// Redacts attachment files in place: text files (error-context.md, logs, JSON) and zip files
// (Playwright traces, which record every request header and body). A trace member that is text
// is redacted (its JSON also by field name, see trace-json.ts) and the zip rebuilt; a zip that
// cannot be read is replaced by a note, because an unreadable trace cannot be proven clean.
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Zippable } from 'fflate';
import type { TextRedactor } from './run-redactor';
import { isTraceJsonMember, maskTraceJson } from './trace-json';

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** The text of bytes that are valid UTF-8 without NUL bytes, else undefined (binary data). */
function asText(bytes: Uint8Array): string | undefined {
  if (bytes.includes(0)) return undefined;
  try {
    return utf8.decode(bytes);
  } catch {
    return undefined;
  }
}

export function isZip(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

/** Redacts one blob: text as text, zips member by member; other binary data is returned as is. */
export function redactBytes(bytes: Uint8Array, redactor: TextRedactor): Uint8Array {
  if (isZip(bytes)) return redactZip(bytes, redactor);
  const text = asText(bytes);
  if (text === undefined) return bytes;
  const redacted = redactor.redact(text);
  return redacted === text ? bytes : Buffer.from(redacted, 'utf8');
}

export function redactZip(bytes: Uint8Array, redactor: TextRedactor): Uint8Array {
  // Required here: only a run with traces or zipped attachments needs it, and loading it cost the
  // runner about 20 ms before any test (the redacting reporter loads this module at start).
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { unzipSync, zipSync } = require('fflate') as typeof import('fflate');
  let members: Record<string, Uint8Array>;
  try {
    members = unzipSync(bytes);
  } catch {
    return zipSync({ 'REDACTED.txt': Buffer.from('This archive could not be read to redact secrets, so its content was removed.\n') });
  }
  let changed = false;
  const out: Zippable = {};
  for (const [name, content] of Object.entries(members)) {
    // Trace events and recorded bodies are JSON: credential fields are masked by name as well.
    const member = isTraceJsonMember(name) ? { redact: (text: string) => maskTraceJson(redactor.redact(text), (s) => redactor.redact(s)) } : redactor;
    const redacted = redactBytes(content, member);
    changed ||= redacted !== content;
    out[name] = redacted;
  }
  return changed ? zipSync(out, { level: 1 }) : bytes;
}

/** Rewrites a file only when redaction changed it; a missing file is not an error. */
export function redactFile(file: string, redactor: TextRedactor): boolean {
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch {
    return false;
  }
  const redacted = redactBytes(bytes, redactor);
  if (redacted === bytes) return false;
  writeFileSync(file, redacted);
  return true;
}

/**
 * Redacts every file under a folder. Tests may write files into their output folder without
 * attaching them (only attached copies pass through the reporters), so the run's output folder
 * is swept once at the end. Returns how many files changed.
 */
export function redactTree(dir: string, redactor: TextRedactor): number {
  let entries: string[];
  try {
    entries = readdirSync(dir);
  } catch {
    return 0;
  }
  let changed = 0;
  for (const entry of entries) {
    const full = path.join(dir, entry);
    let isDir = false;
    try {
      isDir = statSync(full).isDirectory();
    } catch {
      continue;
    }
    if (isDir) changed += redactTree(full, redactor);
    else if (redactFile(full, redactor)) changed += 1;
  }
  return changed;
}

// Writes compiled files under generated/, touching only what changed: an unchanged file keeps
// its timestamp (Playwright's transform cache stays warm, and a run in progress in another
// process never sees a half-written file it already loaded), a changed file is replaced
// atomically via rename, and files no longer produced are removed.
import { mkdirSync, readFileSync, readdirSync, renameSync, rmSync, rmdirSync, writeFileSync, type Dirent } from 'node:fs';
import path from 'node:path';
import type { GeneratedFile } from './compile-suite';

/** Not a compiled file: the config's record of what the last build read and wrote (cli/build-if-changed.ts). */
export const BUILD_STAMP_FILE = '.build-stamp.json';

export type WriteStatus = 'written' | 'unchanged' | 'removed';

export interface WriteResult {
  path: string; // relative to generated/
  status: WriteStatus;
}

export function writeGenerated(generatedDir: string, files: readonly GeneratedFile[]): WriteResult[] {
  const results: WriteResult[] = [];
  const wanted = new Set(files.map((f) => f.path));
  for (const file of files) {
    const target = path.join(generatedDir, file.path);
    if (readOrUndefined(target) === file.code) {
      results.push({ path: file.path, status: 'unchanged' });
      continue;
    }
    mkdirSync(path.dirname(target), { recursive: true });
    const temp = `${target}.${process.pid}.tmp`;
    writeFileSync(temp, file.code);
    renameSync(temp, target);
    results.push({ path: file.path, status: 'written' });
  }
  for (const stale of listFiles(generatedDir)) {
    // Another run compiling at the same moment owns its *.tmp files until it renames them.
    if (wanted.has(stale) || stale.endsWith('.tmp') || stale === BUILD_STAMP_FILE) continue;
    rmSync(path.join(generatedDir, stale), { force: true });
    results.push({ path: stale, status: 'removed' });
  }
  removeEmptyDirs(generatedDir);
  return results;
}

function readOrUndefined(file: string): string | undefined {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}

function listFiles(dir: string, prefix = ''): string[] {
  return entriesOf(dir).flatMap((e) => (e.isDirectory() ? listFiles(path.join(dir, e.name), `${prefix}${e.name}/`) : [`${prefix}${e.name}`]));
}

function removeEmptyDirs(dir: string): void {
  for (const entry of entriesOf(dir)) {
    if (!entry.isDirectory()) continue;
    const child = path.join(dir, entry.name);
    removeEmptyDirs(child);
    if (entriesOf(child).length === 0) rmdirSync(child);
  }
}

/** A folder's entries; none when it does not exist (generated/ before the first compile). */
function entriesOf(dir: string): Dirent[] {
  try {
    return readdirSync(dir, { withFileTypes: true });
  } catch {
    return [];
  }
}

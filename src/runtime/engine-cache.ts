// The runner loads the engine only to fill Playwright's compile cache for its workers
// (engine.ts). Once the cache holds it, loading it again cost the runner about 40 ms before the
// first test of every run. A stamp in Playwright's cache folder lists the project files compiled
// then (path, size, modification time) and the Playwright version; while none of them changed,
// the runner skips the load. A stale or missing stamp only costs speed, never correctness: a
// worker that misses the cache compiles the file itself. tests/runtime/worker-compile.spec.ts
// checks that a worker compiles nothing, on a first run and on the run after it.
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { loadEngine } from './engine';
import { PROJECT_ROOT } from './paths';

type FileStamp = [file: string, size: number, mtimeMs: number];

interface EngineStamp {
  playwright: string;
  files: FileStamp[];
}

/** Playwright's compile cache folder, as playwright/lib/common computes it. */
export function transformCacheDir(env: NodeJS.ProcessEnv = process.env): string {
  const dir = env.PLAYWRIGHT_TRANSFORM_CACHE_DIR || env.PWTEST_CACHE_DIR;
  if (dir) return dir;
  return path.join(tmpdir(), process.platform === 'win32' ? 'playwright-transform-cache' : `playwright-transform-cache-${process.geteuid?.() ?? ''}`);
}

function playwrightVersion(): string {
  return (JSON.parse(readFileSync(require.resolve('@playwright/test/package.json'), 'utf8')) as { version: string }).version;
}

function stampOf(file: string): FileStamp | undefined {
  try {
    const stat = statSync(file);
    return [file, stat.size, stat.mtimeMs];
  } catch {
    return undefined;
  }
}

/** True when the stamp names this Playwright and every file it lists is as it was then. */
export function stampIsFresh(stampFile: string, version: string): boolean {
  let stamp: EngineStamp;
  try {
    stamp = JSON.parse(readFileSync(stampFile, 'utf8')) as EngineStamp;
  } catch {
    return false;
  }
  if (stamp.playwright !== version || !Array.isArray(stamp.files) || stamp.files.length === 0) return false;
  return stamp.files.every(([file, size, mtimeMs]) => {
    const now = stampOf(file);
    return now !== undefined && now[1] === size && now[2] === mtimeMs;
  });
}

/** The project's own files this process has loaded (the engine among them), and tsconfig.json:
 * Playwright's cache key depends on some of its options. */
export function loadedProjectFiles(loaded: readonly string[] = Object.keys(require.cache)): string[] {
  const src = path.join(PROJECT_ROOT, 'src') + path.sep;
  return [...loaded.filter((f) => f.startsWith(src)), path.join(PROJECT_ROOT, 'tsconfig.json')];
}

export function writeStamp(stampFile: string, version: string, files: readonly string[]): void {
  const stamp: EngineStamp = { playwright: version, files: files.map(stampOf).filter((s): s is FileStamp => s !== undefined) };
  mkdirSync(path.dirname(stampFile), { recursive: true });
  writeFileSync(stampFile, JSON.stringify(stamp));
}

/** In the runner: loads the engine unless Playwright's cache already holds this version of it. */
export function cacheEngineForWorkers(env: NodeJS.ProcessEnv = process.env): void {
  const version = playwrightVersion();
  const key = createHash('sha1').update(PROJECT_ROOT).digest('hex').slice(0, 12);
  const stampFile = path.join(transformCacheDir(env), `auth-contracts-engine-${key}.json`);
  if (stampIsFresh(stampFile, version)) return;
  loadEngine();
  try {
    writeStamp(stampFile, version, loadedProjectFiles());
  } catch {
    // An unwritable cache folder: the next run loads the engine again, as before the stamp.
  }
}

// What playwright.config.ts calls before a run: the build (load, compile, write generated/), unless
// nothing it depends on changed since the last build. Loading the loader and compiler and parsing
// every YAML file costs the runner 0.3-0.6 s of CPU before any worker can start; hashing the
// build's inputs and outputs costs a few milliseconds. This module imports neither the loader nor
// the compiler, so a run with nothing to build never loads them.
//
// The stamp (generated/.build-stamp.json) holds two hashes, written after a successful build:
// - inputs: every file under <root>/specs and <root>/schemas, the language's own schemas, the
//   source of every stage the build runs (src/dsl, loader, compiler, cli, patterns, runtime/paths)
//   and package-lock.json (the yaml and ajv versions shape error messages), and both roots' paths;
// - outputs: every file under generated/ as the build left it, so a deleted, edited or stale
//   generated file (say, from `npm run compile -- --vendor x`) means a rebuild.
// A build with load errors writes nothing and keeps the old stamp, whose inputs then differ, so
// the next run loads again and prints the errors again. REBUILD=1 always builds.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { BUILD_STAMP_FILE } from '../compiler/write-generated';
import { generatedDirOf, PROJECT_ROOT } from '../runtime/paths';

/** The source folders and files of the build itself, relative to the project root. */
export const BUILD_CODE: readonly string[] = ['src/dsl', 'src/loader', 'src/compiler', 'src/cli', 'src/patterns', 'src/runtime/paths.ts', 'schemas', 'package-lock.json'];

export interface BuildCheck {
  /** false: nothing changed, the build was skipped. */
  built: boolean;
  /** The rendered load errors, '' when there are none. */
  errors: string;
}

interface Stamp {
  inputs: string;
  outputs: string;
}

/** Every file under each path (a file counts as itself), sorted, as absolute paths. */
function filesUnder(paths: readonly string[]): string[] {
  const out: string[] = [];
  const walk = (entry: string): void => {
    let children;
    try {
      children = readdirSync(entry, { withFileTypes: true });
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'ENOTDIR') out.push(entry);
      else if (code !== 'ENOENT') throw error;
      return;
    }
    for (const child of children) walk(path.join(entry, child.name));
  };
  paths.forEach(walk);
  return [...new Set(out)].sort();
}

/** One hash over the names and contents of the files, with the given labels first. */
function hashFiles(files: readonly string[], labels: readonly string[], skip: (file: string) => boolean = () => false): string {
  const hash = createHash('sha256');
  for (const label of labels) hash.update(`${label}\0`);
  for (const file of files) {
    if (skip(file)) continue;
    hash.update(`${file}\0`);
    hash.update(readFileSync(file));
    hash.update('\0');
  }
  return hash.digest('hex');
}

export function inputsHash(root: string): string {
  const paths = [path.join(root, 'specs'), path.join(root, 'schemas'), ...BUILD_CODE.map((p) => path.join(PROJECT_ROOT, p))];
  return hashFiles(filesUnder(paths), [root, PROJECT_ROOT]);
}

export function outputsHash(generatedDir: string): string {
  const stamp = path.join(generatedDir, BUILD_STAMP_FILE);
  // A *.tmp file is another run's write in progress (write-generated.ts): not part of the output.
  return hashFiles(filesUnder([generatedDir]), [], (file) => file === stamp || file.endsWith('.tmp'));
}

function readStamp(file: string): Stamp | undefined {
  try {
    const stamp = JSON.parse(readFileSync(file, 'utf8')) as Partial<Stamp>;
    return typeof stamp.inputs === 'string' && typeof stamp.outputs === 'string' ? { inputs: stamp.inputs, outputs: stamp.outputs } : undefined;
  } catch {
    return undefined;
  }
}

export function buildIfChanged(root: string, processEnv: NodeJS.ProcessEnv = process.env): BuildCheck {
  const generatedDir = generatedDirOf(root);
  const stampFile = path.join(generatedDir, BUILD_STAMP_FILE);
  const inputs = inputsHash(root);
  const stamp = processEnv.REBUILD === '1' ? undefined : readStamp(stampFile);
  if (stamp && stamp.inputs === inputs && stamp.outputs === outputsHash(generatedDir)) return { built: false, errors: '' };

  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { buildGenerated } = require('./build-generated') as typeof import('./build-generated');
  const build = buildGenerated(root);
  if (build.errors.length > 0) return { built: true, errors: build.rendered };
  // Written whole and renamed, so a run starting meanwhile reads the old stamp or the new one.
  const temp = `${stampFile}.${process.pid}.tmp`;
  writeFileSync(temp, `${JSON.stringify({ inputs, outputs: outputsHash(generatedDir) } satisfies Stamp)}\n`);
  renameSync(temp, stampFile);
  return { built: true, errors: '' };
}

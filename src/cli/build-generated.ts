// Load, compile and write: what both `npm run compile` and playwright.config.ts do before any
// test runs. Load errors stop the build with every error rendered (file:line:col, the source
// line, a caret); nothing under generated/ is touched then, so no stale test can run.
import path from 'node:path';
import type { ContractError } from '../dsl/errors';
import { formatLoadFailure } from '../dsl/errors';
import { compileSuite, type GeneratedFile } from '../compiler/compile-suite';
import { writeGenerated, type WriteResult } from '../compiler/write-generated';
import { loadSuite } from '../loader/load-suite';
import { generatedDirOf, PROJECT_ROOT } from '../runtime/paths';

export interface BuildOptions {
  vendors?: string[];
  /** false: compile only (for --stdout). */
  write?: boolean;
}

export interface BuildResult {
  errors: readonly ContractError[];
  /** The rendered load errors, '' when there are none. */
  rendered: string;
  files: GeneratedFile[];
  written: WriteResult[];
  generatedDir: string;
}

// Lives in runtime/paths.ts, which the config can import without the loader and compiler.
export { generatedDirOf };

export function buildGenerated(root: string, options: BuildOptions = {}): BuildResult {
  const generatedDir = generatedDirOf(root);
  const result = loadSuite(root, options.vendors ? { vendors: options.vendors } : undefined);
  if (result.errors.length > 0) {
    return { errors: result.errors, rendered: formatLoadFailure(result, root), files: [], written: [], generatedDir };
  }
  const files = compileSuite(result.suite, { generatedDir, runtimeModule: path.join(PROJECT_ROOT, 'src', 'runtime', 'contract-test') });
  const written = options.write === false ? [] : writeGenerated(generatedDir, files);
  return { errors: [], rendered: '', files, written, generatedDir };
}

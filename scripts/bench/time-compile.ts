// Times the build the runner does before any test runs (load YAML -> model, compile -> spec
// text, write generated/), stage by stage, in a fresh process so nothing is warm that would not
// be warm for a user. Run by the benchmark as `node --import tsx time-compile.ts <root>`; prints
// one JSON line. `importMs` is the time from process start to the first line of main(): Node,
// tsx and the loader's and compiler's modules (yaml, ajv); playwright.config.ts pays it too.
import path from 'node:path';
import { generatedDirOf } from '../../src/cli/build-generated';
import { compileSuite } from '../../src/compiler/compile-suite';
import { writeGenerated } from '../../src/compiler/write-generated';
import { loadSuite } from '../../src/loader/load-suite';
import { PROJECT_ROOT } from '../../src/runtime/paths';

function main(): void {
  const root = path.resolve(process.argv[2] ?? '.');
  const t1 = performance.now(); // milliseconds since this process started
  const loaded = loadSuite(root);
  const t2 = performance.now();
  if (loaded.errors.length > 0) throw new Error(`the suite under ${root} has ${loaded.errors.length} load error(s), the first: ${loaded.errors[0]?.message ?? ''}`);
  const generatedDir = generatedDirOf(root);
  const files = compileSuite(loaded.suite, { generatedDir, runtimeModule: path.join(PROJECT_ROOT, 'src', 'runtime', 'contract-test') });
  const t3 = performance.now();
  const written = writeGenerated(generatedDir, files);
  const t4 = performance.now();
  const scenarios = loaded.suite.files.reduce((sum, f) => sum + f.scenarios.length, 0);
  console.log(
    JSON.stringify({
      scenarios,
      files: files.length,
      written: written.filter((w) => w.status === 'written').length,
      importMs: t1,
      loadMs: t2 - t1,
      compileMs: t3 - t2,
      writeMs: t4 - t3,
    }),
  );
}

try {
  main();
} catch (error) {
  console.error(`time-compile failed: ${(error as Error).message}`);
  process.exitCode = 1;
}

// The generated code must type-check against the runtime and the model it calls into: the golden
// suite is compiled beside the project (so its imports resolve) and checked with the project's
// compiler options.
import { expect, test } from '@playwright/test';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { compileSuite } from '../../src/compiler/compile-suite';
import { loadSuite } from '../../src/loader/load-suite';

const PROJECT = path.resolve(__dirname, '..', '..');

test('generated spec files type-check', () => {
  test.setTimeout(60_000);
  const out = path.join(PROJECT, 'reports', '.typecheck-generated', String(process.pid));
  rmSync(out, { recursive: true, force: true });
  const { suite, errors } = loadSuite(path.join(__dirname, 'golden', 'shop'));
  expect(errors).toEqual([]);
  const files = compileSuite(suite, { generatedDir: out, runtimeModule: path.join(PROJECT, 'src', 'runtime', 'contract-test') });
  for (const file of files) {
    mkdirSync(path.dirname(path.join(out, file.path)), { recursive: true });
    writeFileSync(path.join(out, file.path), file.code);
  }
  const config = ts.readConfigFile(path.join(PROJECT, 'tsconfig.json'), (f) => ts.sys.readFile(f));
  const { options } = ts.parseJsonConfigFileContent(config.config, ts.sys, PROJECT);
  const program = ts.createProgram(files.map((f) => path.join(out, f.path)), { ...options, noEmit: true });
  const diagnostics = ts.getPreEmitDiagnostics(program).map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
  rmSync(out, { recursive: true, force: true });
  expect(diagnostics).toEqual([]);
});

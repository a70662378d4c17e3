// Compiles a loaded suite into Playwright spec files: per vendor a `vendor.ts` and, when it has
// findings, a `findings.spec.ts`; manifest.json (emit-manifest.ts); and the contract specs in
// `0-serial/<rank>-<name>.spec.ts`: one per lock with every scenario that takes it (so sharding
// cannot split a lock), and one per contract file with its scenarios that take no lock. Each spec
// runs its scenarios in order in one worker (`fullyParallel: false`), and Playwright hands specs
// out in path order, so they are ranked by how many requests they run, longest first: the
// longest runs start at once and the short ones fill the workers at the end (docs/performance.md,
// "Start-up, the latency bound and `npm test` on a faster machine"). Reports key a test's
// history by its scenario, not by this path (reporting/allure/contract-labels.ts,
// junit/junit-reporter.ts), so a changed rank loses none.
// Pure: it returns the files' paths (relative to generated/) and text; writing them is
// write-generated.ts's job.
import path from 'node:path';
import type { ContractFile, ContractSuite, Scenario, VendorManifest } from '../dsl/model';
import { MANIFEST_FILE } from '../dsl/manifest';
import { emitContractFiles } from './emit-contract-file';
import { emitManifest } from './emit-manifest';
import { splitByLock } from './group-by-lock';
import { emitFindings, emitVendorInfo } from './emit-vendor-files';

export interface GeneratedFile {
  /** Relative to the generated/ folder, forward slashes: "truedat/create-session.spec.ts". */
  path: string;
  /** The source files it comes from, relative to the project root (several for a lock group). */
  sources: string[];
  code: string;
}

export interface CompileOptions {
  /** Absolute path of the generated/ folder. */
  generatedDir: string;
  /** Absolute path of src/runtime/contract-test (without extension). */
  runtimeModule: string;
}

/** The folder of the ranked contract specs; a digit sorts before every vendor's folder. */
export const SERIAL_DIR = '0-serial';

/** One ranked spec. `name` is its file name after the rank; `chain` is set for a lock's chain. */
interface Run {
  name: string;
  steps: number;
  vendor: VendorManifest;
  files: ContractFile[];
  chain?: { name: string; steps: number };
}

export function compileSuite(suite: ContractSuite, options: CompileOptions): GeneratedFile[] {
  const files: GeneratedFile[] = [];
  // Which spec holds each scenario, for the manifest (scenarios are the loader's own objects).
  const specOf = new Map<Scenario, string>();
  const holds = (spec: string, parts: readonly ContractFile[]): void => parts.forEach((f) => f.scenarios.forEach((s) => specOf.set(s, spec)));
  // Every spec that runs in order in one worker: a lock's chain, or a file's scenarios without one.
  const runs: Run[] = [];
  for (const vendor of [...suite.vendors].sort((a, b) => a.vendor.localeCompare(b.vendor))) {
    const runtimeImport = importPath(path.join(options.generatedDir, vendor.vendor), options.runtimeModule);
    files.push({ path: `${vendor.vendor}/vendor.ts`, sources: [vendor.file], code: emitVendorInfo(vendor, runtimeImport) });
    // A vendor without findings gets no findings spec: its one empty test would cost a worker
    // start of its own in a small run (a second spec file takes a second worker) and report nothing.
    if (vendor.findings.length > 0) {
      files.push({ path: `${vendor.vendor}/findings.spec.ts`, sources: [vendor.file], code: emitFindings(vendor, runtimeImport) });
    }
    const contracts = suite.files.filter((f) => f.vendor === vendor.vendor).sort((a, b) => a.file.localeCompare(b.file));
    const split = splitByLock(contracts);
    for (const file of split.free) {
      const base = path.posix.basename(file.file).replace(/\.ya?ml$/, '');
      const steps = file.scenarios.reduce((n, s) => n + s.steps.length, 0);
      runs.push({ name: `${vendor.vendor}-${base}`, steps, vendor, files: [file] });
    }
    for (const chain of split.chains) {
      const name = chain.lock.startsWith(`${vendor.vendor}-`) ? chain.lock : `${vendor.vendor}-${chain.lock}`;
      runs.push({ name, steps: chain.steps, vendor, files: chain.files, chain: { name: chain.lock, steps: chain.steps } });
    }
  }
  // Most requests first; ties by name, so the ranks are stable from one compile to the next.
  const ranked = [...runs].sort((a, b) => b.steps - a.steps || a.name.localeCompare(b.name));
  const width = String(ranked.length).length;
  const runtimeImport = importPath(path.join(options.generatedDir, SERIAL_DIR), options.runtimeModule);
  ranked.forEach((run, i) => {
    const spec = `${SERIAL_DIR}/${String(i + 1).padStart(width, '0')}-${run.name}.spec.ts`;
    holds(spec, run.files);
    files.push({
      path: spec,
      sources: run.files.map((f) => f.file),
      code: emitContractFiles(run.files, { vendor: run.vendor, runtimeImport, vendorImport: `../${run.vendor.vendor}/vendor`, lock: run.chain }),
    });
  });
  files.push({ path: MANIFEST_FILE, sources: suite.vendors.map((v) => v.file).sort(), code: emitManifest(suite, specOf) });
  return files;
}

/** A relative module specifier from a folder to a module, always starting with "./" or "../". */
function importPath(fromDir: string, module: string): string {
  const relative = path.relative(fromDir, module).split(path.sep).join('/');
  return relative.startsWith('.') ? relative : `./${relative}`;
}

// Compiles a loaded suite into Playwright spec files: per vendor a `vendor.ts` and, when it has
// findings, a `findings.spec.ts`; manifest.json (emit-manifest.ts), one `<vendor>/<file>.spec.ts` per contract
// file with its scenarios that take no lock, and one `0-serial/<rank>-<lock>.spec.ts` per lock with
// every scenario that takes it (so sharding cannot split a lock). Playwright hands out spec files in
// path order: the chains sort first, longest first, so the longest run of requests that must go
// one after another starts at once instead of waiting for a free worker. Pure: it returns the
// files' paths (relative to generated/) and text; writing them is write-generated.ts's job.
import path from 'node:path';
import type { ContractFile, ContractSuite, Scenario, VendorManifest } from '../dsl/model';
import { MANIFEST_FILE } from '../dsl/manifest';
import { emitContractFiles } from './emit-contract-file';
import { emitManifest } from './emit-manifest';
import { longestFirst, splitByLock, type LockChain } from './group-by-lock';
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

const RESERVED = new Set(['vendor', 'findings']);
/** The folder of the lock chains; a digit sorts before every vendor's folder. */
export const SERIAL_DIR = '0-serial';

export function compileSuite(suite: ContractSuite, options: CompileOptions): GeneratedFile[] {
  const files: GeneratedFile[] = [];
  // Which spec holds each scenario, for the manifest (scenarios are the loader's own objects).
  const specOf = new Map<Scenario, string>();
  const holds = (spec: string, parts: readonly ContractFile[]): void => parts.forEach((f) => f.scenarios.forEach((s) => specOf.set(s, spec)));
  const chains: (LockChain & { vendor: VendorManifest })[] = [];
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
      if (RESERVED.has(base)) {
        throw new Error(`${file.file}: a contract file must not be named ${base}.yaml; generated/${vendor.vendor}/${base}.* belongs to the vendor`);
      }
      holds(`${vendor.vendor}/${base}.spec.ts`, [file]);
      files.push({ path: `${vendor.vendor}/${base}.spec.ts`, sources: [file.file], code: emitContractFiles([file], { vendor, runtimeImport, vendorImport: './vendor' }) });
    }
    chains.push(...split.chains.map((chain) => ({ ...chain, vendor })));
  }
  const ranked = longestFirst(chains);
  const width = String(ranked.length).length;
  const runtimeImport = importPath(path.join(options.generatedDir, SERIAL_DIR), options.runtimeModule);
  ranked.forEach((chain, i) => {
    const { vendor } = chain;
    const name = chain.lock.startsWith(`${vendor.vendor}-`) ? chain.lock : `${vendor.vendor}-${chain.lock}`;
    const spec = `${SERIAL_DIR}/${String(i + 1).padStart(width, '0')}-${name}.spec.ts`;
    holds(spec, chain.files);
    files.push({
      path: spec,
      sources: chain.files.map((f) => f.file),
      code: emitContractFiles(chain.files, { vendor, runtimeImport, vendorImport: `../${vendor.vendor}/vendor`, lock: { name: chain.lock, steps: chain.steps } }),
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

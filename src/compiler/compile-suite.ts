// Compiles a loaded suite into Playwright spec files: per vendor a `vendor.ts` and a
// `findings.spec.ts`, manifest.json (emit-manifest.ts), and one `<file>.spec.ts` per contract file (files whose scenarios share a
// lock are compiled together, `<a>+<b>.spec.ts`, so that sharding cannot split a lock). Pure: it returns the files'
// paths (relative to generated/) and text; writing them is write-generated.ts's job.
import path from 'node:path';
import type { ContractSuite } from '../dsl/model';
import { MANIFEST_FILE } from '../dsl/manifest';
import { emitContractFiles } from './emit-contract-file';
import { emitManifest } from './emit-manifest';
import { groupByLock } from './group-by-lock';
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

export function compileSuite(suite: ContractSuite, options: CompileOptions): GeneratedFile[] {
  const files: GeneratedFile[] = [];
  for (const vendor of [...suite.vendors].sort((a, b) => a.vendor.localeCompare(b.vendor))) {
    const runtimeImport = importPath(path.join(options.generatedDir, vendor.vendor), options.runtimeModule);
    files.push({ path: `${vendor.vendor}/vendor.ts`, sources: [vendor.file], code: emitVendorInfo(vendor, runtimeImport) });
    files.push({ path: `${vendor.vendor}/findings.spec.ts`, sources: [vendor.file], code: emitFindings(vendor, runtimeImport) });
    const contracts = suite.files.filter((f) => f.vendor === vendor.vendor).sort((a, b) => a.file.localeCompare(b.file));
    for (const group of groupByLock(contracts)) {
      const bases = group.map((file) => {
        const base = path.posix.basename(file.file).replace(/\.ya?ml$/, '');
        if (RESERVED.has(base)) {
          throw new Error(`${file.file}: a contract file must not be named ${base}.yaml; generated/${vendor.vendor}/${base}.* belongs to the vendor`);
        }
        return base;
      });
      files.push({
        path: `${vendor.vendor}/${bases.join('+')}.spec.ts`,
        sources: group.map((f) => f.file),
        code: emitContractFiles(group, { vendor, runtimeImport }),
      });
    }
  }
  files.push({ path: MANIFEST_FILE, sources: suite.vendors.map((v) => v.file).sort(), code: emitManifest(suite) });
  return files;
}

/** A relative module specifier from a folder to a module, always starting with "./" or "../". */
function importPath(fromDir: string, module: string): string {
  const relative = path.relative(fromDir, module).split(path.sep).join('/');
  return relative.startsWith('.') ? relative : `./${relative}`;
}

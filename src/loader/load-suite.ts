// The loader's entry point: reads specs/<vendor>/vendor.yaml and specs/<vendor>/*.yaml under
// `root`, and returns the validated model together with EVERY error found in every file.
// A file with any error contributes nothing to the suite (a broken file never runs half its
// tests), and neither does a contract file whose vendor.yaml or response schema is broken.
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { ContractError } from '../dsl/errors';
import type { ContractFile, ContractSuite, SourceLocation, VendorManifest } from '../dsl/model';
import { SchemaFiles } from './check-schema-files';
import { quote } from './describe';
import { listDirs, listFiles } from './list-files';
import { loadContractFile, loadVendorFile } from './load-files';

export { formatLoadFailure } from '../dsl/errors';

export interface LoadOptions {
  /** Load only these vendors (folder names under specs/). */
  vendors?: string[];
}

export interface LoadResult {
  suite: ContractSuite;
  errors: ContractError[]; // sorted by file, line and column
}

export function loadSuite(root: string, options: LoadOptions = {}): LoadResult {
  const errors: ContractError[] = [];
  const vendors: VendorManifest[] = [];
  const files: ContractFile[] = [];
  const folders = listDirs(path.join(root, 'specs'));
  for (const wanted of options.vendors ?? []) {
    if (folders.includes(wanted)) continue;
    errors.push({
      title: 'unknown vendor',
      loc: { file: `specs/${wanted}/vendor.yaml`, line: 1, col: 1 },
      message: `vendor ${quote(wanted)} was asked for, so specs/${wanted}/vendor.yaml must exist; the vendors under specs/ are ${folders.join(', ') || 'none'}`,
    });
  }
  const schemas = new SchemaFiles(root);
  for (const folder of folders.filter((f) => options.vendors?.includes(f) ?? true)) {
    const dir = `specs/${folder}`;
    const manifestFile = `${dir}/vendor.yaml`;
    const manifest = existsSync(path.join(root, manifestFile)) ? loadVendorFile(root, manifestFile, folder) : { state: 'missing' as const, errors: [] };
    errors.push(...manifest.errors);
    const manifestOk = typeof manifest.state === 'object' && manifest.errors.length === 0;
    if (manifestOk && typeof manifest.state === 'object') vendors.push(manifest.state);
    const names = new Map<string, SourceLocation>();
    for (const name of listFiles(path.join(root, dir), '.yml')) {
      errors.push({ title: 'wrong file extension', loc: { file: `${dir}/${name}`, line: 1, col: 1 }, span: 0, message: `contract files must end in .yaml; ${dir}/${name} is not loaded`, hint: `Rename it to ${name.replace(/\.yml$/, '.yaml')}.` });
    }
    for (const name of listFiles(path.join(root, dir), '.yaml').filter((n) => n !== 'vendor.yaml')) {
      const loaded = loadContractFile(root, `${dir}/${name}`, folder, manifest.state, schemas);
      const fileErrors = [...loaded.errors, ...duplicateNames(loaded.contract, names, folder)];
      errors.push(...fileErrors);
      if (loaded.contract && manifestOk && fileErrors.length === 0 && loaded.brokenSchemas.length === 0) files.push(loaded.contract);
    }
  }
  errors.push(...schemas.errors());
  return { suite: { vendors, files }, errors: sortErrors(errors) };
}

/** Scenario names become test titles, so they must be unique within a vendor. */
function duplicateNames(contract: ContractFile | undefined, names: Map<string, SourceLocation>, vendor: string): ContractError[] {
  const out: ContractError[] = [];
  for (const scenario of contract?.scenarios ?? []) {
    if (scenario.name === '') continue;
    const first = names.get(scenario.name);
    if (first === undefined) {
      names.set(scenario.name, scenario.loc);
      continue;
    }
    out.push({
      title: 'duplicate scenario name',
      loc: scenario.loc,
      message: `scenario names must be unique within vendor '${vendor}'; ${quote(scenario.name)} is already used at ${first.file}:${first.line}`,
      hint: 'Rename one of them: the name is the test title in every report.',
    });
  }
  return out;
}

function sortErrors(errors: readonly ContractError[]): ContractError[] {
  const key = (e: ContractError): [string, number, number] => [e.loc.file, e.loc.line, e.loc.col];
  return [...errors].sort((a, b) => {
    const [fa, la, ca] = key(a);
    const [fb, lb, cb] = key(b);
    return fa < fb ? -1 : fa > fb ? 1 : la - lb || ca - cb;
  });
}

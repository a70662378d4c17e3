// Loads one vendor.yaml or one contract file: parse, validate against the DSL schema, build
// the model, check references. Each file's errors are kept apart so that a broken file can be
// left out of the suite while every error in it is still reported.
import path from 'node:path';
import type { ContractError } from '../dsl/errors';
import type { ContractFile, VendorManifest } from '../dsl/model';
import { buildContract, type ManifestState } from './build-contract';
import { buildVendor } from './build-vendor';
import type { SchemaFiles } from './check-schema-files';
import { didYouMean } from './did-you-mean';
import { quote } from './describe';
import { validateDsl } from './dsl-validator';
import { Problems } from './problems';
import { YamlSource } from './yaml-source';
import { listFiles } from './list-files';
import { readSource } from './read-source';

export interface LoadedManifest {
  state: ManifestState;
  errors: ContractError[];
}

export function loadVendorFile(root: string, rel: string, folder: string): LoadedManifest {
  const read = readSource(root, rel);
  if (read.text === undefined) return { state: 'unreadable', errors: read.errors };
  const source = new YamlSource(rel, read.text);
  if (source.syntaxErrors.length > 0) return { state: 'unreadable', errors: source.syntaxErrors };
  const problems = new Problems(source);
  problems.errors.push(...validateDsl('vendor', source));
  const manifest: VendorManifest = buildVendor(source.data, folder, problems);
  return { state: manifest, errors: problems.errors };
}

export interface LoadedContract {
  contract?: ContractFile; // undefined when the file could not be parsed
  errors: ContractError[];
  /** Schema files it names that are themselves broken (their errors are reported once, apart). */
  brokenSchemas: string[];
}

export function loadContractFile(root: string, rel: string, folder: string, manifest: ManifestState, schemas: SchemaFiles): LoadedContract {
  const read = readSource(root, rel);
  if (read.text === undefined) return { errors: read.errors, brokenSchemas: [] };
  const source = new YamlSource(rel, read.text);
  if (source.syntaxErrors.length > 0) return { errors: source.syntaxErrors, brokenSchemas: [] };
  const problems = new Problems(source);
  problems.errors.push(...validateDsl('scenario', source));
  const contract = buildContract(source.data, folder, manifest, problems);
  const brokenSchemas: string[] = [];
  contract.scenarios.forEach((scenario, i) =>
    scenario.steps.forEach((step, j) => {
      const ref = step.expect.schema?.file;
      if (ref === undefined) return;
      const at = ['scenarios', i, 'steps', j, 'expect', 'schema'];
      if (path.isAbsolute(ref) || ref.split(/[\\/]/).includes('..')) {
        problems.add(at, 'schema outside schemas/', `expect.schema must be a path inside schemas/, such as ${folder}/response.json; found ${quote(ref)}`);
        return;
      }
      const result = schemas.check(ref);
      if (result === undefined) {
        const dir = path.posix.dirname(ref);
        const siblings = listFiles(path.join(root, 'schemas', dir), '.json').map((f) => (dir === '.' ? f : `${dir}/${f}`));
        problems.add(at, 'missing schema file', `expect.schema must name a file under schemas/; schemas/${ref} does not exist`, { hint: didYouMean(ref, siblings) });
      } else if (!result.ok) brokenSchemas.push(`schemas/${ref}`);
    }),
  );
  return { contract, errors: problems.errors, brokenSchemas };
}

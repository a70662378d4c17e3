// Validates parsed contract and vendor files against the DSL's own JSON Schemas (the same files
// editors use for completion), compiled once per process.
import Ajv2020, { type ValidateFunction } from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { ContractError } from '../dsl/errors';
import { explainAjvErrors } from './ajv-errors';
import type { Located } from './located';

export type DslKind = 'vendor' | 'scenario';

// The schemas belong to the tool, not to the suite being loaded, so they are found next to
// this file rather than under the `root` passed to loadSuite.
const SCHEMA_DIR = path.resolve(__dirname, '..', '..', 'schemas');

let validators: Record<DslKind, ValidateFunction> | undefined;

function compiled(): Record<DslKind, ValidateFunction> {
  if (validators) return validators;
  // verbose: errors carry the schema and data, which the messages quote. validateSchema: false
  // skips compiling the meta-schema (a quarter of a second); tests/loader checks these schemas
  // against it instead.
  const ajv = new Ajv2020({ allErrors: true, verbose: true, strict: true, allowUnionTypes: true, logger: false, validateSchema: false });
  addFormats(ajv);
  const load = (name: string): ValidateFunction =>
    ajv.compile(JSON.parse(readFileSync(path.join(SCHEMA_DIR, `${name}.schema.json`), 'utf8')) as object);
  validators = { vendor: load('vendor'), scenario: load('scenario') };
  return validators;
}

/** Every way the file breaks its DSL schema, each at the offending node. */
export function validateDsl(kind: DslKind, source: Located): ContractError[] {
  const validate = compiled()[kind];
  if (validate(source.data)) return [];
  const rootName = kind === 'vendor' ? 'vendor.yaml' : 'the contract file';
  return explainAjvErrors(validate.errors ?? [], source, rootName);
}

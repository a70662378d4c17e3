// The DSL's own JSON Schemas (used by the loader and by editors): valid 2020-12, strict,
// documented, and wired to the editor settings.
import { test, expect } from '@playwright/test';
import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '..', '..');
const NAMES = ['vendor', 'scenario'] as const;
const read = (file: string): unknown => JSON.parse(readFileSync(path.join(ROOT, file), 'utf8'));

/** Every subschema, with a readable path. */
function* walk(node: unknown, at: string): Generator<[string, Record<string, unknown>]> {
  if (Array.isArray(node)) for (const [i, item] of node.entries()) yield* walk(item, `${at}/${i}`);
  else if (typeof node === 'object' && node !== null) {
    const record = node as Record<string, unknown>;
    yield [at, record];
    for (const [key, child] of Object.entries(record)) if (key !== 'enum' && key !== 'const') yield* walk(child, `${at}/${key}`);
  }
}

for (const name of NAMES) {
  const file = `schemas/${name}.schema.json`;
  const schema = read(file) as Record<string, unknown>;

  test(`${file} is a valid JSON Schema 2020-12 that ajv compiles in strict mode`, () => {
    const ajv = new Ajv2020({ strict: true, allowUnionTypes: true });
    addFormats(ajv);
    expect(ajv.validateSchema(schema), JSON.stringify(ajv.errors)).toBe(true);
    expect(() => ajv.compile(schema)).not.toThrow();
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(schema.$id).toBe(`https://auth-contracts.invalid/schemas/${name}.schema.json`);
  });

  test(`${file}: every property is described and every object with properties is closed`, () => {
    const undescribed: string[] = [];
    const open: string[] = [];
    for (const [at, node] of walk(schema, '#')) {
      if (typeof node.properties === 'object' && node.properties !== null) {
        if (node.additionalProperties !== false) open.push(at);
        for (const [key, prop] of Object.entries(node.properties as Record<string, Record<string, unknown>>)) {
          if (typeof prop.description !== 'string' || prop.description.length < 10) undescribed.push(`${at}/properties/${key}`);
        }
      }
    }
    expect(undescribed).toEqual([]);
    expect(open).toEqual([]);
  });
}

test('.vscode/settings.json maps vendor.yaml and contract files to the two schemas', () => {
  const settings = read('.vscode/settings.json') as { 'yaml.schemas': Record<string, string[]> };
  const map = settings['yaml.schemas'];
  expect(map['./schemas/vendor.schema.json']).toEqual(['specs/*/vendor.yaml']);
  expect(map['./schemas/scenario.schema.json']).toContain('specs/**/*.yaml');
  for (const schemaFile of Object.keys(map)) expect(existsSync(path.join(ROOT, schemaFile)), schemaFile).toBe(true);
});

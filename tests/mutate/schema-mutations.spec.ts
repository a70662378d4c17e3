// Schema mutants follow $refs: to $defs in the same file, to another file under schemas/ (relative
// to the referring file), and to a pointer inside it, so every required property of a referenced
// schema is dropped and retyped as if it were written out. A $ref cycle ends.
import { expect, test } from '@playwright/test';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { schemaMutations } from '../../src/mutate/schema-mutations';

const dir = mkdtempSync(path.join(tmpdir(), 'schema-mutants-'));
const write = (file: string, schema: object): void => {
  mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
  writeFileSync(path.join(dir, file), JSON.stringify(schema));
};

write('acme/token.json', {
  type: 'object',
  required: ['token', 'user', 'kind'],
  properties: {
    token: { type: 'string' },
    kind: { $ref: '#/$defs/kind' },
    user: { $ref: 'user.json' },
    error: { $ref: 'shared/error.json#/$defs/detail' },
  },
  $defs: { kind: { const: 'token' } },
});
write('acme/user.json', { type: 'object', required: ['id', 'roles'], properties: { id: { type: 'integer' }, roles: { type: 'array', items: { enum: ['a', 'b'] } } } });
write('acme/shared/error.json', { $defs: { detail: { type: 'object', required: ['code'], properties: { code: { type: 'string' } } } } });
write('acme/loop.json', { $ref: '#/$defs/a', $defs: { a: { $ref: '#/$defs/b' }, b: { $ref: '#/$defs/a', required: ['x'], properties: { x: { type: 'boolean' } } } } });

const descriptions = (file: string): string[] => [...schemaMutations(dir, file)].map(([, d]) => d);

test('a referenced $defs entry, another file and a pointer into a third are all mutated', () => {
  expect(descriptions('acme/token.json')).toEqual([
    'required token dropped',
    'token retyped to 12345',
    'required user dropped',
    'user retyped to "mutant"',
    'required kind dropped',
    'kind outside its const',
    'required user.id dropped',
    'user.id retyped to "mutant"',
    'required user.roles dropped',
    'user.roles retyped to "mutant"',
    'user.roles[0] outside its enum',
    'required error.code dropped',
    'error.code retyped to 12345',
  ]);
});

test('the mutations name the body path of the referenced property', () => {
  const mutations = [...schemaMutations(dir, 'acme/token.json')].map(([m]) => m);
  expect(mutations).toContainEqual({ kind: 'drop-property', path: ['user', 'id'] });
  expect(mutations).toContainEqual({ kind: 'change-type', path: ['error', 'code'], value: 12345 });
  expect(mutations).toContainEqual({ kind: 'change-value', path: ['kind'] });
});

test('a $ref cycle ends; a missing file or pointer yields no mutant and no error', () => {
  const loop = descriptions('acme/loop.json');
  expect(loop.length).toBeGreaterThan(0);
  expect(new Set(loop)).toEqual(new Set(['required x dropped', 'x retyped to "true"']));
  write('acme/dangling.json', { type: 'object', properties: { a: { $ref: 'nope.json' }, b: { $ref: '#/$defs/none' } } });
  expect(descriptions('acme/dangling.json')).toEqual([]);
  expect(descriptions('acme/absent.json')).toEqual([]);
});

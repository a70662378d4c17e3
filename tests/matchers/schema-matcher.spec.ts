// JSON Schema matching: every ajv error as a mismatch, $refs across files, formats, strict
// schema syntax, compile-once caching, and notes (not failures) for undeclared properties.
import { expect, test } from '@playwright/test';
import path from 'node:path';
import { bodyPathOf, matchSchema } from '../../src/matchers/match-schema';
import { notesSchema } from '../../src/matchers/notes-schema';
import { SchemaRegistry } from '../../src/matchers/schema-registry';

const loc = { file: 'specs/shop/orders.yaml', line: 20, col: 19 };
const registry = new SchemaRegistry(path.join(__dirname, 'fixtures', 'schemas'));
const valid = { id: 'ord_1', created: '2026-01-02T03:04:05Z', customer: { email: 'a@b.example' } };

test('a valid body passes, following a $ref into another file', () => {
  expect(matchSchema(registry, 'shop/order.json', valid, true, loc)).toEqual({ results: [], notes: [] });
});

test('every violation is listed with its path, keyword, message and the value found', () => {
  const body = { id: 'x_1', created: 'yesterday', customer: { email: 'nope' }, lines: [{ sku: 5 }] };
  const { results } = matchSchema(registry, 'shop/order.json', body, true, loc);
  const summary = results.map((r) => [r.path, r.keyword, r.actual]);
  expect(summary).toEqual(
    expect.arrayContaining([
      ['body id', 'pattern', 'x_1'],
      ['body created', 'format', 'yesterday'],
      ['body customer.email', 'format', 'nope'],
      ['body lines[0].sku', 'type', 5],
    ]),
  );
  expect(results).toHaveLength(4);
  expect(results[0]).toMatchObject({ pass: false, loc });
  expect(String(results.find((r) => r.keyword === 'pattern')?.expected)).toBe('must match pattern "^ord_" (schemas/shop/order.json#/properties/id/pattern)');
});

test('a missing required property is reported at the parent path', () => {
  const { results } = matchSchema(registry, 'shop/order.json', { id: 'ord_1', created: valid.created }, true, loc);
  expect(results.map((r) => [r.path, r.keyword])).toEqual([['body (root)', 'required']]);
});

test('undeclared properties are notes, not failures, unless the schema is closed', () => {
  const extra = { ...valid, tier: 'gold', customer: { email: 'a@b.example', avatar: 'x' }, lines: [{ sku: 'a', qty: 1 }] };
  const open = matchSchema(registry, 'shop/order.json', extra, true, loc);
  expect(open.results).toEqual([]);
  expect(open.notes.sort()).toEqual([
    'body customer.avatar is not declared in schemas/shop/order.json',
    'body lines[0].qty is not declared in schemas/shop/order.json',
    'body tier is not declared in schemas/shop/order.json',
  ]);
  const closed = matchSchema(registry, 'shop/closed.json', { token: 't', extra: 1 }, true, loc);
  expect(closed.results.map((r) => [r.path, r.keyword])).toEqual([['body (root)', 'additionalProperties']]);
  expect(closed.notes).toEqual([]);
});

test('properties declared by sibling allOf branches are not noted', () => {
  expect(matchSchema(registry, 'shop/combined.json', { a: 1, b: 2 }, true, loc)).toEqual({ results: [], notes: [] });
  expect(matchSchema(registry, 'shop/combined.json', { a: 1, b: 2, c: 3 }, true, loc).notes).toEqual(['body c is not declared in schemas/shop/combined.json']);
});

test('a body that is not JSON fails the schema', () => {
  expect(matchSchema(registry, 'shop/order.json', undefined, false, loc).results).toMatchObject([{ pass: false, actual: '(the body is not JSON)' }]);
});

test('each schema is compiled once per registry', () => {
  expect(registry.get('shop/order.json')).toBe(registry.get('shop/order.json'));
});

test('strict mode refuses a schema with an unknown keyword; a missing file is a config error', () => {
  expect(() => registry.get('shop/typo.json')).toThrow(/strict mode: unknown keyword: "propertiez"/);
  expect(() => registry.get('shop/missing.json')).toThrow(/^config: the response schema schemas\/shop\/missing.json cannot be read/);
});

test('instance paths read like body paths', () => {
  expect(bodyPathOf('')).toBe('(root)');
  expect(bodyPathOf('/a/0/b')).toBe('a[0].b');
  expect(bodyPathOf('/odd key/x~1y')).toBe("['odd key']['x/y']");
});

test('notesSchema leaves closed and combined parts alone', () => {
  expect(notesSchema({ type: 'object', additionalProperties: false }, 'x')).toBeUndefined();
  expect(notesSchema({ type: 'object', properties: { a: { type: 'string' } } }, 'x.notes.json')).toEqual({
    type: 'object',
    properties: { a: { type: 'string' } },
    unevaluatedProperties: false,
    $id: 'x.notes.json',
  });
});

test('missing properties of one object are one mismatch; large values are abbreviated', () => {
  const { results } = matchSchema(registry, 'shop/order.json', { note: 'x'.repeat(100), nested: { deep: { deeper: 1 } } }, true, loc);
  expect(results).toHaveLength(1);
  expect(results[0]?.expected).toBe("must have required properties 'id', 'created', 'customer' (schemas/shop/order.json#/required)");
  expect(results[0]?.actual).toEqual({ note: `${'x'.repeat(57)}...`, nested: { deep: { '…': '…' } } });
});

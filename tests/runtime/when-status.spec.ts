// `whenStatus` beside a matcher: checked only when the response status is one of its codes, and
// then it can fail; with any other status its `otherwise` rule is checked, or nothing.
import { expect, test } from '@playwright/test';
import type { ExpectSpec, NamedMatcher } from '../../src/dsl/model';
import { SchemaRegistry } from '../../src/matchers/schema-registry';
import { checkExpectations } from '../../src/runtime/check-expectations';
import type { ReadResponse } from '../../src/runtime/read-response';

const loc = { file: 'specs/x/y.yaml', line: 3, col: 5 };
const scope = { lookup: (): unknown => undefined };
const schemas = new SchemaRegistry('/nonexistent');

function response(status: number, headers: Record<string, string>): ReadResponse {
  return { status, statusText: '', headers, cookies: new Map(), text: '{"error":"x"}', json: { error: 'x' }, isJson: true };
}

const challenge: NamedMatcher = { name: 'www-authenticate', matcher: { kind: 'present', loc }, whenStatus: [401], otherwise: { kind: 'absent', loc } };
const errorBody: NamedMatcher = { name: 'error', matcher: { kind: 'equals', value: 'invalid_token', loc }, whenStatus: [401] };
const spec: ExpectSpec = { status: { codes: [200, 401], loc }, headers: [challenge], cookies: [], body: [errorBody], loc };

const paths = (status: number, headers: Record<string, string>): string[] =>
  checkExpectations(spec, response(status, headers), schemas, scope).failures.map((f) => f.path);

test('a 401 without the challenge fails at the header, and its conditional body check runs', () => {
  expect(paths(401, {})).toEqual(['header www-authenticate', 'body error']);
});

test('a 401 with the challenge passes the header; a 200 must not carry it', () => {
  expect(paths(401, { 'www-authenticate': 'Bearer' })).toEqual(['body error']);
  expect(paths(200, { 'www-authenticate': 'Bearer' })).toEqual(['header www-authenticate']);
});

test('a 200 without the header passes: the 401-only checks are not run', () => {
  expect(paths(200, {})).toEqual([]);
});

test('any other status gets the otherwise rule: a 500 must not carry the challenge either', () => {
  expect(paths(500, {})).toEqual(['status']);
  expect(paths(500, { 'www-authenticate': 'Bearer' })).toEqual(['status', 'header www-authenticate']);
});

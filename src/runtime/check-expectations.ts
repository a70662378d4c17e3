// Runs every expectation of a step against the response and returns all results, so a failing
// step reports every mismatch at once. Expected values may hold templates ({{firstToken}}),
// rendered here with the scenario's scope.
import type { ExpectSpec, NamedMatcher, ValueMatcher } from '../dsl/model';
import { matchBody } from '../matchers/match-body';
import { matchCookie } from '../matchers/match-cookie';
import { matchHeader } from '../matchers/match-header';
import type { MatchResult } from '../matchers/match-result';
import { matchSchema } from '../matchers/match-schema';
import { matchStatus } from '../matchers/match-status';
import type { SchemaRegistry } from '../matchers/schema-registry';
import type { ReadResponse } from './read-response';
import { renderValue, type TemplateScope } from './template';

export interface Checked {
  failures: MatchResult[];
  notes: string[];
}

export function checkExpectations(spec: ExpectSpec, response: ReadResponse, schemas: SchemaRegistry, scope: TemplateScope): Checked {
  const results: MatchResult[] = [];
  let notes: string[] = [];
  if (spec.status) results.push(matchStatus(spec.status.codes, response.status, spec.status.loc));
  for (const header of spec.headers) results.push(matchHeader(rendered(header, scope), response.headers));
  for (const cookie of spec.cookies) results.push(matchCookie(rendered(cookie, scope), response.cookies));
  if (spec.schema) {
    const schema = matchSchema(schemas, spec.schema.file, response.json, response.isJson, spec.schema.loc);
    results.push(...schema.results);
    notes = schema.notes;
  }
  for (const path of spec.body) results.push(matchBody(rendered(path, scope), response.json, response.isJson));
  return { failures: results.filter((r) => !r.pass), notes };
}

function rendered(named: NamedMatcher, scope: TemplateScope): NamedMatcher {
  const m: ValueMatcher = named.matcher;
  if ((m.kind === 'equals' || m.kind === 'notEquals') && hasTemplate(m.value)) {
    return { name: named.name, matcher: { ...m, value: renderValue(m.value, scope) as typeof m.value } };
  }
  return named;
}

function hasTemplate(value: unknown): boolean {
  if (typeof value === 'string') return value.includes('{{');
  if (Array.isArray(value)) return value.some(hasTemplate);
  if (value !== null && typeof value === 'object') return Object.values(value).some(hasTemplate);
  return false;
}

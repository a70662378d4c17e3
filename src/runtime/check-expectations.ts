// Runs every expectation of a step against the response and returns all results, so a failing
// step reports every mismatch at once. Expected values may hold templates ({{firstToken}}),
// rendered here with the scenario's scope. Each failure carries the clauses its expectation
// proves: its own `clauses:`, else its step's, else the scenario's. An expectation with
// `whenStatus` is checked only when the response status is one of its codes; its `otherwise`
// rule, if any, is checked for every other status.
import type { ExpectSpec, NamedMatcher, ValueMatcher } from '../dsl/model';
import { matchBody } from '../matchers/match-body';
import { matchCookie } from '../matchers/match-cookie';
import { matchHeader } from '../matchers/match-header';
import type { MatchResult } from '../matchers/match-result';
import { matchSchema } from '../matchers/match-schema';
import { matchStatus } from '../matchers/match-status';
import type { SchemaRegistry } from '../matchers/schema-registry';
import type { ClausedResult } from './failure-record';
import type { ReadResponse } from './read-response';
import { renderValue, type TemplateScope } from './template';

export interface Checked {
  failures: ClausedResult[];
  notes: string[];
}

export function checkExpectations(
  spec: ExpectSpec,
  response: ReadResponse,
  schemas: SchemaRegistry,
  scope: TemplateScope,
  stepClauses: readonly string[] = [],
): Checked {
  const results: ClausedResult[] = [];
  const add = (result: MatchResult, own?: readonly string[]): void => {
    if (!result.pass) results.push({ ...result, clauses: own ?? stepClauses });
  };
  let notes: string[] = [];
  if (spec.status) add(matchStatus(spec.status.codes, response.status, spec.status.loc), spec.status.clauses);
  const applying = (list: readonly NamedMatcher[]): NamedMatcher[] => list.flatMap((named) => forStatus(named, response.status));
  for (const header of applying(spec.headers)) add(matchHeader(rendered(header, scope), response.headers), header.clauses);
  for (const cookie of applying(spec.cookies)) add(matchCookie(rendered(cookie, scope), response.cookies), cookie.clauses);
  if (spec.schema) {
    const schema = matchSchema(schemas, spec.schema.file, response.json, response.isJson, spec.schema.loc);
    for (const result of schema.results) add(result, spec.schema.clauses);
    notes = schema.notes;
  }
  for (const path of applying(spec.body)) add(matchBody(rendered(path, scope), response.json, response.isJson), path.clauses);
  return { failures: results, notes };
}

/** The rule that holds for this status: the matcher, its `otherwise`, or none. */
function forStatus(named: NamedMatcher, status: number): NamedMatcher[] {
  if (named.whenStatus === undefined || named.whenStatus.includes(status)) return [named];
  return named.otherwise ? [{ ...named, matcher: named.otherwise }] : [];
}

function rendered(named: NamedMatcher, scope: TemplateScope): NamedMatcher {
  const m: ValueMatcher = named.matcher;
  if ('value' in m && hasTemplate(m.value)) {
    return { ...named, matcher: { ...m, value: renderValue(m.value, scope) as typeof m.value } as ValueMatcher };
  }
  return named;
}

function hasTemplate(value: unknown): boolean {
  if (typeof value === 'string') return value.includes('{{');
  if (Array.isArray(value)) return value.some(hasTemplate);
  if (value !== null && typeof value === 'object') return Object.values(value).some(hasTemplate);
  return false;
}

// `expect.headers`: header names are case-insensitive and values compare as text. The runtime
// passes the response headers with lower-case names (Playwright's `response.headers()`), where
// repeated headers are already joined.
import type { NamedMatcher } from '../dsl/model';
import type { MatchResult } from './match-result';
import { matchValue } from './match-value';

export function matchHeader(expectation: NamedMatcher, headers: Readonly<Record<string, string>>): MatchResult {
  const name = expectation.name.toLowerCase();
  const value = headers[name];
  return matchValue(`header ${name}`, expectation.matcher, { found: value !== undefined, value }, 'text');
}

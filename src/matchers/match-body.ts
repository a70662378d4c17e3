// `expect.body`: path -> matcher over the parsed JSON body; values compare as JSON (deep).
import type { NamedMatcher } from '../dsl/model';
import type { MatchResult } from './match-result';
import { resolveBodyPath } from './body-path';
import { matchValue } from './match-value';

/** `body` is the parsed JSON, or undefined when the response had no JSON body. */
export function matchBody(expectation: NamedMatcher, body: unknown, bodyIsJson: boolean): MatchResult {
  const observed = bodyIsJson ? resolveBodyPath(body, expectation.name) : { found: false, value: undefined };
  const result = matchValue(`body ${expectation.name}`, expectation.matcher, observed, 'json');
  if (!bodyIsJson && !result.pass) return { ...result, actual: '(the body is not JSON)' };
  return result;
}

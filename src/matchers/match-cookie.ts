// `expect.cookies`: a cookie is present when a Set-Cookie header sets it to a value. A header
// that deletes the cookie (Max-Age=0, an Expires date in the past, or an empty value), as
// truedat sends with a 401, counts as absent: the response takes the cookie away.
import type { NamedMatcher } from '../dsl/model';
import type { MatchResult } from './match-result';
import { matchValue } from './match-value';
import type { SetCookie } from './set-cookies';

export function matchCookie(expectation: NamedMatcher, cookies: ReadonlyMap<string, SetCookie>): MatchResult {
  const cookie = cookies.get(expectation.name);
  const found = cookie !== undefined && !cookie.deletes && cookie.value !== '';
  return matchValue(`cookie ${expectation.name}`, expectation.matcher, { found, value: cookie?.value }, 'text');
}

// Saves values of a response for later steps ({{name}}). Secret captures (the default) are
// registered with the test's redactor the moment they are read, before any matcher can fail and
// print the body they came from.
import type { CaptureSpec } from '../dsl/model';
import { resolveBodyPath } from '../matchers/body-path';
import type { MatchResult } from '../matchers/match-result';
import { textOf } from '../matchers/match-value';
import type { Redactor } from '../redaction/redactor';
import type { ReadResponse } from './read-response';

export function runCaptures(
  captures: readonly CaptureSpec[],
  response: ReadResponse,
  into: Map<string, unknown>,
  redactor: Redactor,
): MatchResult[] {
  const failures: MatchResult[] = [];
  for (const capture of captures) {
    const found = readCapture(capture, response);
    if (!found.found) {
      failures.push({
        pass: false,
        path: `capture ${capture.name}`,
        expected: `${capture.from} ${capture.path} present (captured as {{${capture.name}}})`,
        actual: undefined,
        keyword: 'capture',
        loc: capture.loc,
      });
      continue;
    }
    if (capture.secret) redactor.add(capture.name, textOf(found.value));
    into.set(capture.name, found.value);
  }
  return failures;
}

function readCapture(capture: CaptureSpec, response: ReadResponse): { found: boolean; value: unknown } {
  switch (capture.from) {
    case 'body':
      return response.isJson ? resolveBodyPath(response.json, capture.path) : { found: false, value: undefined };
    case 'header': {
      const value = response.headers[capture.path.toLowerCase()];
      return { found: value !== undefined, value };
    }
    case 'cookie': {
      const cookie = response.cookies.get(capture.path);
      return cookie && !cookie.deletes && cookie.value !== '' ? { found: true, value: cookie.value } : { found: false, value: undefined };
    }
  }
}

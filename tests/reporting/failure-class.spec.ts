// Failure classes as the morning summary shows them, from the messages the runtime and
// Playwright actually produce.
import { expect, test } from '@playwright/test';
import { classifyFailure } from '../../src/reporting/summary/failure-class';

const statusMismatch = (expected: string, actual: number, auth = 'authorization: Basic «basic-credentials»'): string =>
  [
    'ContractFailure: contract: 1 mismatch in step "create the session"',
    '  status  [status]',
    `    expected: ${expected}`,
    `    actual:   ${actual}`,
    '    yaml:     specs/truedat/create-session.yaml:22',
    'request: POST http://127.0.0.1:4010/truedat/api/sessions',
    `  ${auth}`,
    `response: ${actual} Unauthorized`,
  ].join('\n');

const cases: [string, string, string][] = [
  ['a body mismatch', 'ContractFailure: contract: 2 mismatches in step "create"\n  body token  [pattern]\n    expected: matches /^\\S+$/\n    actual:   (absent)', 'contract'],
  ['a wrong status that is not a refusal', statusMismatch('201', 200), 'contract'],
  ['valid credentials refused with 401', statusMismatch('201', 401), 'credentials'],
  ['valid credentials refused with 403, several codes accepted', statusMismatch('one of 200, 201', 403), 'credentials'],
  ['a refused Bearer token (the vendor broke its session promise)', statusMismatch('200', 401, 'authorization: Bearer «bearer-credentials»'), 'contract'],
  ['a wrong-password scenario answered 200', statusMismatch('401', 200), 'contract'],
  ['connection refused', 'OutageError: outage: connection refused — POST http://127.0.0.1:9/x got no HTTP response (connect ECONNREFUSED 127.0.0.1:9)', 'outage'],
  ['a 5xx, as the runtime names it', 'ContractFailure: server: 1 mismatch in step "create"\n  status  [status]\n    expected: 201\n    actual:   503', 'outage'],
  ['a 429', 'ContractFailure: rate_limited: 1 mismatch in step "create"', 'outage'],
  ['a missing variable', 'ConfigError: config: TRUEDAT_PASSWORD is not set', 'config'],
  ['Playwright network error without a class word', 'Error: apiRequestContext.post: getaddrinfo ENOTFOUND vendor.example', 'outage'],
  ['a test timeout', 'Test timeout of 30000ms exceeded.', 'outage'],
  ['free text with a 5xx', 'POST /x answered 502, the contract expects 201', 'outage'],
  ['free text with a refusal', 'expected 201, received 401', 'credentials'],
  ['Playwright toBeOK on a 422', 'Error: expect(response).toBeOK() failed\n\nCall log:\n  - ← 422 Unprocessable Entity', 'contract'],
];

for (const [what, message, expected] of cases) {
  test(`${what} is ${expected}`, () => {
    expect(classifyFailure(message)).toBe(expected);
  });
}

test('colours from the terminal do not change the class', () => {
  expect(classifyFailure('\u001b[31moutage:\u001b[39m connection reset')).toBe('outage');
});

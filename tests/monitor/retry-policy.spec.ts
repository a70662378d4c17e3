// Which outcomes are retried, how long the waits are, and what the breaker and the budget do.
// Each rule is shown both ways: what it retries and what it must leave alone.
import { expect, test } from '@playwright/test';
import { backoffMs, decideRetry, judgedPassword, retryAfterMs, type AttemptOutcome } from '../../src/runtime/network/retry-policy';
import { RunLedger } from '../../src/runtime/network/run-ledger';
import { DEFAULT_SETTINGS, networkSettings, sizeText } from '../../src/runtime/network/settings';

const s = DEFAULT_SETTINGS;
const half = (): number => 0.5;
const answer = (status: number, retryAfter?: string): AttemptOutcome => ({ kind: 'answer', status, retryAfter });
const ctx = (extra: Partial<{ expected: number[]; noRetry: boolean; attempt: number; method: string }> = {}) => ({ expected: [200], noRetry: false, attempt: 1, ...extra });

test('no answer and 502/503/504/429 are retried; 2xx and 4xx answers never are', () => {
  expect(decideRetry({ kind: 'no-answer', cause: 'connection reset' }, ctx(), s, half)).toEqual({ retry: true, cause: 'connection reset', waitMs: 375 });
  for (const status of [502, 503, 504, 429]) expect(decideRetry(answer(status), ctx(), s, half).retry).toBe(true);
  for (const status of [200, 201, 400, 401, 403, 404, 500]) expect(decideRetry(answer(status), ctx(), s, half).retry).toBe(false);
});

test('a status the step expects is its answer, never retried', () => {
  expect(decideRetry(answer(503), ctx({ expected: [503] }), s, half)).toEqual({ retry: false, why: '503 is the answer the step expects' });
  expect(decideRetry(answer(429), ctx({ expected: [429] }), s, half).retry).toBe(false);
});

test('a wrong-password request is retried only when nothing judged the password', () => {
  const wrong = ctx({ expected: [401], noRetry: true });
  expect(decideRetry({ kind: 'no-answer', cause: 'timed out' }, wrong, s, half).retry).toBe(true);
  expect(decideRetry(answer(503), wrong, s, half).retry).toBe(true);
  expect(decideRetry(answer(429), wrong, s, half).retry).toBe(false);
  expect(decideRetry(answer(403), wrong, s, half).retry).toBe(false);
  expect(judgedPassword(answer(401))).toBe(true);
  expect(judgedPassword(answer(429))).toBe(true);
  expect(judgedPassword(answer(503))).toBe(false);
  expect(judgedPassword({ kind: 'no-answer', cause: 'x' })).toBe(false);
});

test('attempts are bounded: the last attempt is never followed by another', () => {
  expect(decideRetry(answer(503), ctx({ attempt: 2 }), s, half).retry).toBe(true);
  expect(decideRetry(answer(503), ctx({ attempt: 3 }), s, half)).toEqual({ retry: false, why: '3 attempts made' });
});

test('backoff doubles with jitter up to its cap; Retry-After is honoured up to its limit', () => {
  expect([1, 2, 3].map((n) => backoffMs(n, s, () => 0))).toEqual([250, 500, 1000]);
  expect([1, 2, 3].map((n) => backoffMs(n, s, () => 1))).toEqual([500, 1000, 2000]);
  expect(backoffMs(10, s, () => 1)).toBe(8000);
  expect(decideRetry(answer(429, '2'), ctx(), s, half)).toEqual({ retry: true, cause: 'answered 429 (Retry-After)', waitMs: 2000 });
  expect(decideRetry(answer(429, '120'), ctx(), s, half).retry).toBe(false);
  expect(retryAfterMs(new Date(Date.now() + 5000).toUTCString())).toBeGreaterThan(3000);
  expect(retryAfterMs('soon')).toBeUndefined();
});

test('settings come from the environment, per vendor for the timeout, and bad values are refused', () => {
  expect(networkSettings({}).timeoutMs).toBe(10_000);
  expect(networkSettings({ REQUEST_TIMEOUT_MS: '2000', TRUEDAT_REQUEST_TIMEOUT_MS: '20000' }, 'truedat').timeoutMs).toBe(20_000);
  expect(networkSettings({ REQUEST_TIMEOUT_MS: '2000', TRUEDAT_REQUEST_TIMEOUT_MS: '20000' }, 'personr').timeoutMs).toBe(2_000);
  expect(() => networkSettings({ REQUEST_ATTEMPTS: '0' })).toThrow('config: REQUEST_ATTEMPTS must be a whole number of at least 1, got "0"');
  expect(sizeText(1024 * 1024)).toBe('1 MB');
  expect(sizeText(300)).toBe('300 bytes');
});

test('the breaker opens after K failed retries in a row, an answer in between resets the count', () => {
  const ledger = new RunLedger(undefined);
  expect(ledger.recordFailedRetry('v', 'timed out', 3)).toBeUndefined();
  expect(ledger.recordFailedRetry('v', 'timed out', 3)).toBeUndefined();
  ledger.recordAnswer('v');
  expect(ledger.recordFailedRetry('v', 'timed out', 3)).toBeUndefined();
  expect(ledger.recordFailedRetry('v', 'timed out', 3)).toBeUndefined();
  expect(ledger.openCause('v')).toBeUndefined();
  expect(ledger.recordFailedRetry('v', 'timed out', 3)).toBe('3 retries in a row got no answer (last: timed out)');
  expect(ledger.openCause('v')).toBe('3 retries in a row got no answer (last: timed out)');
  expect(ledger.openCause('other')).toBeUndefined();
});

test('the retry budget is shared through the folder and runs out', () => {
  const dir = test.info().outputPath('ledger');
  const one = new RunLedger(dir);
  const two = new RunLedger(dir); // another worker of the same run
  expect(one.takeRetry(3)).toBe(true);
  expect(two.takeRetry(3)).toBe(true);
  expect(one.takeRetry(3)).toBe(true);
  expect(two.takeRetry(3)).toBe(false);
  expect(one.retriesTaken()).toBe(3);
  two.recordFailedRetry('v', 'reset', 1);
  expect(one.openCause('v')).toMatch(/^1 retries in a row/);
});

test('a body that broke off after the status line is resent only when that is harmless', () => {
  const broke = (answeredStatus?: number): AttemptOutcome => ({ kind: 'no-answer', cause: 'connection reset mid-response', answeredStatus });
  // Before any status line: the vendor may never have had the request; retried whatever it is.
  expect(decideRetry(broke(), ctx({ method: 'POST', noRetry: true }), s, half).retry).toBe(true);
  // An idempotent GET is resent; a POST may have issued a session, a wrong password was judged.
  expect(decideRetry(broke(200), ctx({ method: 'GET' }), s, half).retry).toBe(true);
  expect(decideRetry(broke(200), ctx({ method: 'POST' }), s, half)).toEqual({ retry: false, why: 'the vendor answered 200 before the body broke off: it may have acted on this POST, which is not safe to send twice' });
  expect(decideRetry(broke(401), ctx({ method: 'GET', noRetry: true, expected: [401] }), s, half)).toMatchObject({ retry: false, why: expect.stringContaining('it judged the wrong password') });
  // A gateway's page that broke off judged nothing.
  expect(decideRetry(broke(503), ctx({ method: 'POST', noRetry: true }), s, half).retry).toBe(true);
  expect(judgedPassword(broke(401))).toBe(true);
  expect(judgedPassword(broke(502))).toBe(false);
  expect(judgedPassword(broke())).toBe(false);
});

test('half-open: after the cool-down one probe goes through, across workers; an answer closes it, no answer reopens it', () => {
  const dir = test.info().outputPath('ledger');
  const one = new RunLedger(dir);
  const two = new RunLedger(dir);
  one.open('v', 'preflight: no answer', 1_000);
  expect(one.breaker('v', 5_000, 3_000)).toEqual({ kind: 'open', cause: 'preflight: no answer', since: 1_000 });
  const half = two.breaker('v', 5_000, 6_000);
  expect(half).toEqual({ kind: 'half-open', cause: 'preflight: no answer', since: 1_000 });
  // One probe per opening: the first holder gets it, asking again keeps it, the other worker does not.
  expect(one.claimProbe('v', 1_000, 'scenario-a')).toBe(true);
  expect(one.claimProbe('v', 1_000, 'scenario-a')).toBe(true);
  expect(two.claimProbe('v', 1_000, 'scenario-b')).toBe(false);
  // The probe got no answer: open again, with a fresh cool-down and a fresh probe.
  two.open('v', 'the probe got no answer', 7_000);
  expect(one.breaker('v', 5_000, 8_000).kind).toBe('open');
  expect(one.breaker('v', 5_000, 12_500).kind).toBe('half-open');
  expect(two.claimProbe('v', 7_000, 'scenario-b')).toBe(true);
  // The probe answered: closed for every worker, and failed retries count from zero again.
  two.recordAnswer('v');
  expect(one.breaker('v', 5_000, 12_600)).toEqual({ kind: 'closed' });
  expect(one.recordFailedRetry('v', 'reset', 2)).toBeUndefined();
  expect(one.recordFailedRetry('v', 'reset', 2)).toBe('2 retries in a row got no answer (last: reset)');
});

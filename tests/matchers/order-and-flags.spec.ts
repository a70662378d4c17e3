// The numeric comparisons and pattern flags (issue 12), and the promise that no pattern can hang
// a run (issue 11): each rule is shown passing and failing.
import { expect, test } from '@playwright/test';
import type { NamedMatcher, OrderKind, ValueMatcher } from '../../src/dsl/model';
import { matchBody } from '../../src/matchers/match-body';
import { matchHeader } from '../../src/matchers/match-header';
import { compilePattern, toRe2Syntax } from '../../src/patterns/linear-pattern';

const loc = { file: 'specs/x/y.yaml', line: 9, col: 5 };
const order = (kind: OrderKind, value: number | string): ValueMatcher => ({ kind, value, loc });
const named = (name: string, matcher: ValueMatcher): NamedMatcher => ({ name, matcher });

test('greaterThan, lessThan, atLeast and atMost compare numbers, each way', () => {
  const body = { expires_in: 3600, zero: 0, text: '3600' };
  const cases: [OrderKind, number, boolean][] = [
    ['greaterThan', 0, true],
    ['greaterThan', 3600, false],
    ['lessThan', 3601, true],
    ['lessThan', 3600, false],
    ['atLeast', 3600, true],
    ['atLeast', 3601, false],
    ['atMost', 3600, true],
    ['atMost', 3599, false],
  ];
  for (const [kind, bound, pass] of cases) {
    expect(matchBody(named('expires_in', order(kind, bound)), body, true).pass, `${kind} ${bound}`).toBe(pass);
  }
  expect(matchBody(named('expires_in', order('greaterThan', 0)), body, true)).toMatchObject({ keyword: 'greaterThan', expected: 'a number > 0', actual: 3600 });
  expect(matchBody(named('zero', order('greaterThan', 0)), body, true).pass).toBe(false);
});

test('a comparison fails on what is not a number: absent, quoted text in JSON, a non-numeric bound', () => {
  const body = { text: '3600', list: [1] };
  expect(matchBody(named('missing', order('atLeast', 0)), body, true).pass).toBe(false);
  expect(matchBody(named('text', order('atLeast', 0)), body, true).pass).toBe(false);
  expect(matchBody(named('list', order('atLeast', 0)), body, true).pass).toBe(false);
  expect(matchBody(named('text', order('atLeast', 'soon')), { text: 5 }, true)).toMatchObject({ pass: false, expected: 'a number >= "soon" (not a number)' });
});

test('a bound rendered from a capture (text or number) compares as its number; headers compare their text as numbers', () => {
  expect(matchBody(named('n', order('greaterThan', '41')), { n: 42 }, true).pass).toBe(true);
  expect(matchBody(named('n', order('greaterThan', '42')), { n: 42 }, true).pass).toBe(false);
  const headers = { 'content-length': '120', 'x-rate-limit-remaining': 'none' };
  expect(matchHeader(named('content-length', order('atMost', 4096)), headers).pass).toBe(true);
  expect(matchHeader(named('content-length', order('lessThan', 100)), headers).pass).toBe(false);
  expect(matchHeader(named('x-rate-limit-remaining', order('atLeast', 0)), headers).pass).toBe(false);
});

test('pattern flags: i makes a pattern case-insensitive, and is shown in the expectation', () => {
  const headers = { 'www-authenticate': 'Bearer realm="api"' };
  const plain: ValueMatcher = { kind: 'pattern', pattern: '^bearer ', loc };
  const caseless: ValueMatcher = { kind: 'pattern', pattern: '^bearer ', flags: 'i', loc };
  expect(matchHeader(named('www-authenticate', plain), headers).pass).toBe(false);
  expect(matchHeader(named('www-authenticate', caseless), headers)).toMatchObject({ pass: true, expected: 'matches /^bearer /i' });
  expect(compilePattern('^a.b$', 's').test('a\nb')).toBe(true);
  expect(compilePattern('^a.b$').test('a\nb')).toBe(false);
  expect(compilePattern('^b$', 'm').test('a\nb')).toBe(true);
  expect(compilePattern('^b$').test('a\nb')).toBe(false);
});

test('JavaScript \\u escapes keep their meaning on the linear-time engine', () => {
  expect(toRe2Syntax('didn\\u2019t')).toBe('didn\\x{2019}t');
  expect(toRe2Syntax('a\\\\u2019')).toBe('a\\\\u2019');
  expect(compilePattern('^We didn\\u2019t$').test('We didn\u2019t')).toBe(true);
  expect(compilePattern('^We didn\\u2019t$').test("We didn't")).toBe(false);
});

test('a catastrophic pattern against a crafted answer returns instead of hanging', () => {
  // On a backtracking engine, /^(a+)+$/ against 'a' * 40 + 'b' takes longer than the universe has
  // existed; RE2 answers in linear time. Nothing is timed here: the test completing is the proof.
  const crafted = `${'a'.repeat(100_000)}b`;
  expect(compilePattern('^(a+)+$').test(crafted)).toBe(false);
  expect(compilePattern('^(a|aa)*$').test(crafted)).toBe(false);
  expect(compilePattern('^(a+)+$').test('aaaa')).toBe(true);
});

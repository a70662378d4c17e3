// Status, header, cookie and body matchers: each returns data, and each rule can fail.
import { expect, test } from '@playwright/test';
import type { NamedMatcher, TemplateValue, ValueMatcher } from '../../src/dsl/model';
import { parseBodyPath, resolveBodyPath } from '../../src/matchers/body-path';
import { matchBody } from '../../src/matchers/match-body';
import { matchCookie } from '../../src/matchers/match-cookie';
import { matchHeader } from '../../src/matchers/match-header';
import { matchStatus } from '../../src/matchers/match-status';
import { parseSetCookie, setCookies } from '../../src/matchers/set-cookies';

const loc = { file: 'specs/x/y.yaml', line: 9, col: 5 };
const m = {
  equals: (value: TemplateValue): ValueMatcher => ({ kind: 'equals', value, loc }),
  notEquals: (value: TemplateValue): ValueMatcher => ({ kind: 'notEquals', value, loc }),
  pattern: (pattern: string): ValueMatcher => ({ kind: 'pattern', pattern, loc }),
  present: (): ValueMatcher => ({ kind: 'present', loc }),
  absent: (): ValueMatcher => ({ kind: 'absent', loc }),
};
const named = (name: string, matcher: ValueMatcher): NamedMatcher => ({ name, matcher });

test('status: one code or a list', () => {
  expect(matchStatus([201], 201, loc)).toEqual({ pass: true, path: 'status', expected: 201, actual: 201, keyword: 'status', loc });
  expect(matchStatus([201], 200, loc).pass).toBe(false);
  expect(matchStatus([200, 201], 201, loc).pass).toBe(true);
  expect(matchStatus([200, 201], 401, loc).expected).toBe('one of 200, 201');
});

test('headers: names case-insensitive, values as text, all five rules', () => {
  const headers = { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', 'x-count': '5' };
  expect(matchHeader(named('Content-Type', m.pattern('^application/json')), headers).pass).toBe(true);
  expect(matchHeader(named('content-type', m.pattern('^text/html')), headers)).toMatchObject({ pass: false, path: 'header content-type', keyword: 'pattern' });
  expect(matchHeader(named('Cache-Control', m.equals('no-store')), headers).pass).toBe(true);
  expect(matchHeader(named('cache-control', m.equals('no-cache')), headers).pass).toBe(false);
  expect(matchHeader(named('x-count', m.equals(5)), headers).pass).toBe(true);
  expect(matchHeader(named('x-count', m.notEquals(5)), headers).pass).toBe(false);
  expect(matchHeader(named('www-authenticate', m.absent()), headers).pass).toBe(true);
  expect(matchHeader(named('cache-control', m.absent()), headers).pass).toBe(false);
  expect(matchHeader(named('pragma', m.present()), headers)).toMatchObject({ pass: false, actual: undefined });
  expect(matchHeader(named('pragma', m.notEquals('x')), headers).pass).toBe(false);
});

test('set-cookie parsing: value, attributes, deletion', () => {
  expect(parseSetCookie('_td_refresh=abc.def; path=/; secure; HttpOnly; SameSite=Strict')).toMatchObject({
    name: '_td_refresh',
    value: 'abc.def',
    attributes: { path: '/', secure: '', httponly: '', samesite: 'Strict' },
    deletes: false,
  });
  expect(parseSetCookie('a=; Max-Age=0')?.deletes).toBe(true);
  expect(parseSetCookie('a=x; expires=Thu, 01 Jan 1970 00:00:00 GMT')?.deletes).toBe(true);
  expect(parseSetCookie('a="quoted"')?.value).toBe('quoted');
  expect(parseSetCookie('garbage')).toBeUndefined();
});

test('cookies: a deleting Set-Cookie counts as absent', () => {
  const cookies = setCookies(['_td_refresh=tok-1; path=/; HttpOnly', 'gone=; Max-Age=0']);
  expect(matchCookie(named('_td_refresh', m.present()), cookies).pass).toBe(true);
  expect(matchCookie(named('_td_refresh', m.notEquals('tok-1')), cookies).pass).toBe(false);
  expect(matchCookie(named('_td_refresh', m.notEquals('tok-0')), cookies).pass).toBe(true);
  expect(matchCookie(named('gone', m.absent()), cookies).pass).toBe(true);
  expect(matchCookie(named('gone', m.present()), cookies)).toMatchObject({ pass: false, path: 'cookie gone' });
  expect(matchCookie(named('never', m.absent()), cookies).pass).toBe(true);
});

test('body paths: dots, indexes and quoted keys', () => {
  expect(parseBodyPath("a.b[0]['x y'][\"q.z\"].c")).toEqual(['a', 'b', 0, 'x y', 'q.z', 'c']);
  const body = { a: { b: [{ 'x y': { 'q.z': { c: null } } }] }, errors: { detail: 'Invalid credentials' } };
  expect(resolveBodyPath(body, "a.b[0]['x y'][\"q.z\"].c")).toEqual({ found: true, value: null });
  expect(resolveBodyPath(body, 'a.b[1]')).toEqual({ found: false, value: undefined });
  expect(resolveBodyPath(body, 'a.b.c')).toEqual({ found: false, value: undefined });
  expect(() => parseBodyPath('a..b[')).toThrow(/body path "a..b\[" cannot be read/);
});

test('body: deep equality as JSON, pattern on the text form, presence', () => {
  const body = { token: 'eyJabc', response: { expires: 31536000, user: { id: 1, roles: ['a'] } }, errors: { detail: 'Invalid credentials' }, empty: null };
  expect(matchBody(named('errors.detail', m.equals('Invalid credentials')), body, true).pass).toBe(true);
  expect(matchBody(named('response.expires', m.equals(31536000)), body, true).pass).toBe(true);
  expect(matchBody(named('response.expires', m.equals('31536000')), body, true).pass).toBe(false);
  expect(matchBody(named('response.user', m.equals({ roles: ['a'], id: 1 })), body, true).pass).toBe(true);
  expect(matchBody(named('response.user', m.equals({ id: 1 })), body, true).pass).toBe(false);
  expect(matchBody(named('token', m.pattern('^ey')), body, true).pass).toBe(true);
  expect(matchBody(named('response.expires', m.pattern('^3\\d+$')), body, true).pass).toBe(true);
  expect(matchBody(named('empty', m.present()), body, true).pass).toBe(true);
  expect(matchBody(named('empty', m.equals(null)), body, true).pass).toBe(true);
  expect(matchBody(named('refresh_token', m.absent()), body, true).pass).toBe(true);
  expect(matchBody(named('token', m.notEquals('eyJabc')), body, true)).toMatchObject({ pass: false, path: 'body token', expected: { not: 'eyJabc' }, actual: 'eyJabc', loc });
});

test('body: a response that is not JSON fails every rule but absent', () => {
  expect(matchBody(named('token', m.present()), undefined, false)).toMatchObject({ pass: false, actual: '(the body is not JSON)' });
  expect(matchBody(named('token', m.absent()), undefined, false).pass).toBe(true);
});

// Request building: URL, query, headers, the three auth kinds with their scheme word, the four
// body kinds, and the sandbox clock header only on the sandbox.
import { expect, test } from '@playwright/test';
import type { RequestSpec } from '../../src/dsl/model';
import { Redactor } from '../../src/redaction/redactor';
import { buildRequest, type BuildContext } from '../../src/runtime/build-request';

const loc = { file: 'specs/x/y.yaml', line: 1, col: 1 };
const values: Record<string, unknown> = { USER: 'api-user', PASS: 'pa:ss£', token: 'tok-123456', n: 5 };

function ctx(isSandbox = true): BuildContext {
  return { baseUrl: 'http://h/p/api/1.1/wf', scope: { lookup: (n) => values[n] }, redactor: new Redactor(), isSandbox };
}

function spec(extra: Partial<RequestSpec>): RequestSpec {
  return { method: 'POST', path: '/login', query: {}, headers: {}, loc, ...extra };
}

test('joins the URL, renders the query and headers', () => {
  const built = buildRequest(spec({ path: '/users/{{n}}', query: { q: '{{USER}}' }, headers: { Accept: 'application/json' } }), ctx());
  expect(built.url).toBe('http://h/p/api/1.1/wf/users/5?q=api-user');
  expect(built.headers).toEqual({ Accept: 'application/json' });
});

test('basic auth: "Basic base64(user:pass)", a custom scheme word, or the bare base64', () => {
  const b64 = Buffer.from('api-user:pa:ss£', 'utf8').toString('base64');
  const basic = (scheme: string): string | undefined =>
    buildRequest(spec({ auth: { kind: 'basic', username: '{{USER}}', password: '{{PASS}}', scheme, loc } }), ctx()).headers.Authorization;
  expect(basic('Basic')).toBe(`Basic ${b64}`);
  expect(basic('basic')).toBe(`basic ${b64}`);
  expect(basic('')).toBe(b64);
});

test('basic auth registers the base64 credentials with the redactor', () => {
  const c = ctx();
  const built = buildRequest(spec({ auth: { kind: 'basic', username: '{{USER}}', password: '{{PASS}}', scheme: '', loc } }), c);
  expect(c.redactor.redact(`authorization: ${built.headers.Authorization}`)).toBe('authorization: «base64(USER:PASS)»');
});

test('bearer and custom header auth; auth replaces a written header of the same name', () => {
  const bearer = buildRequest(spec({ headers: { authorization: 'x' }, auth: { kind: 'bearer', token: '{{token}}', scheme: 'Bearer', loc } }), ctx());
  expect(bearer.headers).toEqual({ Authorization: 'Bearer tok-123456' });
  const bare = buildRequest(spec({ auth: { kind: 'bearer', token: '{{token}}', scheme: '', loc } }), ctx());
  expect(bare.headers.Authorization).toBe('tok-123456');
  const custom = buildRequest(spec({ auth: { kind: 'header', header: 'token', value: '{{token}}', loc } }), ctx());
  expect(custom.headers).toEqual({ token: 'tok-123456' });
});

test('a json body is serialized by us, typed templates kept, content type set unless written', () => {
  const built = buildRequest(spec({ body: { kind: 'json', value: { n: '{{n}}', user: { name: '{{USER}}' } }, loc } }), ctx());
  expect(built.data?.toString('utf8')).toBe('{"n":5,"user":{"name":"api-user"}}');
  expect(built.headers['content-type']).toBe('application/json');
  const typed = buildRequest(spec({ headers: { 'Content-Type': 'application/vnd.x+json' }, body: { kind: 'json', value: 'text', loc } }), ctx());
  expect(typed.data?.toString('utf8')).toBe('"text"');
  expect(typed.headers).toEqual({ 'Content-Type': 'application/vnd.x+json' });
});

test('form, multipart and raw bodies', () => {
  expect(buildRequest(spec({ body: { kind: 'form', fields: { username: '{{USER}}' }, loc } }), ctx()).form).toEqual([['username', 'api-user']]);
  expect(buildRequest(spec({ body: { kind: 'multipart', fields: { password: '{{PASS}}' }, loc } }), ctx()).multipart).toEqual([['password', 'pa:ss£']]);
  const raw = buildRequest(spec({ body: { kind: 'raw', text: '{"user":', loc } }), ctx());
  expect(raw.data?.toString('utf8')).toBe('{"user":');
  expect(raw.headers).toEqual({});
});

test('a field given a list is one pair per value, in order, beside the other fields', () => {
  const fields = { grant_type: 'password', scope: ['read', '{{USER}}', 'write'], n: '{{n}}' };
  const expected = [['grant_type', 'password'], ['scope', 'read'], ['scope', 'api-user'], ['scope', 'write'], ['n', '5']];
  expect(buildRequest(spec({ body: { kind: 'form', fields, loc } }), ctx()).form).toEqual(expected);
  expect(buildRequest(spec({ body: { kind: 'multipart', fields, loc } }), ctx()).multipart).toEqual(expected);
});

test('the clock offset header goes to the sandbox only', () => {
  expect(buildRequest(spec({ clockOffsetSeconds: 601 }), ctx(true)).headers).toEqual({ 'x-sandbox-clock-offset': '601' });
  expect(buildRequest(spec({ clockOffsetSeconds: 601 }), ctx(false)).headers).toEqual({});
});

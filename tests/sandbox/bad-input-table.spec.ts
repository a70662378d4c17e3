// The bad-input table (research/auth-reliability.md §(b); rows in support/bad-inputs.ts), one test
// per row: the request gets the vendor's documented answer (or the sandbox's chosen 4xx), never a
// 5xx, always a JSON body with a 4xx; and after each row every vendor still works (a valid login
// succeeds, an unauthenticated call is refused), so no row can break the process for later callers.
import { connect } from 'node:net';
import type { AddressInfo } from 'node:net';
import { expect, test } from '@playwright/test';
import type { Sandbox } from '../../sandbox/core/server';
import { allVendorsSandbox, at, brokenVendors, credentials, prototypeChanges, type Response } from './support/all-vendors';
import { basicTableRows, jsonTableRows, SOCKET_ROWS, type Row } from './support/bad-inputs';

const ROWS: Row[] = [...basicTableRows(), ...jsonTableRows()];
let sandbox: Sandbox;

test.describe.configure({ mode: 'serial' });
test.beforeAll(() => {
  sandbox = allVendorsSandbox();
});
test.afterAll(async () => {
  await sandbox.app.close();
});

function expectJson4xx(res: Response, label: string): void {
  expect(res.statusCode, label).toBeLessThan(500);
  if (res.statusCode >= 400) {
    expect(res.headers['content-type'], label).toMatch(/^application\/json/);
    expect(() => JSON.parse(res.body) as unknown, label).not.toThrow();
  }
}

test('the table has the research table rows', () => {
  const ids = new Set(ROWS.map((r) => r.id.split(' ')[0]));
  for (const id of ['B1', 'B2', 'B9', 'B12', 'B18', 'B20', 'B24', 'L1', 'L4', 'L10', 'L12', 'L15', 'L21']) expect(ids.has(id), id).toBe(true);
  expect(ROWS.length).toBeGreaterThanOrEqual(100);
});

for (const row of ROWS) {
  test(`${row.id}: ${row.label} -> ${row.status}`, async () => {
    const res = await sandbox.app.inject(row.request);
    expect(res.statusCode).toBe(row.status);
    expectJson4xx(res, row.label);
    if (row.body !== undefined) expect(res.json()).toEqual(row.body);
    expect(await brokenVendors(sandbox)).toEqual([]);
  });
}

test('L3: an unknown user and a wrong password get byte-identical answers (truedat, couchdrop)', async () => {
  const pairs = [
    [at('truedat', '/api/sessions'), { ...credentials.truedat, user: { user_name: credentials.truedat.user.user_name, password: 'wrong' } }, { ...credentials.truedat, user: { user_name: 'nobody', password: 'wrong' } }],
    [at('couchdrop', '/authenticate'), { ...credentials.couchdrop, password: 'wrong' }, { username: 'nobody', password: 'wrong' }],
  ] as const;
  for (const [url, wrong, unknown] of pairs) {
    const send = (body: unknown): Promise<Response> => sandbox.app.inject({ method: 'POST', url, headers: { 'content-type': 'application/json' }, payload: JSON.stringify(body) });
    const [a, b] = [await send(wrong), await send(unknown)];
    expect(a.statusCode, url).toBe(b.statusCode);
    expect(a.body, url).toBe(b.body);
    const names = (r: Response): string[] => Object.keys(r.headers).filter((h) => h !== 'date').sort();
    expect(names(a), url).toEqual(names(b));
  }
});

test('L25-L30: truedat sessions refuse rotated, swapped, forged and logged-out tokens with 401', async () => {
  const login = await sandbox.app.inject({ method: 'POST', url: at('truedat', '/api/sessions'), headers: { 'content-type': 'application/json' }, payload: JSON.stringify(credentials.truedat) });
  const { token, refresh_token: refresh } = login.json<{ token: string; refresh_token: string }>();
  const call = (method: 'GET' | 'POST' | 'DELETE', path: string, bearer: string | undefined, cookie?: string): Promise<Response> =>
    sandbox.app.inject({ method, url: at('truedat', path), headers: { ...(bearer ? { authorization: `Bearer ${bearer}` } : {}), ...(cookie ? { cookie: `_td_refresh=${cookie}` } : {}) } });
  const refreshed = await call('POST', '/api/sessions/refresh', token, refresh);
  expect(refreshed.statusCode, 'L25 a valid refresh').toBe(201);
  const next = refreshed.json<{ token: string }>().token;
  expect((await call('POST', '/api/sessions/refresh', next, refresh)).statusCode, 'L26 an already-rotated refresh token').toBe(401);
  expect((await call('POST', '/api/sessions/refresh', next, next)).statusCode, 'L27 an access token as the refresh token').toBe(401);
  const [h, p] = next.split('.');
  const none = `${Buffer.from('{"alg":"none","typ":"JWT"}').toString('base64url')}.${p ?? ''}.`;
  for (const forged of [`${h ?? ''}.${p ?? ''}x.sig`, none, 'not-a-jwt']) expect((await call('GET', '/api/sessions', forged)).statusCode, `L28 ${forged.slice(0, 12)}`).toBe(401);
  const query = await sandbox.app.inject({ method: 'GET', url: `${at('truedat', '/api/sessions')}?access_token=${next}` });
  expect(query.statusCode, 'L29 a token in the query is ignored').toBe(401);
  expect((await call('DELETE', '/api/sessions', next)).statusCode, 'L30 logout').toBe(204);
  expect((await call('GET', '/api/sessions', next)).statusCode, 'L30 reuse after logout').toBe(401);
  expect((await call('DELETE', '/api/sessions', next)).statusCode, 'L30 a second logout (td-auth needs a live token)').toBe(401);
  expect(await brokenVendors(sandbox)).toEqual([]);
});

test('B23, L22: what Node\'s parser refuses before the app runs, over a socket; the process answers after', async () => {
  await sandbox.app.listen({ host: '127.0.0.1', port: 0 });
  const { port } = sandbox.app.server.address() as AddressInfo;
  for (const row of SOCKET_ROWS) {
    const answer = await exchange(port, row.raw);
    expect(answer.split('\r\n')[0], `${row.id} ${row.label}`).toMatch(new RegExp(`^HTTP/1\\.1 ${row.status} `));
  }
  expect(await brokenVendors(sandbox)).toEqual([]);
  expect(prototypeChanges()).toEqual([]);
});

function exchange(port: number, raw: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => socket.write(raw, 'latin1'));
    let received = '';
    socket.setTimeout(5_000, () => socket.destroy());
    socket.on('data', (chunk: Buffer) => (received += chunk.toString('latin1')));
    socket.on('close', () => resolve(received));
    socket.on('error', reject);
  });
}

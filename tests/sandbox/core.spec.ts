// sandbox/core in-process: the strict Basic parser against the B-table of
// research/auth-reliability.md §(b), the per-request clock, the control routes under /__sandbox,
// and the 404 and error handlers (no FST_ codes, no stack traces). A tiny probe vendor stands in
// for the real ones so these tests depend on the core alone.
import { expect, test } from '@playwright/test';
import type { LightMyRequestResponse } from 'fastify';
import { decodeStrictBase64Utf8, parseBasicAuthorization, parseBearer } from '../../sandbox/core/basic-auth';
import { CLOCK_OFFSET_HEADER, OffsetClock } from '../../sandbox/core/clock';
import { buildSandbox, prefixOf, type Sandbox } from '../../sandbox/core/server';
import type { VendorModule } from '../../sandbox/core/vendor-module';

const b64 = (text: string, encoding: BufferEncoding = 'utf8'): string => Buffer.from(text, encoding).toString('base64');
const accepted = (header: string | string[] | undefined): { userId: string; password: string } | undefined => {
  const result = parseBasicAuthorization(header);
  return result.ok ? result.credentials : undefined;
};
const reason = (header: string | string[] | undefined): string | undefined => {
  const result = parseBasicAuthorization(header);
  return result.ok ? undefined : result.reason;
};

test.describe('core: strict Basic parsing (auth-reliability.md §(b), table B)', () => {
  const alice = { userId: 'alice', password: 'secret' };

  test('B1 absent or empty header: missing', () => {
    expect(reason(undefined)).toBe('missing');
    expect(reason('')).toBe('missing');
  });
  test('B2 canonical base64 of alice:secret is accepted', () => {
    expect(accepted('Basic YWxpY2U6c2VjcmV0')).toEqual(alice);
  });
  test('B3 the scheme word is case-insensitive', () => {
    expect(accepted('basic YWxpY2U6c2VjcmV0')).toEqual(alice);
    expect(accepted('BASIC YWxpY2U6c2VjcmV0')).toEqual(alice);
  });
  test('B4/B5 more than one space after the scheme, and spaces around the value, are accepted', () => {
    expect(accepted('Basic  YWxpY2U6c2VjcmV0')).toEqual(alice);
    expect(accepted('  Basic YWxpY2U6c2VjcmV0  ')).toEqual(alice);
  });
  test('B6 a tab between scheme and credentials is rejected', () => {
    expect(reason('Basic\tYWxpY2U6c2VjcmV0')).toBeDefined();
  });
  test('B7 another scheme is rejected as a scheme mismatch', () => {
    expect(reason('Bearer abc')).toBe('scheme');
  });
  test('B8 the scheme word without credentials is rejected', () => {
    expect(reason('Basic')).toBeDefined();
    expect(reason('Basic ')).toBeDefined();
  });
  test('B9-B12 non-canonical base64 is rejected where Node alone would decode it', () => {
    for (const token of ['YWxp!!Y2U6c2VjcmV0', 'YWxpY2U-c2VjcmV0', 'YWxpY2U6c2VjcmV0====', 'YWxpY2U6c2VjcmV', 'YWxpY2U6c2VjcmV0=']) {
      expect(Buffer.from(token, 'base64').length, token).toBeGreaterThan(0); // Node would accept it
      expect(reason(`Basic ${token}`), token).toBe('encoding');
      expect(decodeStrictBase64Utf8(token), token).toBeUndefined();
    }
  });
  test('B13/B14 no colon, or an empty user-id, is a format error', () => {
    expect(reason(`Basic ${b64('alice')}`)).toBe('format');
    expect(reason(`Basic ${b64(':secret')}`)).toBe('format');
  });
  test('B15 an empty password parses (the endpoint then refuses it as a wrong password)', () => {
    expect(accepted(`Basic ${b64('alice:')}`)).toEqual({ userId: 'alice', password: '' });
  });
  test('B16 the split is at the first colon, so a password may contain colons', () => {
    expect(accepted(`Basic ${b64('colon:pa:ss')}`)).toEqual({ userId: 'colon', password: 'pa:ss' });
  });
  test('B17 UTF-8 credentials (RFC 7617 §2.1 example test:123£) are accepted', () => {
    expect(b64('test:123£')).toBe('dGVzdDoxMjPCow==');
    expect(accepted('Basic dGVzdDoxMjPCow==')).toEqual({ userId: 'test', password: '123£' });
  });
  test('B18 ISO-8859-1 bytes are rejected, never decoded to U+FFFD', () => {
    expect(b64('test:123\u00a3', 'latin1')).toBe('dGVzdDoxMjOj');
    expect(reason('Basic dGVzdDoxMjOj')).toBe('encoding');
  });
  test('B19 a user-id is normalised to NFC', () => {
    expect(accepted(`Basic ${b64('e\u0301:secret')}`)?.userId).toBe('\u00e9');
    expect(accepted(`Basic ${b64('\u00e9:secret')}`)?.userId).toBe('\u00e9');
  });
  test('B20 control characters (C0, DEL, C1) in user-id or password are rejected', () => {
    for (const text of ['ali\u0000ce:secret', 'alice:se\ncret', 'alice:secret\u007f', 'alice:sec\u0085ret']) {
      expect(reason(`Basic ${b64(text)}`), JSON.stringify(text)).toBe('format');
    }
  });
  test('B21 raw text instead of base64 is rejected', () => {
    expect(reason('Basic alice:sécret')).toBe('encoding');
  });
  test('B22 a long but well-formed credential parses (the endpoint then finds no such user)', () => {
    const long = accepted(`Basic ${b64(`${'u'.repeat(7_000)}:x`)}`);
    expect(long?.userId.length).toBe(7_000);
  });
  test('B24 two header values (an array) are rejected', () => {
    expect(reason(['Basic YWxpY2U6c2VjcmV0', 'Basic YWxpY2U6c2VjcmV0'])).toBe('format');
  });
  test('parseBearer reads the token with a case-insensitive scheme and nothing else', () => {
    expect(parseBearer('Bearer abc.def')).toBe('abc.def');
    expect(parseBearer('bearer abc')).toBe('abc');
    expect(parseBearer('Basic YWxpY2U6c2VjcmV0')).toBeUndefined();
    expect(parseBearer('Bearer')).toBeUndefined();
    expect(parseBearer('Bearer a b')).toBeUndefined();
    expect(parseBearer(undefined)).toBeUndefined();
  });
});

test.describe('core: the per-request clock', () => {
  test('the offset header moves only that request; odd values are ignored; advance moves all', () => {
    const clock = new OffsetClock();
    const at = (value?: string): number => clock.now({ headers: value === undefined ? {} : { [CLOCK_OFFSET_HEADER]: value } }) - Date.now();
    expect(Math.abs(at())).toBeLessThan(50);
    expect(at('601')).toBeGreaterThanOrEqual(600_950);
    expect(at('1.5')).toBeGreaterThanOrEqual(1_450);
    for (const odd of ['-5', 'abc', '1e9', '']) expect(Math.abs(at(odd)), odd).toBeLessThan(50);
    clock.advance(10);
    expect(at()).toBeGreaterThanOrEqual(9_950);
    clock.reset();
    expect(Math.abs(at())).toBeLessThan(50);
  });
});

// A stand-in vendor: one route per kind of failure, one fault, and a reset counter.
let resets = 0;
const probe: VendorModule = {
  name: 'probe',
  baseUrlVar: 'PROBE_BASE_URL',
  faults: { 'always-418': { clause: 'probe.ok', description: 'The probe answers 418.' } },
  demoAccounts: () => [],
  register(app, ctx) {
    app.get('/ok', (request, reply) => reply.status(ctx.faults.isOn('always-418') ? 418 : 200).send({ now: ctx.clock.now(request) }));
    app.get('/boom', () => {
      throw new Error('secret internals at /work/main/sandbox');
    });
    app.get('/teapot', () => {
      throw Object.assign(new Error('short and stout'), { statusCode: 418, code: 'FST_ERR_TEAPOT' });
    });
  },
  reset: () => {
    resets += 1;
  },
};

let sandbox: Sandbox;
test.describe('core: control routes, 404 and errors', () => {
  test.beforeAll(() => {
    sandbox = buildSandbox({ env: { PROBE_BASE_URL: 'http://127.0.0.1:1/probe/' }, vendors: [probe] });
  });
  test.afterAll(async () => {
    await sandbox.app.close();
  });
  const put = (payload: unknown, type = 'application/json'): Promise<LightMyRequestResponse> =>
    sandbox.app.inject({ method: 'PUT', url: '/__sandbox/faults', headers: { 'x-sandbox-control-token': sandbox.controlToken, 'content-type': type }, payload: typeof payload === 'string' ? payload : JSON.stringify(payload) });

  test('prefixOf takes the base URL path without trailing slashes', () => {
    expect(prefixOf('http://127.0.0.1:4010/truedat/')).toBe('/truedat');
    expect(prefixOf('http://127.0.0.1:4010/personr/api/1.1/wf')).toBe('/personr/api/1.1/wf');
    expect(prefixOf('http://127.0.0.1:4010')).toBe('');
    expect(prefixOf(undefined)).toBe('');
  });

  test('health answers {ok:true}', async () => {
    const res = await sandbox.app.inject({ method: 'GET', url: '/__sandbox/health' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ ok: true });
  });

  test('faults: GET lists known and active, PUT switches them, and the vendor sees it', async () => {
    const listed = await sandbox.app.inject({ method: 'GET', headers: { 'x-sandbox-control-token': sandbox.controlToken }, url: '/__sandbox/faults' });
    expect(listed.json()).toEqual({ active: [], known: [{ name: 'probe.always-418', vendor: 'probe', clause: 'probe.ok', description: 'The probe answers 418.' }] });
    expect((await put({ faults: ['probe.always-418'] })).json()).toEqual({ active: ['probe.always-418'] });
    expect((await sandbox.app.inject({ method: 'GET', url: '/probe/ok' })).statusCode).toBe(418);
    expect((await put({ faults: [] })).json()).toEqual({ active: [] });
    expect((await sandbox.app.inject({ method: 'GET', url: '/probe/ok' })).statusCode).toBe(200);
  });

  test('faults: an unknown fault gets 400 and leaves the active set unchanged', async () => {
    await put({ faults: ['probe.always-418'] });
    const res = await put({ faults: ['probe.always-418', 'probe.nope'] });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toEqual({ error: 'unknown_fault', message: 'unknown fault(s): probe.nope' });
    expect((await sandbox.app.inject({ method: 'GET', headers: { 'x-sandbox-control-token': sandbox.controlToken }, url: '/__sandbox/faults' })).json<{ active: string[] }>().active).toEqual(['probe.always-418']);
    await put({ faults: [] });
  });

  test('faults: a body of the wrong shape, wrong type or broken JSON gets 400 without framework codes', async () => {
    for (const [payload, type] of [[{ faults: 'probe.always-418' }], [{ faults: [1] }], [{}], ['{"faults":'], ['faults=x', 'text/plain']] as const) {
      const res = await put(payload, type);
      expect(res.statusCode, JSON.stringify(payload)).toBe(400);
      expect(res.body).not.toMatch(/FST_|"stack"/);
      expect(res.json<{ error: string }>().error).toMatch(/^bad_request$/);
    }
  });

  test('clock: advance moves every request, bad bodies get 400, reset puts it back', async () => {
    const now = async (): Promise<number> => (await sandbox.app.inject({ method: 'GET', url: '/probe/ok' })).json<{ now: number }>().now;
    for (const payload of [{ advanceSeconds: -1 }, { advanceSeconds: 'ten' }, { advanceSeconds: 1e308 }, {}]) {
      const res = await sandbox.app.inject({ method: 'POST', headers: { 'x-sandbox-control-token': sandbox.controlToken }, url: '/__sandbox/clock', payload });
      expect(res.statusCode, JSON.stringify(payload)).toBe(400);
    }
    const res = await sandbox.app.inject({ method: 'POST', headers: { 'x-sandbox-control-token': sandbox.controlToken }, url: '/__sandbox/clock', payload: { advanceSeconds: 3600 } });
    expect(res.json()).toEqual({ advancedSeconds: 3600 });
    expect((await now()) - Date.now()).toBeGreaterThan(3_590_000);
    const offset = await sandbox.app.inject({ method: 'GET', url: '/probe/ok', headers: { [CLOCK_OFFSET_HEADER]: '60' } });
    expect(offset.json<{ now: number }>().now - Date.now()).toBeGreaterThan(3_650_000);
    await sandbox.app.inject({ method: 'POST', headers: { 'x-sandbox-control-token': sandbox.controlToken }, url: '/__sandbox/reset' });
    expect(Math.abs((await now()) - Date.now())).toBeLessThan(1_000);
  });

  test('reset calls every vendor reset, switches faults off and answers {reset:true}', async () => {
    await put({ faults: ['probe.always-418'] });
    const before = resets;
    const res = await sandbox.app.inject({ method: 'POST', headers: { 'x-sandbox-control-token': sandbox.controlToken }, url: '/__sandbox/reset' });
    expect(res.json()).toEqual({ reset: true });
    expect(resets).toBe(before + 1);
    expect(sandbox.faults.active()).toEqual([]);
  });

  test('an unknown route gets 404 JSON naming the path, never the query', async () => {
    const res = await sandbox.app.inject({ method: 'GET', url: '/nowhere?password=hunter2' });
    expect(res.statusCode).toBe(404);
    expect(res.json()).toEqual({ error: 'not_found', message: 'No sandbox route for GET /nowhere' });
  });

  test('a crashing route gets a generic 500: no message, no stack, no FST_ code', async () => {
    const res = await sandbox.app.inject({ method: 'GET', url: '/probe/boom' });
    expect(res.statusCode).toBe(500);
    expect(res.json()).toEqual({ error: 'internal_error', message: 'The sandbox failed to handle the request.' });
    expect(res.headers['content-type']).toMatch(/^application\/json/);
  });

  test('a 4xx error keeps its status with a generic body', async () => {
    const res = await sandbox.app.inject({ method: 'GET', url: '/probe/teapot' });
    expect(res.statusCode).toBe(418);
    expect(res.json()).toEqual({ error: 'bad_request', message: 'The request could not be processed.' });
  });

  test('a multipart body the parser cannot read gets 400, not 500', async () => {
    for (const contentType of ['multipart/form-data', 'multipart/form-data; boundary=xyz']) {
      const res = await sandbox.app.inject({ method: 'PUT', url: '/__sandbox/faults', headers: { 'x-sandbox-control-token': sandbox.controlToken, 'content-type': contentType }, payload: '--xyz\r\nbroken' });
      expect(res.statusCode, contentType).toBe(400);
      expect(res.json()).toEqual({ error: 'bad_request', message: 'The request could not be processed.' });
    }
  });

  test('buildSandbox refuses unknown start-up faults', () => {
    expect(() => buildSandbox({ env: {}, vendors: [probe], faults: ['probe.nope'] })).toThrow('unknown fault(s): probe.nope');
  });
});

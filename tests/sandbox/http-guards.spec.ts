// The core's guarantees for every vendor (sandbox/core/http-guards.ts, control-routes.ts and the
// server options): 405 with Allow on every documented path, 400 for two Authorization headers,
// 8 KiB bodies on auth routes, timeouts that drop silent clients, and a token on /__sandbox.
import { connect, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import { expect, test } from '@playwright/test';
import { CONTROL_TOKEN_HEADER, controlTokenFrom } from '../../sandbox/core/control-routes';
import { buildSandbox, DEFAULT_TIMEOUTS } from '../../sandbox/core/server';
import { vendors } from '../../sandbox/vendors';
import { SANDBOX_CONTROL_TOKEN_HEADER, sandboxControlHeaders } from '../../src/runtime/sandbox-headers';
import { allVendorsSandbox, at, credentials, env, multipartBody } from './support/all-vendors';

const METHODS = ['DELETE', 'GET', 'HEAD', 'OPTIONS', 'PATCH', 'POST', 'PUT'] as const;

// Every path the sandbox serves and the methods it takes there, written out by hand so that a
// route that appears, disappears or changes its methods shows here.
const PATHS: readonly [string, string][] = [
  [at('truedat', '/api/sessions'), 'DELETE, GET, HEAD, POST'],
  [at('truedat', '/api/sessions/refresh'), 'POST'],
  [at('truedat', '/api/ping'), 'GET, HEAD'],
  [at('couchdrop', '/authenticate'), 'POST'],
  [at('couchdrop', '/manage/account'), 'GET, HEAD'],
  [at('clearlrs', '/api/auth/basic'), 'POST'],
  [at('clearlrs', '/xapi/statements'), 'GET, HEAD'],
  [at('clearlrs', '/xapi/about'), 'GET, HEAD'],
  [at('personr', '/api-basic-auth'), 'POST'],
  [at('personr', '/api-probe'), 'POST'],
  [at('nexudus', '/en/user/me'), 'GET, HEAD'],
  [at('nexudus', '/api/sys/coworkers'), 'GET, HEAD'],
  ['/bench/echo', 'POST'],
  ['/__sandbox/health', 'GET, HEAD'],
  ['/__sandbox/faults', 'GET, HEAD, PUT'],
  ['/__sandbox/clock', 'POST'],
  ['/__sandbox/reset', 'POST'],
];

test('every other method on every path gets 405 with the Allow header and a JSON body', async () => {
  const sandbox = allVendorsSandbox();
  try {
    const wrong: string[] = [];
    let refused = 0;
    for (const [url, allow] of PATHS) {
      for (const method of METHODS.filter((m) => !allow.split(', ').includes(m))) {
        const res = await sandbox.app.inject({ method, url, headers: { [CONTROL_TOKEN_HEADER]: sandbox.controlToken } });
        refused += 1;
        const jsonOk = method === 'HEAD' || (/^application\/json/.test(String(res.headers['content-type'])) && typeof res.json() === 'object');
        if (res.statusCode !== 405 || res.headers.allow !== allow || !jsonOk) wrong.push(`${method} ${url}: ${res.statusCode} allow=${String(res.headers.allow)}`);
      }
    }
    expect(wrong).toEqual([]);
    expect(refused).toBe(90);
  } finally {
    await sandbox.app.close();
  }
});

test('two Authorization headers get 400 before any vendor looks at them, in-process and over a socket', async () => {
  const sandbox = allVendorsSandbox();
  try {
    const twice = [credentials.nexudus, credentials.nexudus];
    const res = await sandbox.app.inject({ method: 'GET', url: at('nexudus', '/en/user/me'), headers: { authorization: twice as unknown as string } });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toEqual({ error: 'bad_request', message: 'The request must carry at most one Authorization header.' });
    expect((await sandbox.app.inject({ method: 'GET', url: at('nexudus', '/en/user/me'), headers: { authorization: credentials.nexudus } })).statusCode).toBe(200);

    // Node's own parser keeps only the first value in req.headers; the guard reads rawHeaders.
    await sandbox.app.listen({ host: '127.0.0.1', port: 0 });
    const { port } = sandbox.app.server.address() as AddressInfo;
    const raw = `GET ${at('nexudus', '/en/user/me')} HTTP/1.1\r\nHost: x\r\nAuthorization: ${credentials.nexudus}\r\nauthorization: Basic eDp5\r\nConnection: close\r\n\r\n`;
    expect((await exchange(port, raw)).split('\r\n')[0]).toBe('HTTP/1.1 400 Bad Request');
  } finally {
    await sandbox.app.close();
  }
});

test('auth routes take 8 KiB bodies: one byte more is 413 JSON, in JSON, form and multipart', async () => {
  const sandbox = allVendorsSandbox();
  try {
    const posts = [at('truedat', '/api/sessions'), at('couchdrop', '/authenticate'), at('clearlrs', '/api/auth/basic'), at('personr', '/api-basic-auth'), '/bench/echo'];
    for (const url of posts) {
      const pad = (size: number): string => JSON.stringify({ pad: 'x'.repeat(size - 10) });
      expect(pad(8193).length).toBe(8193);
      const big = await sandbox.app.inject({ method: 'POST', url, headers: { 'content-type': 'application/json' }, payload: pad(8193) });
      expect(big.statusCode, url).toBe(413);
      expect(big.headers['content-type'], url).toMatch(/^application\/json/);
      const fits = await sandbox.app.inject({ method: 'POST', url, headers: { 'content-type': 'application/json' }, payload: pad(8192) });
      expect(fits.statusCode, url).not.toBe(413);
      const form = await sandbox.app.inject({ method: 'POST', url, headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: `a=${'x'.repeat(8200)}` });
      expect(form.statusCode, url).toBe(413);
    }
    const multipart = multipartBody([['username', 'x'.repeat(8300)]]);
    const res = await sandbox.app.inject({ method: 'POST', url: at('couchdrop', '/authenticate'), headers: { 'content-type': multipart.contentType }, payload: multipart.payload });
    expect(res.statusCode).toBe(413);
  } finally {
    await sandbox.app.close();
  }
});

test('the server has request, header, idle and keep-alive timeouts', async () => {
  const sandbox = allVendorsSandbox();
  try {
    const server = sandbox.app.server;
    expect(server.requestTimeout).toBe(DEFAULT_TIMEOUTS.requestMs);
    expect(server.headersTimeout).toBe(DEFAULT_TIMEOUTS.headersMs);
    expect(server.timeout).toBe(DEFAULT_TIMEOUTS.idleMs);
    expect(server.keepAliveTimeout).toBe(DEFAULT_TIMEOUTS.keepAliveMs);
  } finally {
    await sandbox.app.close();
  }
});

test('a silent client and a client trickling headers are dropped once their timeout passes', async () => {
  // Short timeouts so the test is quick; the bound below is generous on purpose (it checks that
  // the socket is closed at all, not how fast: Node only checks every checkEveryMs).
  const sandbox = buildSandbox({ env, vendors, timeouts: { idleMs: 300, headersMs: 400, requestMs: 600, checkEveryMs: 100 } });
  try {
    await sandbox.app.listen({ host: '127.0.0.1', port: 0 });
    const { port } = sandbox.app.server.address() as AddressInfo;
    const silent = await closedWithin(port, 5_000, () => undefined);
    expect(silent.closed).toBe(true);
    const trickle = await closedWithin(port, 5_000, (socket) => {
      socket.write('GET /__sandbox/health HTTP/1.1\r\n');
      const timer = setInterval(() => socket.writable && socket.write('X-Slow: 1\r\n'), 100);
      socket.once('close', () => clearInterval(timer));
    });
    expect(trickle.closed).toBe(true);
    expect(trickle.received === '' || trickle.received.startsWith('HTTP/1.1 408')).toBe(true);
  } finally {
    await sandbox.app.close();
  }
});

test('/__sandbox controls need the token: 403 JSON without it or with a wrong one, and nothing changes', async () => {
  const sandbox = allVendorsSandbox();
  try {
    const controls = [
      { method: 'GET', url: '/__sandbox/faults' },
      { method: 'PUT', url: '/__sandbox/faults', payload: { faults: ['nexudus.valid-basic-refused'] } },
      { method: 'POST', url: '/__sandbox/clock', payload: { advanceSeconds: 3600 } },
      { method: 'POST', url: '/__sandbox/reset' },
    ] as const;
    for (const headers of [{}, { [CONTROL_TOKEN_HEADER]: 'guess' }, { [CONTROL_TOKEN_HEADER]: `${sandbox.controlToken}x` }]) {
      for (const control of controls) {
        const res = await sandbox.app.inject({ ...control, headers });
        expect(res.statusCode, `${control.method} ${control.url}`).toBe(403);
        expect(res.json<{ error: string }>().error).toBe('forbidden');
        expect(res.body).not.toContain(sandbox.controlToken);
      }
    }
    expect(sandbox.faults.active()).toEqual([]);
    const now = sandbox.clock.now({ headers: {} });
    expect(Math.abs(now - Date.now())).toBeLessThan(1_000);
    expect((await sandbox.app.inject({ method: 'GET', url: '/__sandbox/health' })).statusCode).toBe(200);
    const ok = await sandbox.app.inject({ ...controls[1], headers: { [CONTROL_TOKEN_HEADER]: sandbox.controlToken } });
    expect(ok.statusCode).toBe(200);
    expect(sandbox.faults.active()).toEqual(['nexudus.valid-basic-refused']);
  } finally {
    await sandbox.app.close();
  }
});

test('the token comes from SANDBOX_CONTROL_TOKEN, else it is random per process; the runner sends it', () => {
  expect(controlTokenFrom({ SANDBOX_CONTROL_TOKEN: 'chosen' })).toBe('chosen');
  const a = controlTokenFrom({ SANDBOX_CONTROL_TOKEN: '  ' });
  const b = controlTokenFrom({});
  expect(a).toMatch(/^[A-Za-z0-9_-]{43}$/);
  expect(a).not.toBe(b);
  expect(buildSandbox({ env: { SANDBOX_CONTROL_TOKEN: 'from-env' }, vendors: [] }).controlToken).toBe('from-env');
  expect(SANDBOX_CONTROL_TOKEN_HEADER).toBe(CONTROL_TOKEN_HEADER);
  expect(sandboxControlHeaders({ SANDBOX_CONTROL_TOKEN: 't' })).toEqual({ [CONTROL_TOKEN_HEADER]: 't' });
  expect(sandboxControlHeaders({})).toEqual({});
});

function exchange(port: number, request: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => socket.write(request));
    let received = '';
    socket.on('data', (chunk: Buffer) => (received += chunk.toString('latin1')));
    socket.on('close', () => resolve(received));
    socket.on('error', reject);
  });
}

/** Opens a socket, lets `act` use it, and reports whether the server closed it within `ms`. */
function closedWithin(port: number, ms: number, act: (socket: Socket) => void): Promise<{ closed: boolean; received: string }> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1', () => act(socket));
    let received = '';
    const timer = setTimeout(() => {
      socket.destroy();
      resolve({ closed: false, received });
    }, ms);
    socket.on('data', (chunk: Buffer) => (received += chunk.toString('latin1')));
    socket.on('error', () => undefined);
    socket.on('close', () => {
      clearTimeout(timer);
      resolve({ closed: true, received });
    });
  });
}

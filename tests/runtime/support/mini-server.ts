// A tiny vendor for the runtime's tests: Basic login issuing a token and a refresh cookie, a
// Bearer-protected route, and an endpoint that echoes what it received (headers and body), so
// a test can see exactly what the runtime sent and what a failure message shows of it.
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export const MINI_USER = 'mini-user';
export const MINI_PASSWORD = 'Mini-S3cret:pw£';
export const ISSUED_TOKEN = 'tok-0123456789abcdef';

export interface MiniServer {
  origin: string;
  close(): Promise<void>;
}

export async function startMiniServer(): Promise<MiniServer> {
  const server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
    req.on('end', () => {
      const send = (status: number, payload: unknown, headers: Record<string, string | string[]> = {}): void => {
        res.writeHead(status, { 'content-type': 'application/json', ...headers });
        res.end(payload === undefined ? '' : JSON.stringify(payload));
      };
      const url = new URL(req.url ?? '/', 'http://x');
      const expected = `Basic ${Buffer.from(`${MINI_USER}:${MINI_PASSWORD}`).toString('base64')}`;
      if (url.pathname === '/base/login') {
        if (req.headers.authorization !== expected) {
          // Like a careless vendor, the error echoes the password it received.
          const sent = Buffer.from((req.headers.authorization ?? '').replace(/^Basic /, ''), 'base64').toString('utf8');
          return send(401, { error: 'bad credentials', received: sent.slice(sent.indexOf(':') + 1) });
        }
        return send(201, { token: ISSUED_TOKEN, expires: 600, tier: 'gold' }, { 'set-cookie': ['refresh=ref-9876543210; Path=/; HttpOnly'] });
      }
      if (url.pathname === '/base/me') {
        if (req.headers.authorization !== `Bearer ${ISSUED_TOKEN}`) return send(401, { message: 'unauthorized' });
        return send(200, { user: MINI_USER, cookie: req.headers.cookie ?? null });
      }
      if (url.pathname === '/base/echo') {
        return send(200, { method: req.method, query: Object.fromEntries(url.searchParams), headers: req.headers, body });
      }
      return send(404, { error: 'not found' });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

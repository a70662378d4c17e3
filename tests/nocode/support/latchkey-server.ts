// The fixture vendor's server, a few lines living in tests/ (not sandbox/): an API key header on
// every call, a passphrase login opening a session held in a cookie, /me, and logout.
import { randomBytes, randomUUID } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export const LATCHKEY = { apiKey: 'lk-fixture-key-7f3a9c2e', login: 'fixture-user', passphrase: 'Lk-fixture-S3cret!' } as const;

export interface FixtureServer {
  origin: string;
  close(): Promise<void>;
}

export async function startLatchkeyServer(): Promise<FixtureServer> {
  const sessions = new Set<string>();
  const server = http.createServer((req, res) => {
    let raw = '';
    req.on('data', (chunk: Buffer) => (raw += chunk.toString('utf8')));
    req.on('end', () => {
      const send = (status: number, body?: unknown, headers: Record<string, string> = {}): void => {
        res.writeHead(status, body === undefined ? headers : { 'content-type': 'application/json; charset=utf-8', ...headers });
        res.end(body === undefined ? '' : JSON.stringify(body));
      };
      if (req.headers['x-api-key'] !== LATCHKEY.apiKey) return send(401, { error: 'invalid_api_key' }, { 'www-authenticate': 'ApiKey realm="latchkey"' });
      const sid = /(?:^|;\s*)lk_session=([^;]+)/.exec(req.headers.cookie ?? '')?.[1];
      const route = `${req.method ?? ''} ${req.url ?? ''}`;
      if (route === 'POST /v2/session') {
        let body: { login?: unknown; passphrase?: unknown } = {};
        try {
          body = JSON.parse(raw) as typeof body;
        } catch {
          return send(400, { error: 'invalid_credentials' });
        }
        if (body.login !== LATCHKEY.login || body.passphrase !== LATCHKEY.passphrase) return send(403, { error: 'invalid_credentials' });
        const id = randomBytes(24).toString('base64url');
        sessions.add(id);
        return send(200, { kind: 'session', session: { id: randomUUID(), login: LATCHKEY.login, expires_in: 3600 } }, { 'set-cookie': `lk_session=${id}; Path=/; HttpOnly` });
      }
      if (!sid || !sessions.has(sid)) return send(401, { error: 'no_session' });
      if (route === 'GET /v2/me') return send(200, { kind: 'user', login: LATCHKEY.login, roles: ['reader'] });
      if (route === 'DELETE /v2/session') {
        sessions.delete(sid);
        return send(204);
      }
      send(404, { error: 'no_session' });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

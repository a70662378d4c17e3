// A small in-process client for the truedat sandbox (Fastify inject), shared by truedat.spec.ts
// and truedat-faults.spec.ts so both speak to the routes the same way.
import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import { readSandboxEnv } from '../../sandbox/core/env';
import { buildSandbox, prefixOf, type Sandbox } from '../../sandbox/core/server';
import { createTruedatModule } from '../../sandbox/truedat/truedat';

export type Response = LightMyRequestResponse;

export interface TruedatClient {
  sandbox: Sandbox;
  user: string;
  password: string;
  call(options: InjectOptions & { url: string }): Promise<Response>;
  login(body?: unknown, headers?: Record<string, string>): Promise<Response>;
  /** Logs in with the seeded account and returns the token and the refresh cookie's value. */
  session(clockOffset?: number): Promise<{ token: string; refresh: string }>;
  verify(token: string | undefined, clockOffset?: number): Promise<Response>;
  refresh(token: string, refresh: string | undefined, clockOffset?: number): Promise<Response>;
  logout(token: string): Promise<Response>;
  close(): Promise<void>;
}

function clockHeader(offset: number | undefined): Record<string, string> {
  return offset === undefined ? {} : { 'x-sandbox-clock-offset': String(offset) };
}

/** The value a Set-Cookie header gives the cookie `name`, or undefined when it sets none. */
export function setCookieValue(response: Response, name: string): string | undefined {
  const raw = response.headers['set-cookie'];
  const all = raw === undefined ? [] : Array.isArray(raw) ? raw : [raw];
  for (const line of all) {
    const first = line.split(';')[0] ?? '';
    if (first.startsWith(`${name}=`)) return first.slice(name.length + 1);
  }
  return undefined;
}

/** Decodes a JWT's payload without checking it (tests look at the claims the sandbox issued). */
export function jwtClaims(token: string): Record<string, unknown> {
  return JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString('utf8')) as Record<string, unknown>;
}

export function truedatClient(options: { faults?: string[]; env?: Record<string, string> } = {}): TruedatClient {
  const env = { ...readSandboxEnv(), ...options.env };
  const sandbox = buildSandbox({ env, vendors: [createTruedatModule()], faults: options.faults });
  const prefix = prefixOf(env.TRUEDAT_BASE_URL);
  const user = env.TRUEDAT_USERNAME ?? '';
  const password = env.TRUEDAT_PASSWORD ?? '';
  const call = (o: InjectOptions & { url: string }): Promise<Response> => sandbox.app.inject({ ...o, url: `${prefix}${o.url}` });
  const login = (body: unknown = { access_method: 'alternative_login', user: { user_name: user, password } }, headers: Record<string, string> = {}): Promise<Response> =>
    call({ method: 'POST', url: '/api/sessions', headers: { 'content-type': 'application/json', ...headers }, payload: JSON.stringify(body) });
  return {
    sandbox,
    user,
    password,
    call,
    login,
    async session(clockOffset) {
      const res = await login(undefined, clockHeader(clockOffset));
      return { token: res.json<{ token: string }>().token, refresh: setCookieValue(res, '_td_refresh') ?? '' };
    },
    verify: (token, clockOffset) =>
      call({ method: 'GET', url: '/api/sessions', headers: { ...(token === undefined ? {} : { authorization: `Bearer ${token}` }), ...clockHeader(clockOffset) } }),
    refresh: (token, refresh, clockOffset) =>
      call({
        method: 'POST',
        url: '/api/sessions/refresh',
        headers: { authorization: `Bearer ${token}`, ...(refresh === undefined ? {} : { cookie: `_td_refresh=${refresh}` }), ...clockHeader(clockOffset) },
      }),
    logout: (token) => call({ method: 'DELETE', url: '/api/sessions', headers: { authorization: `Bearer ${token}` } }),
    close: () => sandbox.app.close(),
  };
}

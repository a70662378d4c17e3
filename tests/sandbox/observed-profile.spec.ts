// SANDBOX_PROFILE in-process (Fastify inject): every entry of every vendor's drift table changes
// the answer it names under `observed` and nothing under `documented`, so each difference is shown
// both ways. The drift tables themselves are compared with vendor.yaml in drift-table.spec.ts.
import { randomUUID } from 'node:crypto';
import { expect, test } from '@playwright/test';
import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import { clearlrs } from '../../sandbox/clearlrs/clearlrs';
import { readSandboxEnv } from '../../sandbox/core/env';
import { readProfile, type SandboxProfile } from '../../sandbox/core/profile';
import { buildSandbox, prefixOf, type Sandbox } from '../../sandbox/core/server';
import type { VendorModule } from '../../sandbox/core/vendor-module';
import { personr } from '../../sandbox/personr/personr';
import { createTruedatModule } from '../../sandbox/truedat/truedat';

const env = readSandboxEnv();
const basic = (user: string, pass: string): string => `Basic ${Buffer.from(`${user}:${pass}`, 'utf8').toString('base64')}`;
const DAY = 24 * 3600;
const sandboxes: Sandbox[] = [];

/** A sandbox of one vendor under `profile`, and a call helper that adds the vendor's prefix. */
function start(vendor: VendorModule, profile: SandboxProfile): (options: InjectOptions & { url: string }) => Promise<LightMyRequestResponse> {
  const sandbox = buildSandbox({ env, vendors: [vendor], profile });
  sandboxes.push(sandbox);
  const prefix = prefixOf(env[vendor.baseUrlVar]);
  return (options) => sandbox.app.inject({ ...options, url: `${prefix}${options.url}` });
}

test.afterAll(async () => {
  for (const sandbox of sandboxes) await sandbox.app.close();
});

test.describe('the profile setting', () => {
  test('unset or empty is documented; documented and observed are read in any case', () => {
    expect(readProfile({})).toBe('documented');
    expect(readProfile({ SANDBOX_PROFILE: ' ' })).toBe('documented');
    expect(readProfile({ SANDBOX_PROFILE: 'Observed' })).toBe('observed');
    expect(readProfile({ SANDBOX_PROFILE: 'documented' })).toBe('documented');
  });

  test('any other value stops the sandbox with the allowed values', () => {
    expect(() => readProfile({ SANDBOX_PROFILE: 'real' })).toThrow('SANDBOX_PROFILE must be one of documented, observed; got "real"');
    expect(() => buildSandbox({ env: { ...env, SANDBOX_PROFILE: 'real' }, vendors: [] })).toThrow('SANDBOX_PROFILE');
  });

  test('the sandbox reads SANDBOX_PROFILE from its env, and says which profile it runs', async () => {
    const sandbox = buildSandbox({ env: { ...env, SANDBOX_PROFILE: 'observed' }, vendors: [] });
    expect(sandbox.profile).toBe('observed');
    await sandbox.app.close();
  });

  test('a drift name that is not in the vendor table never applies, even under observed', async () => {
    let seen: boolean | undefined;
    const probe: VendorModule = {
      name: 'probe',
      baseUrlVar: 'PROBE_BASE_URL',
      faults: {},
      drift: { known: { clause: 'c', documented: 'd', observed: 'o', source: 's' } },
      demoAccounts: () => [],
      register: (_app, ctx) => {
        seen = ctx.drift.isObserved('known') && !ctx.drift.isObserved('not-in-the-table');
      },
      reset: () => undefined,
    };
    const sandbox = buildSandbox({ env: { PROBE_BASE_URL: 'http://127.0.0.1:1/probe' }, vendors: [probe], profile: 'observed' });
    await sandbox.app.ready();
    expect(seen).toBe(true);
    await sandbox.app.close();
  });
});

test.describe('truedat', () => {
  const login = (call: ReturnType<typeof start>): Promise<LightMyRequestResponse> =>
    call({
      method: 'POST',
      url: '/api/sessions',
      headers: { 'content-type': 'application/json' },
      payload: JSON.stringify({ access_method: 'alternative_login', user: { user_name: env.TRUEDAT_USERNAME, password: env.TRUEDAT_PASSWORD } }),
    });

  test('refresh-token-cookie-only: documented 201 carries refresh_token, observed only the token and the cookie', async () => {
    const documented = await login(start(createTruedatModule(), 'documented'));
    expect(documented.statusCode).toBe(201);
    expect(Object.keys(documented.json<object>()).sort()).toEqual(['refresh_token', 'token']);
    const observed = await login(start(createTruedatModule(), 'observed'));
    expect(observed.statusCode).toBe(201);
    expect(Object.keys(observed.json<object>())).toEqual(['token']);
    expect(String(observed.headers['set-cookie'])).toMatch(/^_td_refresh=[\w-]+\.[\w-]+\.[\w-]+;.*SameSite=Strict/);
  });
});

test.describe('personr', () => {
  const auth = basic(env.PERSONR_EMAIL ?? '', env.PERSONR_PASSWORD ?? '');
  test.beforeEach(() => personr.reset());

  test('get-runs-workflow: documented GET gets 405 and no token, observed GET issues a token like POST', async () => {
    const documented = await start(personr, 'documented')({ method: 'GET', url: '/api-basic-auth', headers: { authorization: auth } });
    expect(documented.statusCode).toBe(405);
    expect(documented.body).not.toContain('token');
    const observed = await start(personr, 'observed')({ method: 'GET', url: '/api-basic-auth', headers: { authorization: auth } });
    expect(observed.statusCode).toBe(200);
    expect(observed.json<{ response: { token: string } }>().response.token).toMatch(/^bus\|/);
    // Other wrong methods stay refused: only GET is in Bubble's "POST or GET".
    const put = await start(personr, 'observed')({ method: 'PUT', url: '/api-basic-auth', headers: { authorization: auth } });
    expect(put.statusCode).toBe(405);
  });

  test('idle-expiry-30-days: a token unused for 31 days opens the probe when documented, is refused when observed', async () => {
    for (const [profile, expected] of [['documented', 200], ['observed', 401]] as const) {
      const call = start(personr, profile);
      const issued = await call({ method: 'POST', url: '/api-basic-auth', headers: { authorization: auth } });
      const token = issued.json<{ response: { token: string } }>().response.token;
      const late = await call({ method: 'POST', url: '/api-probe', headers: { authorization: `Bearer ${token}`, 'x-sandbox-clock-offset': String(31 * DAY) } });
      expect(late.statusCode, profile).toBe(expected);
    }
  });

  test('idle-expiry-30-days: under observed each use extends the token by 30 days', async () => {
    const call = start(personr, 'observed');
    const issued = await call({ method: 'POST', url: '/api-basic-auth', headers: { authorization: auth } });
    const token = issued.json<{ response: { token: string } }>().response.token;
    for (const days of [29, 58, 87]) {
      const res = await call({ method: 'POST', url: '/api-probe', headers: { authorization: `Bearer ${token}`, 'x-sandbox-clock-offset': String(days * DAY) } });
      expect(res.statusCode, `day ${days}`).toBe(200);
    }
  });
});

test.describe('clearlrs', () => {
  const service = basic(env.CLEARLRS_API_KEY ?? '', env.CLEARLRS_API_SECRET ?? '');
  const read = (call: ReturnType<typeof start>, authorization: string): Promise<LightMyRequestResponse> =>
    call({
      method: 'GET',
      url: '/xapi/statements',
      query: { agent: JSON.stringify({ objectType: 'Agent', account: { homePage: 'https://lrs.example', name: randomUUID() } }) },
      headers: { 'x-experience-api-version': '1.0.3', authorization },
    });
  test.beforeEach(() => clearlrs.reset());

  test("service-account-on-xapi: the getting-started guide's key:secret call gets 401 when documented, 200 when observed", async () => {
    expect((await read(start(clearlrs, 'documented'), service)).statusCode).toBe(401);
    const observed = await read(start(clearlrs, 'observed'), service);
    expect(observed.statusCode).toBe(200);
    expect(observed.json()).toEqual({ statements: [], more: '' });
  });

  test('service-account-on-xapi: a wrong secret, or the key with an issued password, is still refused when observed', async () => {
    const call = start(clearlrs, 'observed');
    expect((await read(call, basic(env.CLEARLRS_API_KEY ?? '', 'wrong-secret'))).statusCode).toBe(401);
    expect((await read(call, basic(env.CLEARLRS_API_KEY ?? '', env.CLEARLRS_ISSUED_PASSWORD ?? ''))).statusCode).toBe(401);
  });
});

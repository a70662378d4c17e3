// The truedat sandbox in-process: POST /api/sessions with every body shape the document and
// td-auth know, the odd inputs, and the pipeline around it (Accept, 404, body limit). The Bearer
// routes are in truedat-session.spec.ts, the faults in truedat-faults.spec.ts.
import { expect, test } from '@playwright/test';
import { readSandboxEnv } from '../../sandbox/core/env';
import { jwtClaims, setCookieValue, truedatClient, type TruedatClient } from './truedat-client';

let td: TruedatClient;
test.beforeAll(() => {
  td = truedatClient();
});
test.afterAll(async () => {
  await td.close();
});

const INVALID = { errors: { detail: 'Invalid credentials' } };
const UNPROCESSABLE = { errors: { detail: 'Unprocessable Entity' } };

test.describe('truedat sandbox: POST /api/sessions', () => {
  test('the documented body gets 201 with token and refresh_token, and the refresh cookie', async () => {
    const res = await td.login();
    expect(res.statusCode).toBe(201);
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    const body = res.json<{ token: string; refresh_token: string }>();
    expect(Object.keys(body).sort()).toEqual(['refresh_token', 'token']);
    expect(body.token).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+$/);
    expect(jwtClaims(body.token)).toMatchObject({ aud: 'truedat', iss: 'tdauth', user_name: td.user, amr: ['pwd'] });
    expect(jwtClaims(body.refresh_token)).toMatchObject({ aud: 'tdauth', sub: jwtClaims(body.token).jti });
    expect(setCookieValue(res, '_td_refresh')).toBe(body.refresh_token);
    expect(String(res.headers['set-cookie'])).toMatch(/; path=\/; secure; HttpOnly; SameSite=Strict$/);
    expect(res.headers['x-sandbox-warning']).toBeUndefined();
    expect(res.body).not.toContain(td.password);
  });

  test('each login gets fresh, different tokens', async () => {
    const [a, b] = [await td.session(), await td.session()];
    expect(a.token).not.toBe(b.token);
    expect(a.refresh).not.toBe(b.refresh);
  });

  test('under the observed profile the body holds only the token, as td-auth 7.x sends it', async () => {
    const strict = truedatClient({ env: { SANDBOX_PROFILE: 'observed' } });
    const res = await strict.login();
    expect(res.statusCode).toBe(201);
    expect(Object.keys(res.json<object>())).toEqual(['token']);
    expect(setCookieValue(res, '_td_refresh')).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+$/);
    await strict.close();
  });

  test('the user name is matched case-insensitively, the password exactly', async () => {
    expect((await td.login({ access_method: 'alternative_login', user: { user_name: td.user.toUpperCase(), password: td.password } })).statusCode).toBe(201);
    const wrongCase = await td.login({ access_method: 'alternative_login', user: { user_name: td.user, password: td.password.toUpperCase() } });
    expect(wrongCase.statusCode).toBe(401);
    const padded = await td.login({ access_method: 'alternative_login', user: { user_name: td.user, password: ` ${td.password}` } });
    expect(padded.statusCode).toBe(401);
  });

  test('access_method is ignored but a missing or other value is flagged in a warning header', async () => {
    for (const body of [{ user: { user_name: td.user, password: td.password } }, { access_method: 'pwd', user: { user_name: td.user, password: td.password } }]) {
      const res = await td.login(body);
      expect(res.statusCode).toBe(201);
      expect(res.headers['x-sandbox-warning']).toMatch(/access_method/);
    }
  });

  test('form and multipart bodies with user[user_name] and user[password] work as in Plug', async () => {
    const form = await td.call({
      method: 'POST',
      url: '/api/sessions',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams({ access_method: 'alternative_login', 'user[user_name]': td.user, 'user[password]': td.password }).toString(),
    });
    expect(form.statusCode).toBe(201);
    const boundary = 'TdBoundary';
    const part = (name: string, value: string): string => `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`;
    const multipart = await td.call({
      method: 'POST',
      url: '/api/sessions',
      headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
      payload: `${part('user[user_name]', td.user)}${part('user[password]', td.password)}--${boundary}--\r\n`,
    });
    expect(multipart.statusCode).toBe(201);
  });

  test('a wrong password and an unknown user get the same documented 401, and the cookie is deleted', async () => {
    const wrong = await td.login({ access_method: 'alternative_login', user: { user_name: td.user, password: 'not-it' } });
    const unknown = await td.login({ access_method: 'alternative_login', user: { user_name: 'nobody', password: td.password } });
    for (const res of [wrong, unknown]) {
      expect(res.statusCode).toBe(401);
      expect(res.json()).toEqual(INVALID);
      expect(res.headers['set-cookie']).toMatch(/^_td_refresh=; .*max-age=0/);
      expect(res.body).not.toContain(td.password);
    }
    expect(unknown.body).toBe(wrong.body);
    expect(unknown.headers['content-type']).toBe(wrong.headers['content-type']);
  });

  test('bodies of the wrong shape get 422 Unprocessable Entity, never 500', async () => {
    const shapes: unknown[] = [
      { access_method: 'alternative_login', user_name: td.user, password: td.password }, // the field table's flat form
      { access_method: 'alternative_login', user: { user_name: td.user } },
      { access_method: 'alternative_login', user: { password: td.password } },
      { access_method: 'alternative_login' },
      { user: 'api-integration' },
      { user: [td.user, td.password] },
      { user: { user_name: 42, password: td.password } },
      { user: { user_name: td.user, password: null } },
      { user: { user_name: td.user, password: { $ne: null } } },
      [],
      null,
      'a string',
      42,
    ];
    for (const body of shapes) {
      const res = await td.login(body);
      expect(res.statusCode, JSON.stringify(body)).toBe(422);
      expect(res.json()).toEqual(UNPROCESSABLE);
      expect(res.body).not.toContain(td.password);
    }
  });

  test('an empty JSON body, an unknown content type and no body at all get 422 like td-auth', async () => {
    const empty = await td.call({ method: 'POST', url: '/api/sessions', headers: { 'content-type': 'application/json' }, payload: '' });
    const text = await td.call({ method: 'POST', url: '/api/sessions', headers: { 'content-type': 'text/plain' }, payload: `user=${td.user}` });
    const none = await td.call({ method: 'POST', url: '/api/sessions' });
    for (const res of [empty, text, none]) {
      expect(res.statusCode).toBe(422);
      expect(res.json()).toEqual(UNPROCESSABLE);
    }
  });

  test('invalid JSON gets 400 with td-auth fallback text, no framework code, no echo', async () => {
    for (const payload of ['{"user":{"user_name":', `{"user":{"password":"${td.password}"`, '{"__proto__":{"admin":true},"user":{}}']) {
      const res = await td.call({ method: 'POST', url: '/api/sessions', headers: { 'content-type': 'application/json' }, payload });
      expect(res.statusCode, payload).toBe(400);
      expect(res.json()).toEqual({ errors: { detail: 'Internal server error' } });
      expect(res.body).not.toMatch(/FST_|stack|at \w+ \(/);
      expect(res.body).not.toContain(td.password);
    }
  });

  test('an Accept header without JSON gets 406; */* and application/json are fine', async () => {
    expect((await td.login(undefined, { accept: 'text/html' })).statusCode).toBe(406);
    expect((await td.login(undefined, { accept: 'text/html, */*;q=0.1' })).statusCode).toBe(201);
    expect((await td.login(undefined, { accept: 'application/json' })).statusCode).toBe(201);
  });

  test('a proxy login is refused because td-auth disables it by default', async () => {
    const res = await td.login(undefined, { 'proxy-remote-user': td.user });
    expect(res.statusCode).toBe(401);
    expect(res.json()).toEqual({ errors: { detail: 'Proxy login is not enabled.', code: 'proxy_login_disabled' } });
  });

  test('a body over the limit gets 413 and an unknown route 404, in truedat shape; a wrong method 405 with Allow', async () => {
    const big = await td.call({ method: 'POST', url: '/api/sessions', headers: { 'content-type': 'application/json' }, payload: JSON.stringify({ pad: 'x'.repeat(9_000) }) });
    expect(big.statusCode).toBe(413);
    expect(big.json()).toEqual({ errors: { detail: 'Request Entity Too Large' } });
    const unknown = await td.call({ method: 'GET', url: '/api/nothing' });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json()).toEqual({ errors: { detail: 'Not Found' } });
    // Phoenix itself answers 404 here; the sandbox follows RFC 9110 §15.5.6 (issue 11).
    const wrong = await td.call({ method: 'PUT', url: '/api/sessions' });
    expect(wrong.statusCode).toBe(405);
    expect(wrong.headers.allow).toBe('DELETE, GET, HEAD, POST');
    expect(wrong.json<{ error: string }>().error).toBe('method_not_allowed');
  });

  test('GET /api/ping answers pong without a token', async () => {
    const res = await td.call({ method: 'GET', url: '/api/ping' });
    expect(res.statusCode).toBe(200);
    expect(res.body).toBe('pong');
  });
});

// The contracts lock per account: truedat-api-user and truedat-second-user run side by side, so
// the sandbox must keep the two users apart even under the fault that ends earlier sessions.
test.describe('truedat sandbox: the second API user', () => {
  test('the second and third users log in with their own credentials as themselves; a login of one user ends none of the others\' sessions', async () => {
    const env = readSandboxEnv();
    const second = { user: env.TRUEDAT_SECOND_USERNAME ?? '', password: env.TRUEDAT_SECOND_PASSWORD ?? '' };
    expect(second.user).not.toBe('');
    expect(second.user).not.toBe(td.user);
    const faulty = truedatClient({ faults: ['truedat.login-revokes-previous'] });
    try {
      const login = (user: string, password: string) =>
        faulty.login({ access_method: 'alternative_login', user: { user_name: user, password } });
      const res = await login(second.user, second.password);
      expect(res.statusCode).toBe(201);
      const token = res.json<{ token: string }>().token;
      expect(jwtClaims(token)).toMatchObject({ user_name: second.user });
      expect((await login(second.user, td.password)).statusCode).toBe(401);
      // The first user logging in (twice) ends only the first user's earlier sessions.
      expect((await faulty.login()).statusCode).toBe(201);
      expect((await faulty.verify(token)).statusCode).toBe(200);
      expect((await login(second.user, second.password)).statusCode).toBe(201);
      expect((await faulty.verify(token)).statusCode).toBe(401);
      // The third, sandbox-only user (the expiry contract) is a user of its own as well.
      const third = { user: env.TRUEDAT_THIRD_USERNAME ?? '', password: env.TRUEDAT_THIRD_PASSWORD ?? '' };
      expect(new Set([td.user, second.user, third.user]).size).toBe(3);
      const thirdLogin = await login(third.user, third.password);
      expect(thirdLogin.statusCode).toBe(201);
      const thirdToken = thirdLogin.json<{ token: string }>().token;
      expect(jwtClaims(thirdToken)).toMatchObject({ user_name: third.user });
      expect((await faulty.login()).statusCode).toBe(201);
      expect((await faulty.verify(thirdToken)).statusCode).toBe(200);
    } finally {
      await faulty.close();
    }
  });
});

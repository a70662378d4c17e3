// The truedat sandbox's Bearer routes in-process: GET /api/sessions (verify), the refusals of td-auth's
// secure pipeline, expiry through the per-request clock header, refresh rotation and logout.
import { expect, test } from '@playwright/test';
import { jwtClaims, setCookieValue, truedatClient, type TruedatClient } from './truedat-client';

let td: TruedatClient;
test.beforeAll(() => {
  td = truedatClient();
});
test.afterAll(async () => {
  await td.close();
});

const UNAUTHORIZED = { message: 'unauthorized' };
const INVALID = { errors: { detail: 'Invalid credentials' } };

test.describe('truedat sandbox: the Bearer token', () => {
  test('a live token opens GET /api/sessions: 200 with an empty body', async () => {
    const { token } = await td.session();
    const res = await td.verify(token);
    expect(res.statusCode).toBe(200);
    expect(res.body).toBe('');
  });

  test('a second login leaves the first session live', async () => {
    const first = await td.session();
    await td.session();
    expect((await td.verify(first.token)).statusCode).toBe(200);
  });

  test('no header, another scheme, odd spacing or a lower-case scheme word get 401 {"message":"unauthorized"}', async () => {
    const { token } = await td.session();
    const headers: (string | undefined)[] = [
      undefined,
      'Bearer',
      `bearer ${token}`, // td-auth matches "Bearer " case-sensitively
      `Token ${token}`,
      `Basic ${Buffer.from(`${td.user}:${td.password}`).toString('base64')}`,
      `Bearer  ${token}`,
      `Bearer ${token} extra`,
      token,
    ];
    for (const authorization of headers) {
      const res = await td.call({ method: 'GET', url: '/api/sessions', headers: authorization === undefined ? {} : { authorization } });
      expect(res.statusCode, authorization?.slice(0, 12) ?? 'no header').toBe(401);
      expect(res.json()).toEqual(UNAUTHORIZED);
      expect(res.headers['content-type']).toMatch(/^application\/json/);
      expect(res.headers['set-cookie']).toMatch(/^_td_refresh=; /);
    }
  });

  test('tokens the sandbox did not issue are refused: forged signature, alg none, garbage, a refresh token', async () => {
    const { token, refresh } = await td.session();
    const [header, payload] = token.split('.');
    const none = `${Buffer.from('{"alg":"none","typ":"JWT"}').toString('base64url')}.${payload}.`;
    const forged = `${header}.${payload}.${Buffer.from('not the signature').toString('base64url')}`;
    for (const value of [forged, none, 'not-a-token', 'a.b.c', refresh]) {
      const res = await td.verify(value);
      expect(res.statusCode, value.slice(0, 16)).toBe(401);
      expect(res.json()).toEqual(UNAUTHORIZED);
    }
  });

  test('the access token lives 600 seconds on the request clock', async () => {
    const { token } = await td.session();
    expect(jwtClaims(token).exp).toBe((jwtClaims(token).iat as number) + 600);
    expect((await td.verify(token, 590)).statusCode).toBe(200);
    const late = await td.verify(token, 601);
    expect(late.statusCode).toBe(401);
    expect(late.json()).toEqual(UNAUTHORIZED);
    // The offset moves only that request: the token still works now.
    expect((await td.verify(token)).statusCode).toBe(200);
  });

  test('the lifetimes come from the env file', async () => {
    const short = truedatClient({ env: { TRUEDAT_ACCESS_TOKEN_TTL_SECONDS: '60' } });
    const { token } = await short.session();
    expect((await short.verify(token, 59)).statusCode).toBe(200);
    expect((await short.verify(token, 61)).statusCode).toBe(401);
    await short.close();
  });

  test('reset forgets every issued token', async () => {
    const { token } = await td.session();
    const reset = await td.sandbox.app.inject({ method: 'POST', headers: { 'x-sandbox-control-token': td.sandbox.controlToken }, url: '/__sandbox/reset' });
    expect(reset.statusCode).toBe(200);
    expect((await td.verify(token)).statusCode).toBe(401);
  });
});

test.describe('truedat sandbox: POST /api/sessions/refresh', () => {
  test('a live token and its refresh cookie get 201 {token} and a new cookie; the old pair dies', async () => {
    const old = await td.session();
    const res = await td.refresh(old.token, old.refresh);
    expect(res.statusCode).toBe(201);
    const body = res.json<{ token: string }>();
    expect(Object.keys(body)).toEqual(['token']);
    const cookie = setCookieValue(res, '_td_refresh') ?? '';
    expect(cookie).not.toBe(old.refresh);
    expect(jwtClaims(cookie).sub).toBe(jwtClaims(body.token).jti);
    expect((await td.verify(body.token)).statusCode).toBe(200);
    expect((await td.verify(old.token)).statusCode).toBe(401);
    expect((await td.refresh(old.token, old.refresh)).json()).toEqual(UNAUTHORIZED);
    const replay = await td.refresh(body.token, old.refresh);
    expect(replay.statusCode).toBe(401);
    expect(replay.json()).toEqual(INVALID);
    expect((await td.refresh(body.token, cookie)).statusCode).toBe(201);
  });

  test('a missing, empty, foreign or malformed refresh cookie gets the documented 401', async () => {
    const mine = await td.session();
    const other = await td.session();
    for (const cookie of [undefined, '', other.refresh, 'garbage', mine.token]) {
      const res = await td.refresh(mine.token, cookie);
      expect(res.statusCode, String(cookie).slice(0, 12)).toBe(401);
      expect(res.json()).toEqual(INVALID);
    }
    // None of those attempts used up the real pair.
    expect((await td.refresh(mine.token, mine.refresh)).statusCode).toBe(201);
  });

  test('an expired access token cannot refresh, even with a live refresh cookie', async () => {
    const { token, refresh } = await td.session();
    const res = await td.refresh(token, refresh, 601);
    expect(res.statusCode).toBe(401);
    expect(res.json()).toEqual(UNAUTHORIZED);
  });

  test('a refreshed pair keeps the first refresh exp: the session has an absolute cap', async () => {
    const capped = truedatClient({ env: { TRUEDAT_REFRESH_TOKEN_TTL_SECONDS: '900' } });
    const first = await capped.session();
    const second = await capped.refresh(first.token, first.refresh, 500);
    expect(second.statusCode).toBe(201);
    const next = { token: second.json<{ token: string }>().token, refresh: setCookieValue(second, '_td_refresh') ?? '' };
    expect(jwtClaims(next.refresh).exp).toBe(jwtClaims(first.refresh).exp);
    expect((await capped.verify(next.token, 1000)).statusCode).toBe(200);
    expect((await capped.refresh(next.token, next.refresh, 1000)).json()).toEqual(INVALID);
    await capped.close();
  });
});

test.describe('truedat sandbox: DELETE /api/sessions', () => {
  test('logout answers 204 with no body, deletes the cookie, and ends only that session', async () => {
    const mine = await td.session();
    const other = await td.session();
    const res = await td.logout(mine.token);
    expect(res.statusCode).toBe(204);
    expect(res.body).toBe('');
    expect(res.headers['set-cookie']).toMatch(/^_td_refresh=; /);
    expect((await td.verify(mine.token)).statusCode).toBe(401);
    expect((await td.refresh(mine.token, mine.refresh)).statusCode).toBe(401);
    expect((await td.logout(mine.token)).json()).toEqual(UNAUTHORIZED);
    expect((await td.verify(other.token)).statusCode).toBe(200);
  });
});

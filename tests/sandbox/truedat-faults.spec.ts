// Each truedat fault must change exactly the behaviour it claims. One probe per clause of
// specs/truedat/vendor.yaml checks that clause in-process; with a fault on, exactly the probe of
// the fault's clause must fail and every other probe must still pass. This is the in-process twin
// of tests/e2e/fault-coverage.spec.ts, and it runs in a second.
import { expect, test } from '@playwright/test';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { TRUEDAT_FAULTS } from '../../sandbox/truedat/faults';
import { truedatClient, type TruedatClient } from './truedat-client';

type Probe = (td: TruedatClient) => Promise<boolean>;

const FORGED = 'eyJhbGciOiJIUzUxMiIsInR5cCI6IkpXVCJ9.eyJhdWQiOiJ0cnVlZGF0IiwiaXNzIjoidGRhdXRoIiwiZXhwIjo0MTAyNDQ0ODAwLCJqdGkiOiJmb3JnZWQifQ.Zm9yZ2VkLXNpZ25hdHVyZQ';
const body = (user: string, password: string): unknown => ({ access_method: 'alternative_login', user: { user_name: user, password } });
const detail = (raw: string): unknown => (JSON.parse(raw) as { errors?: { detail?: unknown } }).errors?.detail;

// Each probe looks only at what its clause promises, and tolerates what other clauses govern
// (e.g. the expiry probe compares a late request with an early one instead of expecting 200).
const PROBES: Record<string, Probe> = {
  'session.created': async (td) => {
    const res = await td.login();
    return res.statusCode === 201 && typeof res.json<{ token?: unknown }>().token === 'string';
  },
  'session.refresh-token': async (td) => typeof (await td.login()).json<{ refresh_token?: unknown }>().refresh_token === 'string',
  'login.wrong-password': async (td) => (await td.login(body(td.user, 'wrong'))).statusCode === 401,
  'login.unknown-user': async (td) => {
    const res = await td.login(body('nobody', 'wrong'));
    const wrong = await td.login(body(td.user, 'wrong'));
    return res.statusCode === 401 && detail(res.body) === detail(wrong.body);
  },
  'login.error-detail': async (td) => detail((await td.login(body(td.user, 'wrong'))).body) === 'Invalid credentials',
  'request.nested-body': async (td) =>
    (await td.login({ user_name: td.user, password: td.password })).statusCode === 422 && (await td.login({ user: { user_name: td.user } })).statusCode === 422,
  'request.invalid-json': async (td) =>
    (await td.call({ method: 'POST', url: '/api/sessions', headers: { 'content-type': 'application/json' }, payload: '{"user":' })).statusCode === 400,
  'session.token-usable': async (td) => (await td.verify((await td.session()).token)).statusCode === 200,
  'session.concurrent': async (td) => {
    const first = await td.session();
    const second = await td.session();
    return (await td.verify(first.token)).statusCode === (await td.verify(second.token)).statusCode;
  },
  'protected.requires-bearer': async (td) => {
    const { token } = await td.session();
    const none = await td.verify(undefined);
    const other = await td.call({ method: 'GET', url: '/api/sessions', headers: { authorization: `Token ${token}` } });
    return none.statusCode === 401 && other.statusCode === 401;
  },
  'protected.unauthorized-body': async (td) => {
    const res = await td.verify(undefined);
    return res.statusCode !== 401 || res.body === '{"message":"unauthorized"}';
  },
  'protected.rejects-forged-token': async (td) => (await td.verify(FORGED)).statusCode === 401,
  'token.expires': async (td) => {
    const { token } = await td.session();
    return (await td.verify(token, 590)).statusCode === (await td.verify(token)).statusCode && (await td.verify(token, 601)).statusCode === 401;
  },
  'refresh.issues': async (td) => {
    const { token, refresh } = await td.session();
    const res = await td.refresh(token, refresh);
    return res.statusCode === 201 && typeof res.json<{ token?: unknown }>().token === 'string';
  },
  'refresh.needs-refresh-token': async (td) => (await td.refresh((await td.session()).token, '')).statusCode === 401,
  'refresh.bound-to-session': async (td) => {
    const mine = await td.session();
    const other = await td.session();
    return (await td.refresh(mine.token, other.refresh)).statusCode === 401;
  },
  'refresh.rotates': async (td) => {
    const { token, refresh } = await td.session();
    await td.refresh(token, refresh);
    const old = await td.call({ method: 'DELETE', url: '/api/sessions', headers: { authorization: `Bearer ${token}` } });
    return old.statusCode === 401 && (await td.refresh(token, refresh)).statusCode === 401;
  },
  'logout.status': async (td) => (await td.logout((await td.session()).token)).statusCode === 204,
  'logout.revokes': async (td) => {
    const { token, refresh } = await td.session();
    await td.logout(token);
    return (await td.refresh(token, refresh)).statusCode === 401;
  },
};

// Without a token nothing that needs a session can pass its check; in the contracts every
// scenario that logs in lists session.created for this reason. The probes that still pass under
// no-token compare two refusals with each other, which is what they are built to tolerate.
const ALSO_BROKEN: Partial<Record<string, string[]>> = {
  'no-token': ['session.token-usable', 'refresh.issues', 'logout.status'],
};

async function failingProbes(faults: string[]): Promise<string[]> {
  const td = truedatClient({ faults });
  const failing: string[] = [];
  for (const [clause, probe] of Object.entries(PROBES)) if (!(await probe(td))) failing.push(clause);
  await td.close();
  return failing;
}

test('the faults and the probes cover exactly the clauses of specs/truedat/vendor.yaml', () => {
  const manifest = parse(readFileSync(path.join(__dirname, '..', '..', 'specs', 'truedat', 'vendor.yaml'), 'utf8')) as { clauses: Record<string, unknown> };
  const clauses = Object.keys(manifest.clauses).sort();
  expect(Object.keys(PROBES).sort()).toEqual(clauses);
  expect([...new Set(Object.values(TRUEDAT_FAULTS).map((f) => f.clause))].sort()).toEqual(clauses);
});

test('with no fault on, every probe passes', async () => {
  expect(await failingProbes([])).toEqual([]);
});

for (const [name, spec] of Object.entries(TRUEDAT_FAULTS)) {
  test(`fault truedat.${name} breaks only ${spec.clause}`, async () => {
    const expected = [spec.clause, ...(ALSO_BROKEN[name] ?? [])];
    expect((await failingProbes([`truedat.${name}`])).sort()).toEqual(expected.sort());
  });
}

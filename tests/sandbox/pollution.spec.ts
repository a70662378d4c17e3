// Prototype pollution (issue 11): field names such as "__proto__[authorization]" sent to truedat's
// login once wrote into Object.prototype, crashing the process or letting every later Nexudus call
// in without credentials. Here every kind of client-keyed input (JSON, form, multipart, query)
// carries __proto__, constructor and prototype names, in plain and bracket forms, to every
// documented endpoint of every vendor; afterwards Object.prototype must be unchanged and every
// vendor must behave exactly as before (logins work, unauthenticated calls are refused).
import { expect, test } from '@playwright/test';
import { isSafeKey, safeRecord } from '../../sandbox/core/safe-keys';
import { readLoginBody } from '../../sandbox/truedat/login-body';
import { allVendorsSandbox, brokenVendors, credentials, ENDPOINTS, multipartBody, prototypeChanges, type Response } from './support/all-vendors';

// What a polluted prototype would do: an admin Authorization on every request object, a
// content type that crashed the process, a proxy header that blocked every truedat login.
const NAMES: readonly [string, string][] = [
  ['__proto__[authorization]', credentials.nexudus],
  ['__proto__[content-type]', 'text/plain'],
  ['__proto__[proxy-remote-user]', 'x'],
  ['constructor[prototype][polluted]', 'yes'],
  ['prototype[polluted]', 'yes'],
  ['user[__proto__]', 'yes'],
  ['__proto__', 'yes'],
  ['constructor', 'yes'],
  ['prototype', 'yes'],
  ['user[user_name]', 'nobody'],
];
const JSON_BODIES: readonly string[] = [
  `{"__proto__":{"authorization":"${credentials.nexudus}","polluted":"yes"}}`,
  '{"constructor":{"prototype":{"polluted":"yes"}}}',
  '{"user":{"__proto__":{"user_name":"x"},"password":"x"}}',
  '{"prototype":{"polluted":"yes"},"constructor":"x"}',
  JSON.stringify(Object.fromEntries(NAMES)),
];

function formBody(): string {
  return NAMES.map(([name, value]) => `${encodeURIComponent(name)}=${encodeURIComponent(value)}`).join('&');
}

test('every body kind and the query, with prototype names, to every endpoint: no 5xx, no change for anyone after', async () => {
  const sandbox = allVendorsSandbox();
  try {
    expect(await brokenVendors(sandbox), 'before').toEqual([]);
    const answers: { label: string; res: Response }[] = [];
    const send = async (label: string, method: (typeof ENDPOINTS)[number]['method'], url: string, headers: Record<string, string>, payload?: string): Promise<void> => {
      answers.push({ label, res: await sandbox.app.inject({ method, url, headers, ...(payload === undefined ? {} : { payload }) }) });
    };
    for (const { method, url } of ENDPOINTS) {
      const where = `${method} ${url}`;
      // Labels name the body by index: the bodies carry a (sandbox) credential, which output never shows.
      for (const [i, body] of JSON_BODIES.entries()) await send(`${where} json #${i}`, method, url, { 'content-type': 'application/json' }, body);
      await send(`${where} form`, method, url, { 'content-type': 'application/x-www-form-urlencoded' }, formBody());
      const multipart = multipartBody(NAMES);
      await send(`${where} multipart`, method, url, { 'content-type': multipart.contentType }, multipart.payload);
      await send(`${where} query`, method, `${url}?${formBody()}`, {});
    }
    expect(answers.length).toBe(ENDPOINTS.length * (JSON_BODIES.length + 3));
    const serverErrors = answers.filter((a) => a.res.statusCode >= 500).map((a) => `${a.label}: ${a.res.statusCode}`);
    expect(serverErrors).toEqual([]);
    expect(prototypeChanges()).toEqual([]);
    const probe: Record<string, unknown> = {};
    for (const name of ['authorization', 'content-type', 'proxy-remote-user', 'polluted']) expect(probe[name], name).toBeUndefined();
    expect(await brokenVendors(sandbox), 'after').toEqual([]);
  } finally {
    await sandbox.app.close();
  }
});

test('the checks can fail: a polluted prototype and a broken vendor are both reported', async () => {
  const key = 'sandbox-pollution-probe';
  Object.defineProperty(Object.prototype, key, { value: 1, configurable: true, enumerable: false, writable: true });
  try {
    expect(prototypeChanges()).toEqual([key]);
  } finally {
    delete (Object.prototype as Record<string, unknown>)[key];
  }
  expect(prototypeChanges()).toEqual([]);
  const sandbox = allVendorsSandbox({ faults: ['nexudus.valid-basic-refused', 'truedat.missing-bearer-let-in'] });
  try {
    expect(await brokenVendors(sandbox)).toEqual(['truedat without a token: 200 instead of 401', 'nexudus me: 401 instead of 200']);
  } finally {
    await sandbox.app.close();
  }
});

test('isSafeKey refuses the prototype names alone and as any bracketed part', () => {
  for (const name of ['__proto__', 'constructor', 'prototype', '__proto__[x]', 'a[__proto__]', 'constructor[prototype][x]', 'a[b][prototype]']) {
    expect(isSafeKey(name), name).toBe(false);
  }
  for (const name of ['user', 'user[user_name]', 'proto', '__proto', 'constructors', 'a[b]']) expect(isSafeKey(name), name).toBe(true);
  const copy = safeRecord(JSON.parse('{"__proto__":{"x":1},"a":1,"constructor":2}') as object);
  expect(Object.getPrototypeOf(copy)).toBeNull();
  expect(Object.keys(copy)).toEqual(['a']);
});

test('truedat nests bracket names into null-prototype groups and skips prototype names', () => {
  const flat = Object.assign(Object.create(null) as Record<string, unknown>, {
    '__proto__[user_name]': 'evil',
    'user[user_name]': 'api-integration',
    'user[password]': 'pw',
    'user[__proto__]': 'x',
  });
  expect(readLoginBody(flat)).toEqual({ userName: 'api-integration', password: 'pw', accessMethod: undefined });
  expect(prototypeChanges()).toEqual([]);
});

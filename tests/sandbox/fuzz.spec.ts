// A seeded, bounded fuzz of the whole sandbox in-process (Fastify inject), with fast-check: random
// methods on documented and unknown paths, random Authorization values (random bytes after
// "Basic", near-base64, other schemes), random and mismatched content types, mutated JSON, bodies
// around the 8 KiB limit, multipart with random fields, and queries and forms with prototype
// names. The bar (issue 11, research §(e) E4): no answer 5xx, every 4xx a JSON body, memory
// stable after warm-up, and every vendor working as before when it is over.
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import fc from 'fast-check';
import { expect, test } from '@playwright/test';
import type { InjectOptions } from 'fastify';
import { CONTROL_TOKEN_HEADER } from '../../sandbox/core/control-routes';
import type { Sandbox } from '../../sandbox/core/server';
import { allVendorsSandbox, b64, brokenVendors, credentials, ENDPOINTS, multipartBody, prototypeChanges } from './support/all-vendors';

const SEED = 20_261_201;
const WARM_UP = 2_000;
const RUNS = 10_000;

// The byte range Node accepts in a header value: tab, printable ASCII and obs-text.
const headerText = (maxLength: number): fc.Arbitrary<string> =>
  fc.string({ unit: fc.oneof(fc.integer({ min: 0x20, max: 0x7e }), fc.integer({ min: 0x80, max: 0xff }), fc.constant(9)).map((c) => String.fromCharCode(c)), maxLength });
const ascii = (maxLength: number): fc.Arbitrary<string> => fc.string({ unit: 'grapheme-ascii', maxLength });
const NAMES = ['username', 'password', 'user[user_name]', 'user[password]', 'access_method', 'ttlMins', 'data', 'token', 'agent', '__proto__', '__proto__[authorization]', 'constructor[prototype][x]', 'prototype'];

const authorization = fc.oneof(
  fc.constant(undefined),
  fc.constantFrom(credentials.nexudus, credentials.personr, credentials.clearlrsService),
  headerText(60).map((s) => `Basic ${s}`),
  fc.base64String({ maxLength: 40 }).map((s) => `Basic ${s}`),
  fc.tuple(fc.constantFrom('Basic', 'basic', 'Bearer', 'Token', ''), fc.constantFrom(' ', '  ', '\t', ''), ascii(40)).map(([scheme, gap, rest]) => `${scheme}${gap}${rest}`),
  fc.string({ maxLength: 30 }).map((s) => `Basic ${b64(s)}`),
  headerText(80),
);

const jsonText = fc.oneof(
  fc.json({ maxDepth: 3 }),
  fc.json({ maxDepth: 3 }).chain((s) => fc.nat({ max: s.length }).map((cut) => s.slice(0, cut))),
  fc.constantFrom(JSON.stringify(credentials.truedat), JSON.stringify(credentials.couchdrop), '{"user":', '{"__proto__":{"x":1}}', '{"constructor":{"prototype":{"x":1}}}', '[]', 'null', '"x"', '42', ''),
  fc.dictionary(fc.constantFrom(...NAMES), fc.oneof(ascii(20), fc.integer(), fc.constant(null), fc.array(ascii(5), { maxLength: 3 }))).map((o) => JSON.stringify(o)),
  fc.integer({ min: 8_180, max: 8_200 }).map((n) => JSON.stringify({ username: 'x'.repeat(n) })),
  fc.integer({ min: 1, max: 2_000 }).map((n) => `${'['.repeat(n)}${']'.repeat(n)}`),
);

const formText = fc.dictionary(fc.constantFrom(...NAMES), ascii(20)).map((o) => Object.entries(o).map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`).join('&'));

const body = fc.oneof(
  jsonText.map((payload) => ({ contentType: 'application/json', payload })),
  formText.map((payload) => ({ contentType: 'application/x-www-form-urlencoded', payload })),
  fc.array(fc.tuple(fc.constantFrom(...NAMES), ascii(30)), { maxLength: 5 }).map((fields) => {
    const m = multipartBody(fields);
    return { contentType: m.contentType, payload: m.payload };
  }),
  fc.tuple(fc.constantFrom('multipart/form-data', 'multipart/form-data; boundary=b', 'multipart/mixed; boundary=x'), ascii(80)).map(([contentType, payload]) => ({ contentType, payload })),
  fc.tuple(fc.oneof(fc.constantFrom('text/plain', 'application/xml', 'application/json; charset=latin1', '', 'application/x-www-form-urlencoded; charset=x'), ascii(30)), fc.oneof(jsonText, ascii(100))).map(([contentType, payload]) => ({ contentType, payload })),
  fc.constant(undefined),
);

const url = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...ENDPOINTS.map((e) => e.url)) },
  { weight: 1, arbitrary: fc.constantFrom('/__sandbox/faults', '/__sandbox/clock', '/__sandbox/reset', '/__sandbox/health', '/nowhere', '/truedat/api/ping', '/clearlrs/xapi/about', '/bench/echo') },
  { weight: 1, arbitrary: ascii(30).map((s) => `/${encodeURIComponent(s)}`) },
);

const request: fc.Arbitrary<InjectOptions & { url: string }> = fc
  .record({
    method: fc.constantFrom('GET', 'POST', 'POST', 'PUT', 'DELETE', 'PATCH', 'HEAD', 'OPTIONS'),
    url,
    query: fc.option(formText, { nil: undefined }),
    authorization,
    body,
    extra: fc.dictionary(fc.constantFrom('x-sandbox-clock-offset', 'cookie', 'token', 'accept', 'x-experience-api-version', 'proxy-remote-user', CONTROL_TOKEN_HEADER), headerText(40), { maxKeys: 3 }),
  })
  .map(({ method, url: path, query, authorization: auth, body: b, extra }) => {
    const headers: Record<string, string> = { ...extra };
    if (auth !== undefined) headers.authorization = auth;
    if (b?.contentType) headers['content-type'] = b.contentType;
    return { method, url: query ? `${path}?${query}` : path, headers, ...(b ? { payload: b.payload } : {}) };
  });

/** What every answer must be: below 500, and a JSON body with every 4xx (HEAD has no body). */
function acceptable(method: string, status: number, contentType: unknown, text: string): boolean {
  if (status >= 500) return false;
  if (status < 400 || method === 'HEAD') return true;
  if (!/^application\/json/.test(String(contentType))) return false;
  try {
    return typeof JSON.parse(text) === 'object';
  } catch {
    return false;
  }
}

async function answer(sandbox: Sandbox, r: InjectOptions & { url: string }): Promise<boolean> {
  const res = await sandbox.app.inject(r);
  return acceptable(String(r.method), res.statusCode, res.headers['content-type'], res.body);
}

// heapUsed after a full collection, when the process lets us ask for one (it does through the
// V8 flag below); otherwise after whatever collections happened, which the bound tolerates.
function heapAfterGc(): { bytes: number; collected: boolean } {
  setFlagsFromString('--expose-gc');
  const gc = runInNewContext('typeof gc === "function" ? gc : undefined') as (() => void) | undefined;
  gc?.();
  gc?.();
  return { bytes: process.memoryUsage().heapUsed, collected: gc !== undefined };
}

test('12,000 seeded random requests: no 5xx, every 4xx JSON, memory stable, every vendor fine after', async () => {
  test.setTimeout(120_000);
  const sandbox = allVendorsSandbox();
  try {
    for (const r of fc.sample(request, { seed: SEED + 1, numRuns: WARM_UP })) expect(await answer(sandbox, r), JSON.stringify({ method: r.method, url: r.url })).toBe(true);
    const { bytes: before, collected } = heapAfterGc();
    const started = performance.now();
    let sent = 0;
    await fc.assert(
      fc.asyncProperty(request, async (r) => {
        sent += 1;
        return answer(sandbox, r);
      }),
      { seed: SEED, numRuns: RUNS, endOnFailure: true },
    );
    const ms = performance.now() - started;
    const after = heapAfterGc().bytes;
    const growth = (after - before) / before;
    // Measured, not asserted beyond the bar: the figures go to the report for the README.
    test.info().annotations.push({ type: 'fuzz', description: `${WARM_UP + sent} requests (${sent} after warm-up) in ${Math.round(ms)} ms; heap ${(before / 1e6).toFixed(1)} MB -> ${(after / 1e6).toFixed(1)} MB (${(growth * 100).toFixed(1)} %, ${collected ? 'after gc' : 'no gc available'})` });
    console.log(test.info().annotations.at(-1)?.description);
    expect(sent).toBe(RUNS);
    expect(growth).toBeLessThan(0.1);
    expect(prototypeChanges()).toEqual([]);
    expect(await brokenVendors(sandbox)).toEqual([]);
  } finally {
    await sandbox.app.close();
  }
});

test('the fuzz can fail: with a fault that answers 500 to malformed Basic values it finds one', async () => {
  const sandbox = allVendorsSandbox({ faults: ['nexudus.malformed-500'] });
  try {
    const result = await fc.check(fc.asyncProperty(request, (r) => answer(sandbox, r)), { seed: SEED, numRuns: RUNS, endOnFailure: true });
    expect(result.failed).toBe(true);
    expect(String(result.counterexample?.[0]?.url)).toContain('/nexudus-');
  } finally {
    await sandbox.app.close();
  }
});

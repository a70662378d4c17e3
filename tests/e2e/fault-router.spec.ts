// The fault router (support/fault-router.ts) that lets one child run prove many fault rounds:
// each repeat reaches its own round's sandbox, the step header never reaches a sandbox, and a
// request that names no round is refused and counted, so a routing mistake turns scenarios red
// instead of proving a fault against the wrong sandbox.
import { expect, test } from '@playwright/test';
import { vendors } from '../../sandbox/vendors';
import { encodeStepKey, STEP_HEADER } from '../../src/replay/step-key';
import { at, credentials } from '../sandbox/support/all-vendors';
import { startFaultRouter, type FaultRouter } from './support/fault-router';

const nexudus = vendors.filter((v) => v.name === 'nexudus');
let router: FaultRouter;

test.beforeAll(async () => {
  router = await startFaultRouter(nexudus, [[], ['nexudus.valid-basic-refused']]);
});
test.afterAll(async () => {
  await router.close();
});

const step = (repeat: number): string => encodeStepKey({ file: 'specs/nexudus/me.yaml', scenario: 'me', step: 0, repeat });
const me = (headers: Record<string, string>): Promise<Response> =>
  fetch(`http://127.0.0.1:${router.port}${at('nexudus', '/en/user/me')}`, { headers: { authorization: credentials.nexudus, ...headers } });

test('repeat 0 meets the sandbox with no fault, repeat 1 the one with its fault', async () => {
  expect((await me({ [STEP_HEADER]: step(0) })).status).toBe(200);
  expect((await me({ [STEP_HEADER]: step(1) })).status).toBe(401);
  expect(router.served).toEqual([1, 1]);
});

test('a request naming no round, or one out of range, is refused and counted', async () => {
  const before = router.unrouted.length;
  expect((await me({})).status).toBe(502);
  expect((await me({ [STEP_HEADER]: step(2) })).status).toBe(502);
  expect(router.unrouted.slice(before)).toEqual([`GET ${at('nexudus', '/en/user/me')}`, `GET ${at('nexudus', '/en/user/me')}`]);
});

test('Playwright\'s webServer check needs no step header', async () => {
  expect((await fetch(`http://127.0.0.1:${router.port}/__sandbox/health`)).status).toBe(200);
});

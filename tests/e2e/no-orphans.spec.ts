// Nothing a test starts outlives it: a contract run, stopped or finished, leaves no Playwright
// worker and no sandbox behind. The checks themselves are shown able to fail: a plain group kill
// misses a detached grandchild (which is what Playwright's webServer is), and the check sees it.
import { test, expect } from '@playwright/test';
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { connect } from 'node:net';
import { freePort } from '../reporting/support/run-fixture';
import { descendantsOf, groupMembers, runChild, stopTree } from './support/process-tree';
import { PROJECT_ROOT, runContracts } from './support/run-contracts';

/** Alive and not a zombie. */
function alive(pid: number): boolean {
  const stat = `/proc/${pid}/stat`;
  if (!existsSync(stat)) return false;
  try {
    return readFileSync(stat, 'utf8').split(') ')[1]?.[0] !== 'Z';
  } catch {
    return false;
  }
}

function listening(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => (socket.destroy(), resolve(true)));
    socket.once('error', () => resolve(false));
  });
}

// A parent that starts one grandchild in its own group and one detached (a group of its own,
// like Playwright's webServer), prints their pids, and waits.
const FAMILY = `
const { spawn } = require('node:child_process');
const wait = ['-e', 'setTimeout(() => {}, 120000)'];
const same = spawn(process.execPath, wait, { stdio: 'ignore' });
const own = spawn(process.execPath, wait, { stdio: 'ignore', detached: true });
console.log(JSON.stringify({ same: same.pid, own: own.pid }));
setTimeout(() => {}, 120000);
`;

function startFamily(): Promise<{ leader: number; same: number; own: number }> {
  const child = spawn(process.execPath, ['-e', FAMILY], { stdio: ['ignore', 'pipe', 'inherit'], detached: true });
  return new Promise((resolve, reject) => {
    child.stdout.once('data', (chunk: Buffer) => resolve({ leader: child.pid ?? 0, ...(JSON.parse(chunk.toString()) as { same: number; own: number }) }));
    child.once('error', reject);
  });
}

test('groupMembers sees a live group and an empty one once it is stopped', async () => {
  const family = await startFamily();
  expect(groupMembers(family.leader).sort()).toEqual([family.leader, family.same].sort());
  expect(descendantsOf(family.leader).sort()).toEqual([family.same, family.own].sort());
  stopTree(family.leader);
  await expect.poll(() => groupMembers(family.leader)).toEqual([]);
  await expect.poll(() => alive(family.own)).toBe(false);
});

test('a kill of the group alone misses a detached grandchild, the case stopTree is for', async () => {
  const family = await startFamily();
  process.kill(-family.leader, 'SIGKILL');
  await expect.poll(() => groupMembers(family.leader)).toEqual([]);
  // The red case: exactly what left a sandbox running after a killed run.
  expect(alive(family.own)).toBe(true);
  process.kill(family.own, 'SIGKILL');
  await expect.poll(() => alive(family.own)).toBe(false);
});

/** Starts a child with runChild, waits until it has `count` descendants, then aborts it. */
async function stopOnceStarted(start: (signal: AbortSignal, onSpawn: (pid: number) => void) => Promise<{ pid: number; stopped: boolean }>, ready: (pid: number) => boolean | Promise<boolean>) {
  const controller = new AbortController();
  let leader = 0;
  let seen: number[] = [];
  const run = start(controller.signal, (pid) => (leader = pid));
  await expect.poll(async () => leader !== 0 && (await ready(leader)), { timeout: 300_000 }).toBe(true);
  seen = descendantsOf(leader);
  controller.abort();
  const result = await run;
  return { result, seen };
}

test('a child stopped by its signal takes its detached grandchildren with it', async () => {
  const { result, seen } = await stopOnceStarted(
    (signal, onSpawn) => runChild(['-e', FAMILY], { cwd: PROJECT_ROOT, env: process.env, signal, onSpawn }),
    (pid) => descendantsOf(pid).length >= 2,
  );
  expect(result.stopped).toBe(true);
  expect(seen.length).toBe(2);
  // SIGKILL is sent to the whole group; the kernel reaps its members a moment later.
  await expect.poll(() => groupMembers(result.pid)).toEqual([]);
  await expect.poll(() => seen.filter(alive)).toEqual([]);
});

// The real thing: `playwright test` starting its own sandbox (CI=1: no reuse) on a free port.
const contractEnv = async () => ({ CI: '1', TARGET: 'sandbox', SANDBOX_PORT: String(await freePort()) });

test('a contract run stopped mid-way leaves no worker and no sandbox', async () => {
  test.setTimeout(600_000);
  const env = await contractEnv();
  const { result, seen } = await stopOnceStarted(
    (signal, onSpawn) => runContracts({ env, args: ['--grep', '@truedat'], signal, onSpawn }),
    // Stopped once the sandbox answers and a worker runs: the runner, its workers, the webServer.
    async (pid) => (await listening(Number(env.SANDBOX_PORT))) && descendantsOf(pid).length >= 3,
  );
  expect(result.stopped).toBe(true);
  // SIGKILL is sent to the whole group; the kernel reaps its members a moment later.
  await expect.poll(() => groupMembers(result.pid)).toEqual([]);
  await expect.poll(() => seen.filter(alive)).toEqual([]);
  await expect.poll(() => listening(Number(env.SANDBOX_PORT))).toBe(false);
});

test('a contract run that finishes leaves no worker and no sandbox', async () => {
  test.setTimeout(600_000);
  const env = await contractEnv();
  const seen = new Set<number>();
  let leader = 0;
  const watch = setInterval(() => {
    if (leader) for (const pid of descendantsOf(leader)) seen.add(pid);
  }, 100);
  const run = await runContracts({ env, args: ['--grep', '@nexudus'], onSpawn: (pid) => (leader = pid) });
  clearInterval(watch);
  expect(run.code, run.stderr).toBe(0);
  expect(run.stopped).toBe(false);
  expect(seen.size, 'the run started workers and a sandbox').toBeGreaterThanOrEqual(2);
  await expect.poll(() => groupMembers(run.pid)).toEqual([]);
  await expect.poll(() => [...seen].filter(alive)).toEqual([]);
  expect(await listening(Number(env.SANDBOX_PORT))).toBe(false);
});

// The benchmark's own logic, without timing anything: the synthetic suite it generates must be
// valid contract YAML (a change to the language would otherwise break `npm run bench` unseen),
// the lower bound must follow locks, and the figures must be the arithmetic the README quotes.
import { expect, test } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { loadSuite } from '../../src/loader/load-suite';
import { PROJECT_ROOT } from '../../src/runtime/paths';
import { fastestPerSize, runnerFigures } from '../../scripts/bench/bench-figures';
import { targets } from '../../scripts/bench/bench-targets';
import { parseOptions } from '../../scripts/bench/bench-options';
import { boundSteps, chainBoundMs, latencyBoundMs, lowerBound } from '../../scripts/bench/lower-bound';
import { ECHO_SCHEMA, writeSyntheticSuite } from '../../scripts/bench/synthetic-suite';
import type { ContractSuite, Scenario } from '../../src/dsl/model';

test('the synthetic suite loads without errors: N scenarios of one step, spread over files', () => {
  const work = mkdtempSync(path.join(tmpdir(), 'bench-spec-'));
  try {
    const suite = writeSyntheticSuite(PROJECT_ROOT, path.join(work, 'root'), 23, 10);
    const loaded = loadSuite(suite.root);
    expect(loaded.errors.map((e) => `${e.loc.file}:${e.loc.line} ${e.message}`)).toEqual([]);
    expect(loaded.suite.files).toHaveLength(3);
    const scenarios = loaded.suite.files.flatMap((f) => f.scenarios);
    expect(scenarios).toHaveLength(23);
    expect(scenarios.every((s) => s.steps.length === 1 && s.steps[0]?.expect.schema?.file === 'bench/echo.json')).toBe(true);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
});

test('the echo schema accepts what the echo vendor sends and rejects anything else', () => {
  const ajv = new Ajv2020({ allErrors: true, strict: true });
  addFormats(ajv);
  const validate = ajv.compile(ECHO_SCHEMA);
  expect(validate({ id: 'echo-1', receivedAt: new Date().toISOString(), echo: { scenario: 3, note: 'x' } })).toBe(true);
  expect(validate({ id: 'echo-1', receivedAt: 'yesterday', echo: { scenario: 3 } })).toBe(false);
  expect(validate({ id: 'echo-1', receivedAt: new Date().toISOString(), echo: {}, extra: true })).toBe(false);
});

function scenario(name: string, steps: number, lock?: string): Scenario {
  const loc = { file: 'specs/x/a.yaml', line: 1, col: 1 };
  const step = {
    name: 's',
    request: { method: 'GET' as const, path: '/', query: {}, headers: {}, loc },
    expect: { headers: [], cookies: [], body: [], loc },
    captures: [],
    loc,
  };
  return {
    name,
    section: '',
    doc: 'd',
    clauses: [],
    tags: [],
    severity: 'normal',
    lock,
    sandboxOnly: false,
    production: { harmful: false },
    noRetry: false,
    steps: Array.from({ length: steps }, () => step),
    loc,
  };
}

test('the lower bound is the longest chain: a lock adds up its scenarios, across files', () => {
  const file = (name: string, scenarios: Scenario[]) => ({ file: `specs/x/${name}.yaml`, vendor: 'x', feature: '', doc: 'd', scenarios, loc: { file: '', line: 1, col: 1 } });
  const suite: ContractSuite = {
    vendors: [],
    files: [file('a', [scenario('a1', 4), scenario('a2', 2, 'acct'), scenario('a3', 2)]), file('b', [scenario('b1', 3, 'acct'), scenario('b2', 1)])],
  };
  const bound = lowerBound(suite);
  expect(bound.chain).toEqual({ what: 'lock acct', steps: 5 });
  // The compiler puts a2 in the lock's chain, so a file's own spec runs only a1 and a3 in order.
  expect(bound.fileChain).toEqual({ what: 'file specs/x/a.yaml (its scenarios without a lock)', steps: 6 });
  expect(bound.totalSteps).toBe(12);
  expect(lowerBound({ vendors: [], files: [file('c', [scenario('c1', 7)])] }).chain).toEqual({ what: 'scenario x › c1', steps: 7 });
});

test('the latency bound: fixed costs plus the longest chain or every step spread over the workers, whichever is longer', () => {
  const bound = { scenarios: 10, totalSteps: 138, chain: { what: 'lock p', steps: 20 }, fileChain: { what: 'lock p', steps: 20 } };
  // 138 steps over 4 workers: at least 35 each (34.5 rounded up), more than the 20-step chain.
  expect(boundSteps(bound, 4)).toBe(35);
  expect(latencyBoundMs(bound, 100, 3000, 4)).toBe(3000 + 3500);
  // With 8 workers the chain is the longer: 18 < 20.
  expect(boundSteps(bound, 8)).toBe(20);
  expect(latencyBoundMs(bound, 100, 3000, 8)).toBe(5000);
  expect(boundSteps(bound, 0)).toBe(138); // never divides by zero: one worker at least
  // The first definition: the chain and the synthetic start-up only.
  expect(chainBoundMs(bound, 100, 1500)).toBe(3500);
});

test('marginal cost and start-up come from the fastest run per size', () => {
  const runs = [
    { n: 10, wallMs: 1100, cpuMs: 900, peakRssMb: 200 },
    { n: 200, wallMs: 2000, cpuMs: 1800, peakRssMb: 250 },
    { n: 200, wallMs: 2600, cpuMs: 1900, peakRssMb: 260 },
    { n: 2000, wallMs: 5600, cpuMs: 5400, peakRssMb: 390 },
  ];
  const figures = runnerFigures('r', fastestPerSize(runs));
  expect(figures.marginalMs).toBeCloseTo(2, 6); // (5600 - 2000) / 1800
  expect(figures.startupMs).toBe(1100);
  expect(figures.bigWallMs).toBe(5600);
});

test('every target is a ratio within one run, met at its limit and not met just above it', () => {
  const fig = (marginalMs: number, startupMs: number, peakRssMb: number, bigWallMs = 10_000) => ({ runner: 'r', marginalMs, marginalCpuMs: 0, startupMs, peakRssMb, bigWallMs });
  const empty = fig(4, 1000, 1000);
  const latency = (wallMs: number, chainSteps: number) => ({
    latencyMs: 100, wallMs, boundMs: 2000, ratio: wallMs / 2000, chain: 'lock a', chainSteps, fileChain: 'f', fileChainSteps: 1, scenarios: 1, totalSteps: 1, passed: 1, failed: 0, skipped: 0,
    workers: 4, zeroLatencyWallMs: 1500, fixedMs: 500, boundSteps: 15, chainBoundMs: 2500, chainRatio: wallMs / 2500,
  });
  const compile = (totalMs: number) => ({ n: 2000, importMs: 0, loadMs: 0, compileMs: 0, writeMs: 0, totalMs });
  const atLimit = targets({ bigN: 2000, smallN: 10, project: fig(5.2, 1150, 1100), empty, dot: fig(0, 0, 0, 4000), compile: compile(2000), latency: latency(2300, 15) });
  expect(atLimit.map((t) => [t.limit, t.met])).toEqual([[1.3, true], [1.15, true], [1.1, true], [0.5, true], [1.15, true], [15, true]]);
  const above = targets({ bigN: 2000, smallN: 10, project: fig(5.3, 1160, 1110), empty, dot: fig(0, 0, 0, 4000), compile: compile(2010), latency: latency(2310, 16) });
  expect(above.map((t) => t.met)).toEqual([false, false, false, false, false, false]);
  expect(above[0]).toMatchObject({ measured: 5.3 / 4, unit: 'x', detail: '5.30 ms vs 4.00 ms' });
  // The latency target is judged by the bound with fixed costs; the first definition is shown beside it.
  expect(above[4]?.detail).toBe('2.31 s vs 2.00 s = fixed 0.50 s + 15 steps × 100 ms at 4 workers; first definition (chain + N = 10 start-up) 2.50 s, 0.92x');
  // A loaded machine can make the bigger suite finish sooner: a negative marginal is not met.
  expect(targets({ bigN: 2000, smallN: 10, project: fig(-5, 1000, 1000), empty })[0]?.met).toBe(false);
  // Without the reference runs there is nothing to compare with: no target is claimed.
  expect(targets({ bigN: 2000, smallN: 10, project: fig(1, 1, 1) })).toEqual([]);
});

test('options: defaults are the issue\'s sizes; unknown options are refused with the usage', () => {
  expect(parseOptions([], {}).sizes).toEqual([10, 200, 2000]);
  // Start-up and the latency-bound pair are short runs whose noise exceeds the targets' margins.
  expect(parseOptions([], {})).toMatchObject({ repeat: 1, startupRepeat: 5, latencyRepeat: 3 });
  expect(parseOptions(['--startup-repeat=2', '--latency-repeat=1'], {})).toMatchObject({ startupRepeat: 2, latencyRepeat: 1 });
  expect(parseOptions(['--quick', '--no-latency'], { SANDBOX_PORT: '4999' })).toMatchObject({ sizes: [10, 50, 100], latency: false, port: 4999 });
  expect(() => parseOptions(['--fast'], {})).toThrow(/unknown option "--fast"[\s\S]*--sizes=/);
  expect(() => parseOptions(['--sizes=10'], {})).toThrow(/two sizes/);
});

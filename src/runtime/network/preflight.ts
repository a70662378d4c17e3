// The monitor's preflight (NETWORK_PREFLIGHT=1, which `npm run monitor` sets): before any test,
// one GET of each vendor's base URL, all vendors at once, with the request policy's attempts,
// timeout and backoff. Any HTTP answer, of any status, means the vendor is there. A vendor that
// gave no answer in every attempt has its circuit breaker opened before its first scenario, so
// all its scenarios end at once as "not run: vendor unreachable" instead of each finding out on
// its own: with all five vendors down the run costs one preflight (3 timeouts and 2 backoffs,
// 31.5 s with the defaults) instead of every vendor's scenarios in turn. The breaker is
// half-open after its cool-down like any other (run-ledger.ts), so a vendor back up mid-run is
// probed again.
//
// It runs as Playwright's globalSetup: after the output folder was emptied and the webServer
// (the sandbox) is up, so the breakers it opens are this run's.
import type { FullConfig } from '@playwright/test';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { MANIFEST_FILE, type SuiteManifest } from '../../dsl/manifest';
import { Redactor } from '../../redaction/redactor';
import { contractsRoot, generatedDirOf } from '../paths';
import { NoAnswer, sendAttempt } from '../send-request';
import { backoffMs } from './retry-policy';
import { runLedger } from './run-ledger';
import { LEDGER_FOLDER } from './scenario-network';
import { networkSettings } from './settings';

export interface PreflightResult {
  vendor: string;
  /** Undefined when the vendor answered. */
  unreachable?: string;
  ms: number;
}

type Env = Readonly<Record<string, string | undefined>>;
const wait = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** Probes one base URL; the cause when no attempt got an HTTP answer. */
export async function probeVendor(vendor: string, baseUrl: string, variable: string, env: Env, requestTimeoutMs?: number): Promise<string | undefined> {
  const settings = networkSettings(env, vendor, { requestTimeoutMs });
  const redactor = new Redactor();
  let cause = 'no attempt made';
  for (let attempt = 1; attempt <= settings.attempts; attempt += 1) {
    try {
      await sendAttempt({ method: 'GET', url: baseUrl, headers: { accept: '*/*' } }, { timeoutMs: settings.timeoutMs, bodyLimitBytes: 64 * 1024 }, redactor);
      return undefined;
    } catch (error) {
      // A status line arrived (a body too large, or one that broke off): the vendor is there.
      if (!(error instanceof NoAnswer) || error.answeredStatus !== undefined) return undefined;
      cause = error.cause;
    }
    if (attempt < settings.attempts) await wait(backoffMs(attempt, settings));
  }
  return `preflight: GET ${variable} got no answer in ${settings.attempts} attempts (last: ${cause})`;
}

/** Probes every vendor with a base URL set, at once; opens the breaker of each that never answered. */
export async function preflight(manifest: SuiteManifest, env: Env, ledgerDir: string): Promise<PreflightResult[]> {
  const ledger = runLedger(ledgerDir);
  return Promise.all(
    manifest.vendors.map(async (v): Promise<PreflightResult> => {
      const started = Date.now();
      const variable = v.baseUrlVars[0] ?? v.baseUrlVar;
      const baseUrl = env[variable];
      if (!baseUrl) return { vendor: v.vendor, ms: 0 };
      const unreachable = await probeVendor(v.vendor, baseUrl, variable, env, v.requestTimeoutMs);
      if (unreachable) ledger.open(v.vendor, unreachable);
      return { vendor: v.vendor, ms: Date.now() - started, ...(unreachable ? { unreachable } : {}) };
    }),
  );
}

/** Playwright's globalSetup: a no-op unless NETWORK_PREFLIGHT=1. */
export default async function preflightSetup(config: FullConfig): Promise<void> {
  if (process.env.NETWORK_PREFLIGHT !== '1' || process.env.TEST_WORKER_INDEX !== undefined) return;
  const file = path.join(generatedDirOf(contractsRoot()), MANIFEST_FILE);
  if (!existsSync(file)) return;
  const manifest = JSON.parse(readFileSync(file, 'utf8')) as SuiteManifest;
  const outputDir = config.projects[0]?.outputDir;
  if (!outputDir) return;
  const results = await preflight(manifest, process.env, path.join(outputDir, LEDGER_FOLDER));
  const down = results.filter((r) => r.unreachable);
  const slowest = Math.max(0, ...results.map((r) => r.ms));
  process.stdout.write(`preflight: ${results.length - down.length} of ${results.length} vendors answered in ${(slowest / 1000).toFixed(1)} s${down.map((d) => `; ${d.vendor} unreachable (${d.unreachable})`).join('')}\n`);
}

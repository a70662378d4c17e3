// `npm run sandbox`: starts the sandbox on 127.0.0.1 (never another interface) and prints each
// vendor's base URL and demo accounts. Playwright's webServer starts it the same way.
import { readSandboxEnv } from './core/env';
import { buildSandbox } from './core/server';
import { vendors } from './vendors';

async function main(): Promise<void> {
  const env = readSandboxEnv();
  const port = Number(env.SANDBOX_PORT ?? 4010);
  const faults = (process.env.SANDBOX_FAULTS ?? '').split(',').map((f) => f.trim()).filter(Boolean);
  const latencyMs = Number(process.env.SANDBOX_LATENCY_MS ?? 0);
  const sandbox = buildSandbox({ env, vendors, faults, latencyMs });
  const { app, controlToken } = sandbox;
  await app.listen({ host: '127.0.0.1', port });
  const quiet = process.env.SANDBOX_QUIET === '1';
  if (!quiet) {
    console.log(`auth-contracts sandbox listening on http://127.0.0.1:${port}`);
    // The token guards /__sandbox against other local users and web pages; set
    // SANDBOX_CONTROL_TOKEN to choose it (a contract run reusing this sandbox needs the same value).
    console.log(`control token (header x-sandbox-control-token on /__sandbox requests): ${controlToken}`);
    console.log(`profile: ${sandbox.profile} (SANDBOX_PROFILE)`);
    if (faults.length) console.log(`faults on: ${faults.join(', ')}`);
    if (latencyMs) console.log(`added latency: ${latencyMs} ms per response`);
    for (const vendor of vendors) {
      const urls = Object.values(vendor.bases ?? { base: vendor.baseUrlVar }).map((name) => env[name] ?? '(no base URL)');
      console.log(`\n${vendor.name}: ${urls.join(' and ')}`);
      for (const account of vendor.demoAccounts(env)) {
        console.log(`  ${account.label}: ${account.username} / ${account.password}`);
      }
    }
  }
  const stop = (): void => void app.close().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(`sandbox failed to start: ${(error as Error).message}`);
  process.exit(1);
});

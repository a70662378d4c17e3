// Reads env/sandbox.env the way the suite does (process environment wins, ${NAME} expands), so
// the sandbox seeds exactly the accounts the contracts log in with. Kept apart from the engine's
// loader on purpose: the sandbox depends on nothing in src/ (see STYLE: imports go one way).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'dotenv';

export function readSandboxEnv(root = path.resolve(__dirname, '..', '..')): Record<string, string | undefined> {
  const file = path.join(root, 'env', 'sandbox.env');
  const parsed = parse(readFileSync(file, 'utf8'));
  const env: Record<string, string | undefined> = {};
  for (const [name, raw] of Object.entries(parsed)) {
    env[name] = process.env[name] ?? raw.replace(/\$\{(\w+)\}/g, (_, ref: string) => env[ref] ?? process.env[ref] ?? '');
  }
  return env;
}

// The variables of the target a run goes against, read the way the suite reads them:
// env/<target>.env, with ${NAME} expanded and the process environment winning. The reporters,
// the leak scanner and the monitor run in processes that never load the runtime, so they read
// the file themselves; a missing file only means "everything comes from the environment".
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'dotenv';

import { PROJECT_ROOT, suiteRoot } from '../manifest';

export { PROJECT_ROOT };

export function targetName(env: NodeJS.ProcessEnv = process.env): string {
  return env.TARGET?.trim() || 'sandbox';
}

export function readTargetEnv(
  target = targetName(),
  root = suiteRoot(),
  processEnv: NodeJS.ProcessEnv = process.env,
): Record<string, string> {
  const file = path.join(root, 'env', `${target}.env`);
  const parsed = existsSync(file) ? parse(readFileSync(file, 'utf8')) : {};
  const env: Record<string, string> = {};
  for (const [name, raw] of Object.entries(parsed)) {
    env[name] = processEnv[name] ?? raw.replace(/\$\{(\w+)\}/g, (_, ref: string) => env[ref] ?? processEnv[ref] ?? '');
  }
  // Variables set only in the process environment count too: CI passes real vendors' values
  // that way, with no env file on disk.
  for (const [name, value] of Object.entries(processEnv)) {
    if (value !== undefined && !(name in env)) env[name] = value;
  }
  return env;
}

/** Base URLs are not secret and help a reader: `<VENDOR>_BASE_URL` and the sandbox origin. */
export function baseUrls(env: Readonly<Record<string, string>>, secretNames: ReadonlySet<string>): Record<string, string> {
  const urls: Record<string, string> = {};
  for (const [name, value] of Object.entries(env).sort(([a], [b]) => a.localeCompare(b))) {
    if (/_BASE_URL$/.test(name) && value && !secretNames.has(name)) urls[name] = stripUserInfo(value);
  }
  return urls;
}

/** A URL with user:password@ in it would carry a credential into the report; drop that part. */
function stripUserInfo(value: string): string {
  try {
    const url = new URL(value);
    url.username = '';
    url.password = '';
    return url.toString().replace(/\/$/, value.endsWith('/') ? '/' : '');
  } catch {
    return value;
  }
}

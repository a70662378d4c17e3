// Which vendors the sandbox serves. A vendor has a sandbox module when `sandbox/<vendor>/`
// exists in the project (sandbox/vendors.ts registers each such folder; tests/nocode checks the
// two agree). The runtime never imports the sandbox (the sandbox imports nothing from src/ and
// the reverse keeps the layers apart), so the folder is the shared fact both sides can see.
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { PROJECT_ROOT } from './paths';

const NOT_VENDORS = new Set(['core']);
const cache = new Map<string, boolean>();

export function hasSandboxModule(vendor: string, projectRoot: string = PROJECT_ROOT): boolean {
  const key = `${projectRoot}\0${vendor}`;
  let known = cache.get(key);
  if (known === undefined) {
    const dir = path.join(projectRoot, 'sandbox', vendor);
    known = !NOT_VENDORS.has(vendor) && /^[a-z0-9][\w-]*$/.test(vendor) && existsSync(dir) && statSync(dir).isDirectory();
    cache.set(key, known);
  }
  return known;
}

// Where the contracts live. By default the project itself; CONTRACTS_ROOT points the whole
// pipeline (loader, compiler, runtime, env files) at another folder laid out the same way,
// which is how the benchmark runs a synthetic suite with the real configuration.
import path from 'node:path';

export const PROJECT_ROOT = path.resolve(__dirname, '..', '..');

export function contractsRoot(processEnv: NodeJS.ProcessEnv = process.env): string {
  const root = processEnv.CONTRACTS_ROOT?.trim();
  return root ? path.resolve(root) : PROJECT_ROOT;
}

/** Where the compiler writes the spec files of a contracts root. */
export function generatedDirOf(root: string): string {
  return path.join(root, 'generated');
}

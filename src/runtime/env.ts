// Targets and their variables. TARGET (default "sandbox") picks env/<target>.env; values already
// in the process environment win over the file, and `${NAME}` in a value refers to a variable
// defined earlier (or in the process environment). The file is parsed with dotenv's `parse`,
// which never prints dotenv's banner (the config is loaded by the runner and by every worker).
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'dotenv';

export const DEFAULT_TARGET = 'sandbox';
export const EXAMPLE_ENV_FILE = 'env/production.env.example';

/** A problem with the run's configuration (target, env file, variables), not with a vendor. */
export class ConfigError extends Error {
  constructor(message: string) {
    super(`config: ${message}`);
    this.name = 'ConfigError';
  }
}

export interface TargetEnv {
  target: string;
  /** The env file, relative to the project root, e.g. "env/sandbox.env". */
  file: string;
  isSandbox: boolean;
  /** The file's variables (expanded) overridden by the process environment, plus the rest of it. */
  values: Readonly<Record<string, string | undefined>>;
}

export function targetName(processEnv: NodeJS.ProcessEnv = process.env): string {
  const target = processEnv.TARGET?.trim();
  return target ? target : DEFAULT_TARGET;
}

/** Reads env/<TARGET>.env under `root`; throws ConfigError when the file is missing. */
export function loadTargetEnv(root: string, processEnv: NodeJS.ProcessEnv = process.env): TargetEnv {
  const target = targetName(processEnv);
  if (!/^[\w.-]+$/.test(target)) throw new ConfigError(`TARGET must be a plain name such as "sandbox" or "production"; got "${target}".`);
  const file = `env/${target}.env`;
  const absolute = path.join(root, file);
  if (!existsSync(absolute)) {
    const hint =
      target === DEFAULT_TARGET
        ? 'It is committed with the project; restore it from git.'
        : `Copy ${EXAMPLE_ENV_FILE} to ${file} and fill in each vendor's base URL and credentials.`;
    throw new ConfigError(`TARGET=${target} needs the file ${file}, which does not exist. ${hint}`);
  }
  return { target, file, isSandbox: target === DEFAULT_TARGET, values: mergeEnv(readFileSync(absolute, 'utf8'), processEnv) };
}

/** The file's variables, expanded, with the process environment winning; then the process environment. */
export function mergeEnv(fileText: string, processEnv: NodeJS.ProcessEnv): Record<string, string | undefined> {
  const merged: Record<string, string | undefined> = { ...processEnv };
  for (const [name, raw] of Object.entries(parse(fileText))) {
    if (processEnv[name] !== undefined) continue;
    merged[name] = raw.replace(/\$\{(\w+)\}/g, (_m, ref: string) => merged[ref] ?? '');
  }
  return merged;
}

/** Puts the target's values into process.env without overriding anything already set. */
export function applyToProcessEnv(env: TargetEnv, processEnv: NodeJS.ProcessEnv = process.env): void {
  for (const [name, value] of Object.entries(env.values)) {
    if (value !== undefined && processEnv[name] === undefined) processEnv[name] = value;
  }
}

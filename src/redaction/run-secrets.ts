// Which values of a run are secret, decided once for both sides: the workers (which redact at
// the source, before anything reaches Playwright) and the runner's reporters, scanner and
// monitor (which redact and scan again as a last check). A variable is secret when the compiled
// suite's generated/manifest.json lists it in a vendor's `secretVariables`, when the run itself
// makes it (the sandbox control token), or when its name ends like a credential, so a variable
// someone forgot to mark, or one only CI sets, is still masked. Both sides use this one rule, so
// a secret reads «NAME» with the same name in every output.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { MIN_SECRET_LENGTH, Redactor } from './redactor';
import type { NamedValue } from './secret-encodings';

/** Secrets every run has, whatever the suite declares: the token of the sandbox's /__sandbox controls. */
export const RUN_SECRET_VARIABLES: readonly string[] = ['SANDBOX_CONTROL_TOKEN'];

const SECRET_NAME = /(?:PASSWORD|PASSWD|SECRET|TOKEN|PRIVATE_KEY|CREDENTIALS?)$|WEBHOOK/;

/** The `secretVariables` of every vendor in <root>/generated/manifest.json; none before the first compile. */
export function manifestSecretNames(root: string): Set<string> {
  const file = path.join(root, 'generated', 'manifest.json');
  if (!existsSync(file)) return new Set();
  const manifest = JSON.parse(readFileSync(file, 'utf8')) as { vendors?: { secretVariables?: string[] }[] };
  return new Set((manifest.vendors ?? []).flatMap((v) => v.secretVariables ?? []));
}

export function isSecretName(name: string, declared: ReadonlySet<string>): boolean {
  return declared.has(name) || RUN_SECRET_VARIABLES.includes(name) || SECRET_NAME.test(name);
}

/** The secret values of an environment, longest first so a longer secret wins an overlap. */
export function secretValues(env: Readonly<Record<string, string | undefined>>, declared: ReadonlySet<string>): NamedValue[] {
  return Object.entries(env)
    .filter((entry): entry is [string, string] => typeof entry[1] === 'string' && isSecretName(entry[0], declared) && entry[1].length >= MIN_SECRET_LENGTH)
    .map(([name, value]) => ({ name, value }))
    .sort((a, b) => b.value.length - a.value.length || a.name.localeCompare(b.name));
}

/** A redactor holding every secret value of the environment, each under its variable's name. */
export function redactorForRun(env: Readonly<Record<string, string | undefined>>, declared: ReadonlySet<string>): Redactor {
  const redactor = new Redactor();
  for (const secret of secretValues(env, declared)) {
    redactor.add(secret.name, secret.value);
    // Registering the JSON-escaped text as a value of its own also covers it escaped twice
    // (a JSON request body stored as a string inside a trace's JSON).
    const escaped = JSON.stringify(secret.value).slice(1, -1);
    if (escaped !== secret.value) redactor.add(secret.name, escaped);
  }
  return redactor;
}

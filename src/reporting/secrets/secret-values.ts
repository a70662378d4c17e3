// Which configured values are secret: the rule lives in src/redaction/run-secrets.ts, shared
// with the workers; this side reads the names from the manifest of the suite that ran.
import { isSecretName, secretValues as valuesOf } from '../../redaction/run-secrets';
import { MIN_SECRET_LENGTH } from '../../redaction/redactor';
import type { NamedValue } from '../../redaction/secret-encodings';
import { secretVariableNames } from '../manifest';

export { MIN_SECRET_LENGTH, isSecretName };
export type { NamedValue };

const USER_NAME = /(?:USERNAME|USER|EMAIL|LOGIN|API_KEY|CLIENT_ID)$/;

/** Variables the suite's manifest marks secret. */
export function declaredSecretNames(): Set<string> {
  return secretVariableNames();
}

/** The secret values of an environment, longest first so a longer secret wins an overlap. */
export function secretValues(env: Readonly<Record<string, string>>, declared = declaredSecretNames()): NamedValue[] {
  return valuesOf(env, declared);
}

/**
 * User-like values that share a vendor prefix with a secret (TRUEDAT_USERNAME beside
 * TRUEDAT_PASSWORD): a Basic header is base64 of "user:secret", so the scanner builds it.
 */
export function usersBeside(secret: NamedValue, env: Readonly<Record<string, string>>): NamedValue[] {
  const prefix = secret.name.split('_')[0] ?? '';
  return Object.entries(env)
    .filter(([name, value]) => name.startsWith(`${prefix}_`) && USER_NAME.test(name) && value)
    .map(([name, value]) => ({ name, value }));
}

// Which configured values are secret. The compiled suite says so per variable (`secret: true`
// in vendor.yaml, carried by generated/manifest.json); a name that ends like a credential counts
// as secret as well, so a variable someone forgot to mark, or one only CI sets, is still
// redacted and scanned for.
import { MIN_SECRET_LENGTH } from '../../redaction/redactor';
import { secretVariableNames } from '../manifest';

export { MIN_SECRET_LENGTH };

export type { NamedValue } from '../../redaction/secret-encodings';
import type { NamedValue } from '../../redaction/secret-encodings';

const SECRET_NAME = /(?:PASSWORD|PASSWD|SECRET|TOKEN|PRIVATE_KEY|CREDENTIALS?)$|WEBHOOK/;
const USER_NAME = /(?:USERNAME|USER|EMAIL|LOGIN|API_KEY|CLIENT_ID)$/;

/** Variables the suite's manifest marks secret. */
export function declaredSecretNames(): Set<string> {
  return secretVariableNames();
}

export function isSecretName(name: string, declared: ReadonlySet<string>): boolean {
  return declared.has(name) || SECRET_NAME.test(name);
}

/** The secret values of an environment, longest first so a longer secret wins an overlap. */
export function secretValues(env: Readonly<Record<string, string>>, declared = declaredSecretNames()): NamedValue[] {
  return Object.entries(env)
    .filter(([name, value]) => isSecretName(name, declared) && value.length >= MIN_SECRET_LENGTH)
    .map(([name, value]) => ({ name, value }))
    .sort((a, b) => b.value.length - a.value.length || a.name.localeCompare(b.name));
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

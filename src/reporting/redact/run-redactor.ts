// The redaction the reporting side of a run applies: every secret value of the target (declared
// `secret: true` in a vendor manifest, or named like a credential) under its variable name, so
// a secret reads «TRUEDAT_PASSWORD» in every report, the same placeholder the runtime uses;
// then the values of credential headers in Playwright's call logs and traces, which may hold
// tokens captured at run time that this process never saw.
import type { Redactor } from '../../redaction/redactor';
import { redactorForRun } from '../../redaction/run-secrets';
import { readTargetEnv } from '../secrets/target-env';
import { declaredSecretNames } from '../secrets/secret-values';
import { contractAuthHeaders, credentialHeaderMasker, STANDARD_CREDENTIAL_HEADERS } from './credential-headers';

/** What the reporters need of a redactor. */
export interface TextRedactor {
  redact(text: string): string;
}

export function runRedactor(env: Readonly<Record<string, string>> = readTargetEnv()): Redactor {
  return redactorForRun(env, declaredSecretNames());
}

export function reportRedactor(redactor: Redactor = runRedactor()): TextRedactor {
  const mask = credentialHeaderMasker([...STANDARD_CREDENTIAL_HEADERS, ...contractAuthHeaders()]);
  return { redact: (text: string) => mask(redactor.redact(text)) };
}

let shared: TextRedactor | undefined;

/** One per process: the reporters and the console patch share it. */
export function sharedRunRedactor(): TextRedactor {
  shared ??= reportRedactor();
  return shared;
}

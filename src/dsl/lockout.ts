// The lockout budget's vocabulary, shared by the compiler (which lists each wrong-password
// scenario's account in generated/manifest.json), the runtime (which lets one of them judge a
// wrong password per account per run) and reporting (which counts them per account).
//
// A deliberate wrong-password scenario (`noRetry: true`) spends the lockout budget of the account
// it logs in as: the first non-secret vendor variable its requests' credentials or body use
// (TRUEDAT_USERNAME, PERSONR_EMAIL). A scenario that names no such variable (an unknown user, a
// body without username) logs in as nobody's account and spends no budget.
import type { RequestSpec } from './model';

/** The account label reports use everywhere: "<vendor>/<VARIABLE>", never the variable's value. */
export function accountLabel(vendor: string, variable: string): string {
  return `${vendor}/${variable}`;
}

/** The label of a wrong-password request that logs in as no configured account. */
export function noAccountLabel(vendor: string): string {
  return `${vendor}/(no configured account)`;
}

/** How many of the requests log in as the account in `variable`: each can be judged once. */
export function lockoutRequests(requests: readonly Pick<RequestSpec, 'auth' | 'body'>[], variables: readonly { name: string; secret: boolean }[], variable: string): number {
  return requests.filter((r) => lockoutVariable([r], variables) === variable).length;
}

/** The variable naming the account the requests log in as, or undefined when they name none. */
export function lockoutVariable(requests: readonly Pick<RequestSpec, 'auth' | 'body'>[], variables: readonly { name: string; secret: boolean }[]): string | undefined {
  const names = new Set(variables.filter((v) => !v.secret).map((v) => v.name));
  for (const request of requests) {
    const text = JSON.stringify([request.auth ?? null, request.body ?? null]);
    for (const match of text.matchAll(/\{\{\s*([A-Z]\w*)\s*\}\}/g)) if (names.has(match[1] ?? '')) return match[1];
  }
  return undefined;
}

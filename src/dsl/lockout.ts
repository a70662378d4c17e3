// The lockout budget's vocabulary, shared by the compiler (which lists each wrong-password
// scenario's account in generated/manifest.json), the runtime (which lets one of them judge a
// wrong password per account per run) and reporting (which counts them per account).
//
// A deliberate wrong-password scenario (`noRetry: true`) spends the lockout budget of the account
// it logs in as: the first non-secret vendor variable its requests' credentials or body use
// (TRUEDAT_USERNAME, PERSONR_EMAIL). A scenario that names no such variable (an unknown user, a
// body without username) logs in as nobody's account and spends no budget.
import type { RequestSpec, StepSpec } from './model';

/** The account label reports use everywhere: "<vendor>/<VARIABLE>", never the variable's value. */
export function accountLabel(vendor: string, variable: string): string {
  return `${vendor}/${variable}`;
}

/** The label of a wrong-password request that logs in as no configured account. */
export function noAccountLabel(vendor: string): string {
  return `${vendor}/(no configured account)`;
}

/** Whether a step of a wrong-password scenario can spend the budget: a set-up step logs in right. */
export function spendsLockout(step: Pick<StepSpec, 'role'>): boolean {
  return step.role !== 'setup';
}

/** How many of the requests log in as the account in `variable`: each can be judged once. */
export function lockoutRequests(requests: readonly Pick<RequestSpec, 'auth' | 'body'>[], variables: readonly { name: string; secret: boolean }[], variable: string): number {
  return requests.filter((r) => lockoutVariable([r], variables) === variable).length;
}

/**
 * The variable naming the account the requests log in as, or undefined when they name none.
 * Basic credentials name it in their username, secret or not (an API key is an account too);
 * a username that is no variable (one issued during the run) is nobody's configured account.
 * Any other login (a credential header, a body) names it by its first non-secret variable (a
 * username or an e-mail). The caller leaves out the steps that do not spendsLockout().
 */
export function lockoutVariable(requests: readonly Pick<RequestSpec, 'auth' | 'body'>[], variables: readonly { name: string; secret: boolean }[]): string | undefined {
  const all = new Set(variables.map((v) => v.name));
  const plain = new Set(variables.filter((v) => !v.secret).map((v) => v.name));
  for (const request of requests) {
    const auth = request.auth;
    if (auth?.kind === 'basic') {
      const named = templateNames(auth.username).find((name) => all.has(name));
      if (named) return named;
      continue;
    }
    // A credential header written by hand (the C# sample's raw email:password) or a body login.
    const named = templateNames([auth ?? null, request.body ?? null]).find((name) => plain.has(name));
    if (named) return named;
  }
  return undefined;
}

function templateNames(value: unknown): string[] {
  return [...JSON.stringify(value).matchAll(/\{\{\s*([A-Z]\w*)\s*\}\}/g)].map((m) => m[1] ?? '');
}

// Which outcome of one attempt is worth another attempt, and how long to wait first. Pure, so
// every rule is tested without a network.
//
// Retried: no HTTP answer (refused, reset before the response was complete, timed out, DNS, TLS)
// and the answers a load balancer or a rate limiter gives instead of the vendor's own: 502, 503,
// 504 and 429. Never retried: a status the step expects (a contract that expects 503 got its
// answer), and anything else (a 2xx or 4xx is the vendor's answer, right or wrong).
// A deliberate wrong-password request (a noRetry scenario) is retried only when the vendor
// cannot have judged the password: no answer, or 502/503/504 from in front of it. A 429 there
// may already be the lockout counting, so it stands.
// A body that broke off (reset or timeout) after the status line arrived is no answer, but the
// vendor had the whole request and may have acted on it: it is retried only when sending it again
// is harmless, an idempotent method that is not a wrong password. A login POST is not resent (it
// may have issued a session); a wrong password was judged.
import type { NetworkSettings } from './settings';

export type AttemptOutcome =
  | { kind: 'no-answer'; cause: string; /** The status line that came before the body broke off. */ answeredStatus?: number }
  | { kind: 'answer'; status: number; retryAfter?: string };

export interface RetryContext {
  /** The statuses the step's `expect.status` lists; empty when it checks none. */
  expected: readonly number[];
  /** The scenario sends a deliberate wrong password (noRetry). */
  noRetry: boolean;
  /** 1 for the first attempt. */
  attempt: number;
  /** The request's method; a mid-body failure of a POST or PATCH is not resent. */
  method?: string;
}

const IDEMPOTENT = new Set(['GET', 'HEAD', 'OPTIONS', 'PUT', 'DELETE']);

export type RetryDecision = { retry: false; why: string } | { retry: true; cause: string; waitMs: number };

const GATEWAY = new Set([502, 503, 504]);

export function decideRetry(outcome: AttemptOutcome, ctx: RetryContext, settings: NetworkSettings, random: () => number = Math.random): RetryDecision {
  if (ctx.attempt >= settings.attempts) return { retry: false, why: `${settings.attempts} attempts made` };
  if (outcome.kind === 'no-answer' && outcome.answeredStatus !== undefined) {
    const acted = actedWhy(outcome.answeredStatus, ctx);
    if (acted) return { retry: false, why: acted };
  }
  if (outcome.kind === 'no-answer') return { retry: true, cause: outcome.cause, waitMs: backoffMs(ctx.attempt, settings, random) };
  const { status } = outcome;
  if (ctx.expected.includes(status)) return { retry: false, why: `${status} is the answer the step expects` };
  if (GATEWAY.has(status)) return { retry: true, cause: `answered ${status}`, waitMs: backoffMs(ctx.attempt, settings, random) };
  if (status === 429) {
    if (ctx.noRetry) return { retry: false, why: '429 on a wrong-password request may be the lockout counting' };
    const asked = retryAfterMs(outcome.retryAfter);
    if (asked === undefined) return { retry: true, cause: 'answered 429', waitMs: backoffMs(ctx.attempt, settings, random) };
    if (asked > settings.retryAfterMaxMs) return { retry: false, why: `429 asks to wait ${Math.ceil(asked / 1000)} s, longer than RETRY_AFTER_MAX_MS` };
    return { retry: true, cause: 'answered 429 (Retry-After)', waitMs: asked };
  }
  return { retry: false, why: `${status} is an answer` };
}

/** Exponential backoff with "equal jitter": half the step fixed, half random, so workers spread out. */
export function backoffMs(attempt: number, settings: NetworkSettings, random: () => number = Math.random): number {
  const step = Math.min(settings.backoffMaxMs, settings.backoffMs * 2 ** (attempt - 1));
  return Math.round(step / 2 + (random() * step) / 2);
}

/** Retry-After as delay-seconds or an HTTP date; undefined when absent or unreadable. */
export function retryAfterMs(value: string | undefined, now = Date.now()): number | undefined {
  if (value === undefined || value.trim() === '') return undefined;
  if (/^\s*\d+\s*$/.test(value)) return Number(value) * 1000;
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

/** Why a body that broke off after `status` must not be resent; undefined when resending is harmless. */
function actedWhy(status: number, ctx: RetryContext): string | undefined {
  if (GATEWAY.has(status)) return undefined; // a gateway's page broke off: the vendor judged nothing
  if (ctx.noRetry) return `the vendor answered ${status} before the body broke off: it judged the wrong password, and a retry would spend the lockout budget again`;
  const method = (ctx.method ?? 'GET').toUpperCase();
  if (!IDEMPOTENT.has(method)) return `the vendor answered ${status} before the body broke off: it may have acted on this ${method}, which is not safe to send twice`;
  return undefined;
}

/** Whether an outcome means the vendor judged a deliberate wrong password (a status line from the vendor arrived). */
export function judgedPassword(outcome: AttemptOutcome): boolean {
  const status = outcome.kind === 'answer' ? outcome.status : outcome.answeredStatus;
  return status !== undefined && !GATEWAY.has(status);
}

// One request, retried at request level while the outcome is not an answer (retry-policy.ts),
// within the run's retry budget and the vendor's circuit breaker (run-ledger.ts). A retry sends
// the same prepared request again: the same body, the same {{$uuid}}, the same token; a
// whole-scenario retry could not do that, and met a fresh fault on every new request.
import type { RequestAttempts } from '../../dsl/facts';
import type { Redactor } from '../../redaction/redactor';
import type { PreparedRequest } from '../build-request';
import { NoAnswer, sendAttempt, type RawResponse } from '../send-request';
import { decideRetry, judgedPassword, type AttemptOutcome } from './retry-policy';
import type { RunLedger } from './run-ledger';
import type { NetworkSettings } from './settings';

export interface SendContext {
  vendor: string;
  /** The step's name, already redacted. */
  step: string;
  expected: readonly number[];
  noRetry: boolean;
  settings: NetworkSettings;
  ledger: RunLedger;
  /** Who asks, for the one probe of a half-open breaker (one per scenario). */
  holder?: string;
  redactor: Redactor;
  /** Gives the test this much more time before a retry: its timeout accounts for the retries. */
  extendTimeout?: (ms: number) => void;
  sleep?: (ms: number) => Promise<void>;
}

export interface SendOutcome {
  response: RawResponse;
  /** Present when the request was retried. */
  attempts?: RequestAttempts;
  /** Answers that judged a deliberate wrong password (noRetry scenarios only). */
  judged: number;
}

/** Thrown when no answer arrived in the end; `attempts` records the retries, `judged` the judged answers. */
export type FailedSend = Error & { attempts?: RequestAttempts; judged?: number };

const RETRYABLE = new Set([429, 502, 503, 504]);
const wait = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

export async function sendWithRetries(prepared: PreparedRequest, ctx: SendContext): Promise<SendOutcome> {
  const { settings, ledger, vendor } = ctx;
  const requestLine = ctx.redactor.redact(`${prepared.method} ${prepared.url}`);
  const tried: { cause: string; waitedMs: number }[] = [];
  let judged = 0;
  let notRetried: string | undefined;
  const record = (answered: boolean): RequestAttempts | undefined =>
    tried.length > 0 || notRetried ? { step: ctx.step, request: requestLine, attempts: tried.map((t) => ({ ...t })), answered, ...(notRetried ? { notRetried } : {}) } : undefined;
  const fail = (error: Error): FailedSend => Object.assign(error, { attempts: record(false), judged });

  let probe = false;
  for (let attempt = 1; ; attempt += 1) {
    const state = ledger.breaker(vendor, settings.breakerCooldownMs);
    // Half-open: one request (of the scenario holding the probe) is let through, once.
    if (state.kind === 'half-open' && attempt === 1 && ledger.claimProbe(vendor, state.since, ctx.holder ?? requestLine)) probe = true;
    else if (state.kind !== 'closed') {
      const { cause } = state;
      const error = new NoAnswer(`vendor unreachable: ${cause}`, `outage: vendor unreachable — the circuit breaker for ${vendor} is open (${cause}); ${requestLine} was not sent`);
      error.stack = error.message;
      throw fail(error);
    }
    let outcome: AttemptOutcome;
    let response: RawResponse | undefined;
    let noAnswer: NoAnswer | undefined;
    try {
      response = await sendAttempt(prepared, { timeoutMs: settings.timeoutMs, bodyLimitBytes: settings.bodyLimitBytes }, ctx.redactor);
      outcome = { kind: 'answer', status: response.status, retryAfter: response.headers['retry-after'] };
    } catch (error) {
      if (!(error instanceof NoAnswer)) throw fail(error as Error); // config, body too large: retrying cannot help
      noAnswer = error;
      outcome = { kind: 'no-answer', cause: error.cause, answeredStatus: error.answeredStatus };
    }
    if (ctx.noRetry && judgedPassword(outcome)) judged += 1;

    const decision = decideRetry(outcome, { expected: ctx.expected, noRetry: ctx.noRetry, attempt, method: prepared.method }, settings);
    if (!decision.retry && noAnswer?.answeredStatus !== undefined && attempt < settings.attempts) notRetried = decision.why;
    // For the breaker, an answer is anything but what a gateway or a rate limiter says instead.
    const retryable = outcome.kind === 'no-answer' || (RETRYABLE.has(outcome.status) && !ctx.expected.includes(outcome.status));
    if (!retryable) ledger.recordAnswer(vendor);
    else if (probe) {
      // The probe failed: the breaker opens again for another cool-down, and the probe is not retried.
      ledger.open(vendor, `the probe after the cool-down got no answer (${noAnswer?.cause ?? `answered ${response?.status ?? '?'}`})`);
      notRetried = 'it was the half-open breaker\'s one probe';
    } else if (attempt > 1) ledger.recordFailedRetry(vendor, noAnswer?.cause ?? `answered ${response?.status ?? '?'}`, settings.breakerThreshold);
    if (probe && retryable) {
      if (response) return { response, attempts: record(true), judged };
      throw fail(Object.assign(noAnswer ?? new Error('outage: no answer'), { message: `${noAnswer?.message ?? 'outage: no answer'}; not retried: ${notRetried}` }));
    }

    if (decision.retry && !ledger.takeRetry(settings.retryBudget)) {
      tried.push({ cause: `${decision.cause} (run's retry budget of ${settings.retryBudget} spent: not retried)`, waitedMs: 0 });
    } else if (decision.retry) {
      tried.push({ cause: decision.cause, waitedMs: decision.waitMs });
      ctx.extendTimeout?.(decision.waitMs + settings.timeoutMs);
      await (ctx.sleep ?? wait)(decision.waitMs);
      continue;
    }
    if (response) return { response, attempts: record(true), judged };
    const error = noAnswer ?? new Error('outage: no answer');
    if (tried.length > 0) error.message = `${error.message} (${attempt} attempts: ${[...tried.map((t) => t.cause), noAnswer?.cause].join(', ')})`;
    if (notRetried) error.message = `${error.message}; not retried: ${notRetried}`;
    error.stack = error.message;
    throw fail(error);
  }
}

// The network side of one scenario: sends its requests with retries, remembers what they
// needed, and at the end turns that into the facts reporting reads (facts.ts): the
// RequestAttempts attachment, the `flaky-network` verdict for a scenario that passed only thanks
// to retries, the `not-run` verdict when the vendor's breaker was already open, and how many
// answers judged a deliberate wrong password.
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import type { TestInfo } from '@playwright/test';
import { ANNOTATION, ATTACHMENT, JSON_CONTENT_TYPE, type RequestAttempts, type VerdictRecord } from '../../dsl/facts';
import { accountLabel, lockoutVariable, noAccountLabel, spendsLockout } from '../../dsl/lockout';
import type { StepSpec } from '../../dsl/model';
import type { Redactor } from '../../redaction/redactor';
import type { PreparedRequest } from '../build-request';
import type { RawResponse } from '../send-request';
import type { TargetEnv } from '../env';
import type { ScenarioInfo, VendorInfo } from '../scenario-info';
import { LOCKOUT_RULE, lockoutEnforced, lockoutTurn, manifestScenarios } from './lockout-budget';
import { runLedger, type RunLedger } from './run-ledger';
import { sendWithRetries, type FailedSend } from './send-with-retries';
import { networkSettings, type NetworkSettings } from './settings';

/** The parts of TestInfo the network side uses; a harness may leave out all but annotations. */
export type NetworkTestInfo = Pick<TestInfo, 'annotations'> & Partial<Pick<TestInfo, 'attachments' | 'setTimeout' | 'timeout' | 'project' | 'status'>>;

/**
 * Annotation type (additive to facts.ts ANNOTATION): "<account>: <n> (at most <m> per request)",
 * the answers that judged a deliberate wrong password. The lockout budget is m <= 1: a retry never
 * sends a wrong password the vendor already judged; n is what the scenario means to send.
 */
export { JUDGED_WRONG_PASSWORD } from '../../dsl/facts';
import { JUDGED_ATTACHMENT, JUDGED_WRONG_PASSWORD, type JudgedRecord } from '../../dsl/facts';
export const LEDGER_FOLDER = '.network-run';

export class ScenarioNetwork {
  readonly attempts: RequestAttempts[] = [];
  private readonly judged = new Map<string, { total: number; perRequest: number }>();
  readonly settings: NetworkSettings;
  private readonly ledger: RunLedger;

  constructor(
    private readonly vendor: VendorInfo,
    env: Readonly<Record<string, string | undefined>>,
    private readonly testInfo: NetworkTestInfo,
  ) {
    this.settings = networkSettings(env, vendor.vendor, { requestTimeoutMs: vendor.requestTimeoutMs });
    const outputDir = testInfo.project?.outputDir;
    this.ledger = runLedger(outputDir ? path.join(outputDir, LEDGER_FOLDER) : undefined);
  }

  /** Who this scenario is to the ledger (the probe of a half-open breaker, a lockout claim). */
  private readonly holder = randomUUID().slice(0, 8);

  /** Why the scenario must not run: its vendor's breaker is open, or half-open with another scenario probing. */
  notRunCause(): string | undefined {
    const state = this.ledger.breaker(this.vendor.vendor, this.settings.breakerCooldownMs);
    if (state.kind === 'closed') return undefined;
    if (state.kind === 'half-open' && this.ledger.claimProbe(this.vendor.vendor, state.since, this.holder)) return undefined;
    return state.cause;
  }

  /**
   * Why a deliberate wrong-password scenario does not run in this run (lockout-budget.ts): not its
   * night, or another scenario already spent its account's budget. Claims the budget otherwise.
   */
  lockoutSkip(scenario: ScenarioInfo, env: TargetEnv): string | undefined {
    if (!scenario.noRetry || !lockoutEnforced(env)) return undefined;
    const today = env.values.MONITOR_TODAY || new Date().toISOString().slice(0, 10);
    const turn = lockoutTurn(this.vendor.vendor, scenario, manifestScenarios(this.vendor.vendor), env, today);
    if (!turn) return undefined;
    if (turn.skip) return turn.skip;
    const me = `${scenario.name} #${this.holder}`;
    const holder = this.ledger.claimAccount(turn.account, me);
    return holder === me ? undefined : `${LOCKOUT_RULE} (${turn.account}): "${holder.replace(/ #\w+$/, '')}" already sent it in this run`;
  }

  /** Marks the scenario not run (the caller then skips it) with the breaker's cause. */
  markNotRun(cause: string): string {
    const reason = `not run: vendor unreachable (${cause})`;
    this.testInfo.annotations.push({ type: ANNOTATION.verdict, description: 'not-run' });
    this.attachJson(ATTACHMENT.verdict, { verdict: 'not-run', clauses: this.clauses(), reason } satisfies VerdictRecord);
    return reason;
  }

  /** Sends one step's request; `bodyLimitBytes` is the scenario's own cap, when it sets one. */
  async send(prepared: PreparedRequest, step: StepSpec, scenarioNoRetry: boolean, redactor: Redactor, bodyLimitBytes?: number): Promise<RawResponse> {
    // A set-up step of a wrong-password scenario logs in right: retried as any request.
    const noRetry = scenarioNoRetry && spendsLockout(step);
    const account = accountOf(step, this.vendor);
    try {
      const sent = await sendWithRetries(prepared, {
        vendor: this.vendor.vendor,
        step: redactor.redact(step.name),
        expected: step.expect.status?.codes ?? [],
        noRetry,
        settings: bodyLimitBytes === undefined ? this.settings : { ...this.settings, bodyLimitBytes },
        ledger: this.ledger,
        holder: this.holder,
        redactor,
        extendTimeout: (ms) => this.testInfo.setTimeout?.((this.testInfo.timeout ?? 0) + ms),
      });
      this.note(sent.attempts, noRetry ? account : undefined, sent.judged);
      return sent.response;
    } catch (error) {
      const failed = error as FailedSend;
      this.note(failed.attempts, noRetry ? account : undefined, failed.judged ?? 0);
      throw error;
    }
  }

  /** At the end of the test: the attempts attachment, and the verdict when retries saved a pass. */
  finish(): void {
    if (this.attempts.length > 0) this.attachJson(ATTACHMENT.attempts, this.attempts);
    for (const [account, n] of this.judged) {
      this.testInfo.annotations.push({ type: JUDGED_WRONG_PASSWORD, description: `${account}: ${n.total} (at most ${n.perRequest} per request)` });
    }
    if (this.judged.size > 0) {
      this.attachJson(JUDGED_ATTACHMENT, [...this.judged].map(([account, n]) => ({ account, judged: n.total, maxPerRequest: n.perRequest }) satisfies JudgedRecord));
    }
    const retries = this.attempts.reduce((n, a) => n + a.attempts.length, 0);
    if (this.testInfo.status !== 'passed' || retries === 0) return;
    const causes = [...new Set(this.attempts.flatMap((a) => a.attempts.map((t) => t.cause)))].join(', ');
    const reason = `passed after ${retries} request ${retries === 1 ? 'retry' : 'retries'} (${causes})`;
    this.testInfo.annotations.push({ type: ANNOTATION.verdict, description: 'flaky-network' });
    this.attachJson(ATTACHMENT.verdict, { verdict: 'flaky-network', clauses: this.clauses(), reason } satisfies VerdictRecord);
  }

  private note(attempts: RequestAttempts | undefined, account: string | undefined, judged: number): void {
    if (attempts) this.attempts.push(attempts);
    if (account === undefined) return;
    const before = this.judged.get(account) ?? { total: 0, perRequest: 0 };
    this.judged.set(account, { total: before.total + judged, perRequest: Math.max(before.perRequest, judged) });
  }

  private clauses(): string[] {
    return this.testInfo.annotations.filter((a) => a.type === ANNOTATION.clause && a.description).map((a) => a.description ?? '');
  }

  private attachJson(name: string, value: unknown): void {
    // Pushed, not awaited: begin() is synchronous, and the body is small and already redacted.
    this.testInfo.attachments?.push({ name, contentType: JSON_CONTENT_TYPE, body: Buffer.from(JSON.stringify(value, null, 2)) });
  }
}

/** The account a request logs in as, as reports name it (lockout.ts): "truedat/TRUEDAT_USERNAME", never its value. */
export function accountOf(step: StepSpec, vendor: VendorInfo): string {
  const variable = lockoutVariable([step.request], vendor.variables);
  return variable ? accountLabel(vendor.vendor, variable) : noAccountLabel(vendor.vendor);
}

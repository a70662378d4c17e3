// One scenario's run: its captures, its $uuid, its redactor (the worker's secrets plus the
// secrets this scenario captures), and the step loop: build the request, send it, capture,
// match, and throw one redacted error listing every mismatch. Every failing step also attaches
// a typed FailureRecord (facts.ts), classed here where the cause is known; any other error is
// redacted and rethrown, so nothing a worker hands Playwright carries a secret.
// Off the sandbox a failure of only inferred or known-drift clauses is reported with a verdict
// instead of thrown (verdict.ts).
import type { TestInfo } from '@playwright/test';
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { ANNOTATION, type FailureClass, type MismatchRecord, type VerdictRecord } from '../dsl/facts';
import type { SourceLocation, StepSpec } from '../dsl/model';
import { Redactor } from '../redaction/redactor';
import { encodeStepKey, fileOfSource, STEP_HEADER } from '../replay/step-key';
import { buildRequest } from './build-request';
import { checkExpectations } from './check-expectations';
import { ConfigError } from './env';
import { attachFailure, classifyMismatches, decisiveMismatches, failureRecord, mismatchRecords, type StepIdentity } from './failure-record';
import { formatFailure } from './format-failure';
import { ScenarioNetwork, type NetworkTestInfo } from './network/scenario-network';
import { readResponse } from './read-response';
import { runCaptures } from './run-captures';
import { skipReason } from './scenario-gate';
import type { ScenarioInfo, VendorInfo } from './scenario-info';
import { secretEchoes } from './secret-echo';
import { OutageError } from './send-request';
import { TemplateError, type TemplateScope } from './template';
import { attachVerdict, combineVerdicts, judgeFailure, resolvedDrift, verdictPolicy } from './verdict';
import type { WorkerContext } from './worker-context';

/** A step that got a response which breaks the contract; the message is already redacted. */
export class ContractFailure extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ContractFailure';
  }
}

type ContractTestInfo = Pick<TestInfo, 'skip' | 'annotations' | 'attachments'> & NetworkTestInfo & Partial<Pick<TestInfo, 'repeatEachIndex'>>;

export class Contract implements TemplateScope {
  private readonly captures = new Map<string, unknown>();
  /** The worker's secrets plus those this scenario captures; contract-test.ts redacts the test's output with it. */
  readonly redactor: Redactor;
  private scenario: ScenarioInfo | undefined;
  private uuid: string | undefined;
  private verdict: VerdictRecord | undefined;
  private stepIndex = 0;
  /** Request-level retries, the vendor's circuit breaker and the facts they leave (network/). */
  readonly network: ScenarioNetwork;

  constructor(
    private readonly worker: WorkerContext,
    private readonly vendor: VendorInfo,
    private readonly testInfo: ContractTestInfo,
  ) {
    worker.useVendor(vendor);
    this.redactor = new Redactor(worker.redactor);
    this.network = new ScenarioNetwork(vendor, worker.env.values, testInfo);
  }

  /** Checks the target and variables; skips the test with a reason, or throws a config error. */
  begin(scenario: ScenarioInfo): void {
    this.scenario = scenario;
    let reason: string | undefined;
    try {
      reason = skipReason(this.vendor, scenario, this.worker.env);
    } catch (error) {
      const before = { name: '(before the first step)', loc: sourceLoc(scenario.source) };
      throw this.recorded(error, { vendor: this.vendor.vendor, scenario: scenario.name, scenarioClauses: scenario.clauses, step: before, request: '(not sent)' });
    }
    if (reason !== undefined) this.testInfo.skip(true, reason);
    const unreachable = this.network.notRunCause();
    if (unreachable !== undefined) this.testInfo.skip(true, this.network.markNotRun(unreachable));
    const lockout = this.network.lockoutSkip(scenario, this.worker.env);
    if (lockout !== undefined) this.testInfo.skip(true, lockout);
    // Off the sandbox the report says what the run did to the real account.
    if (!this.worker.env.isSandbox && scenario.production.effect) {
      this.testInfo.annotations.push({ type: ANNOTATION.productionEffect, description: scenario.production.effect });
    }
  }

  lookup(name: string): unknown {
    const captured = this.captures.get(name);
    if (captured !== undefined) return captured;
    if (name === '$uuid') return (this.uuid ??= randomUUID());
    return this.worker.env.values[name];
  }

  async step(step: StepSpec): Promise<void> {
    const scenario = this.scenario;
    if (!scenario) throw new Error('contract.step() was called before contract.begin(); regenerate with `npm run compile`');
    const id: StepIdentity = { vendor: this.vendor.vendor, scenario: scenario.name, scenarioClauses: scenario.clauses, step, request: `${step.request.method} ${step.request.path}` };
    try {
      await this.run(step, scenario, id);
    } catch (error) {
      throw this.recorded(error, id);
    }
  }

  private async run(step: StepSpec, scenario: ScenarioInfo, id: StepIdentity): Promise<void> {
    // A vendor with several bases: the step names the host it calls (the loader made sure it does).
    const baseVar = (step.base !== undefined ? this.vendor.bases?.[step.base] : undefined) ?? this.vendor.baseUrlVar;
    const baseUrl = this.worker.env.values[baseVar] ?? '';
    const prepared = buildRequest(step.request, { baseUrl, scope: this, redactor: this.redactor, isSandbox: this.worker.env.isSandbox });
    id.request = `${prepared.method} ${prepared.url}`;
    const index = this.stepIndex++;
    // Record, replay and mutate key each exchange by scenario and step; no other run sends it,
    // and failure excerpts show `prepared`, which never carries it.
    const key = { file: fileOfSource(scenario.source), scenario: scenario.name, step: index, repeat: this.testInfo.repeatEachIndex ?? 0 };
    const sent = this.worker.env.values.CONTRACT_STEP_HEADER === '1' ? { ...prepared, headers: { ...prepared.headers, [STEP_HEADER]: encodeStepKey(key) } } : prepared;
    const read = readResponse(await this.network.send(sent, step, scenario.noRetry === true, this.redactor, scenario.bodyLimitBytes));

    // Captures run first so the secrets they read are registered before any message is built;
    // their failures are listed last, after the expectations that explain them.
    const stepClauses = step.clauses ?? scenario.clauses;
    const captureFailures = runCaptures(step.captures, read, this.captures, this.redactor).map((f) => ({ ...f, clauses: stepClauses }));
    const checked = checkExpectations(step.expect, read, this.worker.schemas, this, stepClauses);
    for (const note of checked.notes) {
      this.testInfo.annotations.push({ type: 'note', description: this.redactor.redact(`${step.name}: ${note}`) });
    }
    const failures = [...checked.failures, ...secretEchoes(step, read, this.vendor, this.worker.env).map((f) => ({ ...f, clauses: stepClauses })), ...captureFailures];
    if (failures.length === 0) return;
    const failureClass = classifyMismatches(failures, read.status, step.request.auth, step.role);
    const mismatches = mismatchRecords(failures, this.redactor);
    const clauses = [...new Set(decisiveMismatches(mismatches).flatMap((m) => m.clauses))];
    const secretHeaders = step.request.auth?.kind === 'header' ? [step.request.auth.header] : [];
    const message = formatFailure(
      { stepName: step.name, request: prepared, response: read, failures, failureClass, clauses, doc: scenario.doc, source: scenario.source, secretHeaders },
      this.redactor,
    );
    attachFailure(this.testInfo, failureRecord(id, { class: failureClass, mismatches, message, status: read.status }, this.redactor));
    // Only a vendor's wrong answer can be known drift or an inferred warning; refused credentials
    // or an outage say nothing about its clauses.
    if (failureClass === 'contract' && this.softened(mismatches)) return;
    const failure = new ContractFailure(message);
    // The runtime's own frames say nothing about the contract. One frame pointing at the YAML
    // line of the first mismatch makes Playwright print that line of the contract file instead.
    const first = failures[0]?.loc ?? step.loc;
    failure.stack = `${failure.name}: ${message}\n    at ${path.join(this.worker.root, first.file)}:${first.line}:${first.col}`;
    throw failure;
  }

  /** Off the sandbox, a failure of only inferred or known-drift clauses is reported and not thrown (verdict.ts). */
  private softened(mismatches: MismatchRecord[]): boolean {
    const verdict = judgeFailure(mismatches, this.vendor, verdictPolicy(this.worker.env));
    if (!verdict) return false;
    this.verdict = combineVerdicts(this.verdict, verdict);
    attachVerdict(this.testInfo, this.verdict, this.redactor);
    return true;
  }

  /** After the test body (the fixture calls it): a passing scenario that proved a drift clause says so. */
  finish(status: TestInfo['status']): void {
    if (status !== 'passed' || this.verdict || !this.scenario) return;
    const resolved = resolvedDrift(this.scenario.clauses, this.vendor, verdictPolicy(this.worker.env));
    if (resolved) attachVerdict(this.testInfo, resolved, this.redactor);
  }

  /** Attaches the record of an error not yet recorded; returns the (redacted) error to throw. */
  private recorded(error: unknown, id: StepIdentity): unknown {
    if (error instanceof ContractFailure) return error; // recorded where its mismatches were known
    const record = (cls: FailureClass, cause: string, message: string): void =>
      attachFailure(this.testInfo, failureRecord(id, { class: cls, mismatches: [], message, cause }, this.redactor));
    if (error instanceof OutageError) {
      record(error.failureClass, error.cause, error.message);
      return error;
    }
    if (error instanceof ConfigError || error instanceof TemplateError) {
      record('config', error instanceof TemplateError ? `no value for {{${error.templateName}}}` : 'missing configuration', error.message);
      error.message = this.redactor.redact(error.message);
      error.stack = error.message;
      return error;
    }
    // Anything else (a Playwright API error after the response arrived, a bug of ours) is ours
    // to fix, and may carry a call log with request headers: only its redacted message survives.
    const raw = (error instanceof Error ? error.message : String(error)).split(/\n\s*Call log:/)[0] ?? '';
    const replacement = new Error(this.redactor.redact(`config: step "${id.step.name}" failed: ${raw}`));
    replacement.stack = replacement.message;
    record('config', 'unexpected error', replacement.message);
    return replacement;
  }
}

/** "specs/x.yaml:12" (ScenarioInfo.source, written by the compiler) as a location. */
function sourceLoc(source: string): SourceLocation {
  const at = source.lastIndexOf(':');
  return { file: source.slice(0, at), line: Number(source.slice(at + 1)) || 1, col: 1 };
}

// One scenario's run: its captures, its $uuid, its redactor (the worker's secrets plus the
// secrets this scenario captures), and the step loop: build the request, send it, capture,
// match, and throw one redacted error listing every mismatch.
import type { APIRequestContext, TestInfo } from '@playwright/test';
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import type { StepSpec } from '../dsl/model';
import { Redactor } from '../redaction/redactor';
import { buildRequest } from './build-request';
import { checkExpectations } from './check-expectations';
import { formatFailure } from './format-failure';
import { readResponse } from './read-response';
import { runCaptures } from './run-captures';
import { skipReason } from './scenario-gate';
import type { ScenarioInfo, VendorInfo } from './scenario-info';
import { sendRequest } from './send-request';
import type { TemplateScope } from './template';
import type { WorkerContext } from './worker-context';

/** A step that got a response which breaks the contract; the message is already redacted. */
export class ContractFailure extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ContractFailure';
  }
}

export class Contract implements TemplateScope {
  private readonly captures = new Map<string, unknown>();
  private readonly redactor: Redactor;
  private scenario: ScenarioInfo | undefined;
  private uuid: string | undefined;

  constructor(
    private readonly request: APIRequestContext,
    private readonly worker: WorkerContext,
    private readonly vendor: VendorInfo,
    private readonly testInfo: Pick<TestInfo, 'skip' | 'annotations'>,
  ) {
    worker.useVendor(vendor);
    this.redactor = new Redactor(worker.redactor);
  }

  /** Checks the target and variables; skips the test with a reason, or throws a config error. */
  begin(scenario: ScenarioInfo): void {
    this.scenario = scenario;
    const reason = skipReason(this.vendor, scenario, this.worker.env);
    if (reason !== undefined) this.testInfo.skip(true, reason);
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
    const baseUrl = this.worker.env.values[this.vendor.baseUrlVar] ?? '';
    const prepared = buildRequest(step.request, { baseUrl, scope: this, redactor: this.redactor, isSandbox: this.worker.env.isSandbox });
    const response = await sendRequest(this.request, prepared, this.redactor);
    const read = await readResponse(response, prepared.method);
    // The context keeps cookies between requests; a contract sends exactly the cookies it writes.
    if (read.cookies.size > 0) await this.request.clearCookies();

    // Captures run first so the secrets they read are registered before any message is built;
    // their failures are listed last, after the expectations that explain them.
    const captureFailures = runCaptures(step.captures, read, this.captures, this.redactor);
    const checked = checkExpectations(step.expect, read, this.worker.schemas, this);
    for (const note of checked.notes) {
      this.testInfo.annotations.push({ type: 'note', description: this.redactor.redact(`${step.name}: ${note}`) });
    }
    const failures = [...checked.failures, ...captureFailures];
    if (failures.length === 0) return;
    const secretHeaders = step.request.auth?.kind === 'header' ? [step.request.auth.header] : [];
    const message = formatFailure(
      { stepName: step.name, request: prepared, response: read, failures, doc: scenario.doc, source: scenario.source, secretHeaders },
      this.redactor,
    );
    const failure = new ContractFailure(message);
    // The runtime's own frames say nothing about the contract. One frame pointing at the YAML
    // line of the first mismatch makes Playwright print that line of the contract file instead.
    const first = failures[0]?.loc ?? step.loc;
    failure.stack = `${failure.name}: ${message}\n    at ${path.join(this.worker.root, first.file)}:${first.line}:${first.col}`;
    throw failure;
  }
}

// The first reporter of every run. Playwright hands the same error, step, result and attachment
// objects to each reporter in turn (its Multiplexer loops over the reporters with identical
// arguments), so redacting those objects in place here, before any other reporter runs, keeps
// secrets out of the HTML, JUnit, JSON, blob and Allure output alike. That matters because
// Playwright's own API steps fail with a "Call log" that prints every request header, the
// Authorization header included, and the runtime never gets to catch those errors.
import type { FullConfig, Reporter, TestCase, TestError, TestResult, TestStep } from '@playwright/test/reporter';
import { redactBytes, redactFile, redactTree } from './file-redaction';
import { sharedRunRedactor, type TextRedactor } from './run-redactor';

type Attachment = TestResult['attachments'][number];
type Mutable<T> = { -readonly [K in keyof T]: T[K] };

export default class RedactingReporter implements Reporter {
  private readonly redactor: TextRedactor;
  private readonly redactedFiles = new Set<string>();
  private outputDirs: string[] = [];

  constructor(options: { redactor?: TextRedactor } = {}) {
    this.redactor = options.redactor ?? sharedRunRedactor();
  }

  printsToStdio(): boolean {
    return false;
  }

  onBegin(config: FullConfig): void {
    this.outputDirs = [...new Set(config.projects.map((p) => p.outputDir))];
  }

  /** Runs before the other reporters' onEnd, so files they copy at the end are clean too. */
  onEnd(): void {
    for (const dir of this.outputDirs) redactTree(dir, this.redactor);
  }

  onStdOut(chunk: string | Buffer, _test?: TestCase, result?: TestResult): void {
    if (result) this.replaceChunk(result.stdout, chunk);
  }

  onStdErr(chunk: string | Buffer, _test?: TestCase, result?: TestResult): void {
    if (result) this.replaceChunk(result.stderr, chunk);
  }

  onStepEnd(_test: TestCase, _result: TestResult, step: TestStep): void {
    this.redactStep(step, false);
  }

  onTestEnd(test: TestCase, result: TestResult): void {
    for (const error of result.errors) this.redactError(error);
    if (result.error) this.redactError(result.error);
    for (const step of result.steps) this.redactStep(step, true);
    for (const attachment of result.attachments) this.redactAttachment(attachment);
    this.redactChunks(result.stdout);
    this.redactChunks(result.stderr);
    for (const annotation of [...result.annotations, ...test.annotations]) {
      if (annotation.description) annotation.description = this.redactor.redact(annotation.description);
    }
  }

  onError(error: TestError): void {
    this.redactError(error);
  }

  private redactError(error: TestError | undefined): void {
    if (!error) return;
    for (const key of ['message', 'stack', 'snippet', 'value'] as const) {
      const text = error[key];
      if (text) error[key] = this.redactor.redact(text);
    }
    this.redactError(error.cause);
  }

  private redactStep(step: TestStep, recurse: boolean): void {
    const mutable = step as Mutable<TestStep>;
    mutable.title = this.redactor.redact(step.title);
    this.redactError(step.error);
    for (const attachment of step.attachments) this.redactAttachment(attachment);
    if (recurse) for (const child of step.steps) this.redactStep(child, true);
  }

  private redactAttachment(attachment: Attachment): void {
    if (attachment.body) {
      const redacted = redactBytes(attachment.body, this.redactor);
      if (redacted !== attachment.body) attachment.body = Buffer.from(redacted);
    }
    // A file is rewritten once even though it is reached from the step and from the result.
    if (attachment.path && !this.redactedFiles.has(attachment.path)) {
      this.redactedFiles.add(attachment.path);
      redactFile(attachment.path, this.redactor);
    }
  }

  /** The chunk just reported is the last one equal to it in the result's list; swap it. */
  private replaceChunk(chunks: Array<string | Buffer>, chunk: string | Buffer): void {
    const index = chunks.lastIndexOf(chunk);
    if (index >= 0) chunks[index] = this.redactChunk(chunk);
  }

  private redactChunks(chunks: Array<string | Buffer>): void {
    for (let i = 0; i < chunks.length; i += 1) chunks[i] = this.redactChunk(chunks[i] ?? '');
  }

  private redactChunk(chunk: string | Buffer): string | Buffer {
    if (typeof chunk === 'string') return this.redactor.redact(chunk);
    const redacted = redactBytes(chunk, this.redactor);
    return redacted === chunk ? chunk : Buffer.from(redacted);
  }
}

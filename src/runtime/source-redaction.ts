// The last step of redaction at the source: whatever a contract test hands Playwright from its
// worker passes the scenario's redactor on the way out, so the reporters (any of them, chosen on
// the command line or merged later from a blob) only ever receive placeholders. The runtime
// builds its messages, records and attachments redacted already; this guards what slips past
// that: an attachment pushed by any code (redacted as it is pushed, because Playwright sends it
// to the runner at once), and the test's annotations and errors (sent when the test ends, so
// redacted in the fixture's teardown, which runs before that).
import { readFileSync, writeFileSync } from 'node:fs';
import type { TestInfo, TestInfoError } from '@playwright/test';
import type { TextRedactor } from '../redaction/console-redaction';

type Attachment = TestInfo['attachments'][number];

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** Text bytes redacted; anything that is not UTF-8 text (a zip, an image) is returned as it is. */
function redactedBytes(bytes: Buffer, redactor: TextRedactor): Buffer {
  if (bytes.includes(0)) return bytes;
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    return bytes;
  }
  const redacted = redactor.redact(text);
  return redacted === text ? bytes : Buffer.from(redacted, 'utf8');
}

export function redactAttachment(attachment: Attachment, redactor: TextRedactor): Attachment {
  const out = { ...attachment, name: redactor.redact(attachment.name) };
  if (attachment.body) out.body = redactedBytes(attachment.body, redactor);
  if (attachment.path) {
    // testInfo.attach() has copied the file into the test's output folder: rewrite that copy.
    try {
      const bytes = readFileSync(attachment.path);
      const redacted = redactedBytes(bytes, redactor);
      if (redacted !== bytes) writeFileSync(attachment.path, redacted);
    } catch {
      // A path that does not exist yet is Playwright's own (a trace written at the very end).
    }
  }
  return out;
}

/** From now on every attachment pushed to this test is redacted before Playwright sees it. */
export function guardAttachments(testInfo: Pick<TestInfo, 'attachments'>, redactor: TextRedactor): void {
  const list = testInfo.attachments;
  const push: (...items: Attachment[]) => number = list.push.bind(list);
  Object.defineProperty(list, 'push', {
    value: (...items: Attachment[]) => push(...items.map((item) => redactAttachment(item, redactor))),
    writable: true,
    enumerable: false,
    configurable: true,
  });
}

function redactError(error: TestInfoError | undefined, redactor: TextRedactor): void {
  if (!error) return;
  for (const key of ['message', 'stack', 'value'] as const) {
    const text = error[key];
    if (typeof text === 'string') error[key] = redactor.redact(text);
  }
  redactError(error.cause, redactor);
}

/** The parts of a test's result Playwright sends when the test ends: annotations and errors. */
export function redactTestEnd(testInfo: Pick<TestInfo, 'annotations' | 'errors'>, redactor: TextRedactor): void {
  for (const annotation of testInfo.annotations) {
    if (annotation.description) annotation.description = redactor.redact(annotation.description);
  }
  for (const error of testInfo.errors) redactError(error, redactor);
}

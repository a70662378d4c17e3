// Redaction at the source, unit by unit: the worker's redactor takes its secret names from the
// suite's generated/manifest.json (plus the sandbox control token), the console goes through
// the running scenario's redactor, attachments are redacted as they are pushed, and a test's
// annotations and errors before Playwright sends them.
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, test, type TestInfo, type TestInfoError } from '@playwright/test';
import { Redactor } from '../../src/redaction/redactor';
import { guardAttachments, redactTestEnd } from '../../src/runtime/source-redaction';
import { WorkerContext } from '../../src/runtime/worker-context';

const KEYPHRASE = 'open-sesame-4711';
const CONTROL = 'control-token-abcdef';

function suiteRoot(): string {
  const root = mkdtempSync(path.join(tmpdir(), 'source-redaction-'));
  mkdirSync(path.join(root, 'generated'));
  const manifest = { version: 1, vendors: [{ vendor: 'mini', secretVariables: ['MINI_KEYPHRASE'] }] };
  writeFileSync(path.join(root, 'generated', 'manifest.json'), JSON.stringify(manifest));
  return root;
}

function worker(values: Record<string, string>): WorkerContext {
  return new WorkerContext(suiteRoot(), { target: 'sandbox', file: 'env/sandbox.env', isSandbox: true, values });
}

test('the worker redacts what the manifest names secret and the control token, and nothing else', () => {
  const w = worker({ MINI_KEYPHRASE: KEYPHRASE, MINI_REGION: 'eu-west-region', SANDBOX_CONTROL_TOKEN: CONTROL });
  expect(w.redactor.redact(`${KEYPHRASE} ${CONTROL} eu-west-region`)).toBe('«MINI_KEYPHRASE» «SANDBOX_CONTROL_TOKEN» eu-west-region');
  // Without the manifest the same name is an ordinary variable (no name rule matches it).
  const bare = new WorkerContext(mkdtempSync(path.join(tmpdir(), 'no-manifest-')), { target: 'sandbox', file: '', isSandbox: true, values: { MINI_KEYPHRASE: KEYPHRASE } });
  expect(bare.redactor.redact(KEYPHRASE)).toBe(KEYPHRASE);
});

test("the console goes through the running scenario's redactor, then the worker's", () => {
  const w = worker({ MINI_KEYPHRASE: KEYPHRASE });
  const scenario = new Redactor(w.redactor);
  scenario.add('token', 'captured-token-0001');
  w.runScenario(scenario);
  expect(w.console.redact(`captured-token-0001 ${KEYPHRASE}`)).toBe('«token» «MINI_KEYPHRASE»');
  w.runScenario(undefined);
  expect(w.console.redact(`captured-token-0001 ${KEYPHRASE}`)).toBe('captured-token-0001 «MINI_KEYPHRASE»');
});

test('attachments are redacted as they are pushed: body, name and the file a path points at', () => {
  const redactor = new Redactor();
  redactor.add('MINI_KEYPHRASE', KEYPHRASE);
  const attachments: TestInfo['attachments'] = [];
  guardAttachments({ attachments }, redactor);
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'attachment-')), 'log.txt');
  writeFileSync(file, `sent ${encodeURIComponent(KEYPHRASE)}\n`);
  attachments.push({ name: `body ${KEYPHRASE}`, contentType: 'text/plain', body: Buffer.from(`{"k":"${KEYPHRASE}"}`) });
  attachments.push({ name: 'log', contentType: 'text/plain', path: file });
  expect(attachments[0]?.name).toBe('body «MINI_KEYPHRASE»');
  expect(attachments[0]?.body?.toString()).toBe('{"k":"«MINI_KEYPHRASE»"}');
  expect(readFileSync(file, 'utf8')).toBe('sent «MINI_KEYPHRASE»\n');
  // Binary bodies (a zip, an image) are passed on untouched.
  const binary = Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, ...Buffer.from(KEYPHRASE)]);
  attachments.push({ name: 'zip', contentType: 'application/zip', body: binary });
  expect(attachments[2]?.body).toBe(binary);
});

test('annotations and errors, causes included, are redacted before the test ends', () => {
  const redactor = new Redactor();
  redactor.add('MINI_KEYPHRASE', KEYPHRASE);
  const cause: TestInfoError = { message: `cause ${KEYPHRASE}` };
  const errors: TestInfoError[] = [{ message: `boom ${KEYPHRASE}`, stack: `Error: boom ${KEYPHRASE}\n  at x`, value: KEYPHRASE, cause }];
  const annotations = [{ type: 'note', description: `saw ${KEYPHRASE}` }, { type: 'empty' }];
  redactTestEnd({ annotations, errors }, redactor);
  expect(JSON.stringify({ annotations, errors })).not.toContain(KEYPHRASE);
  expect(errors[0]?.message).toBe('boom «MINI_KEYPHRASE»');
  expect(cause.message).toBe('cause «MINI_KEYPHRASE»');
  expect(annotations[0]?.description).toBe('saw «MINI_KEYPHRASE»');
});

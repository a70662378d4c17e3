// The redacting reporter's parts on hand-made objects: what it rewrites in place (errors, step
// titles, output chunks, attachment bodies and files, zipped traces), and the masking of
// credential headers whose values it cannot know (tokens captured at run time).
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import type { TestCase, TestResult, TestStep } from '@playwright/test/reporter';
import { unzipSync, zipSync } from 'fflate';
import { Redactor } from '../../src/redaction/redactor';
import { contractAuthHeaders, credentialHeaderMasker, STANDARD_CREDENTIAL_HEADERS } from '../../src/reporting/redact/credential-headers';
import { redactFile } from '../../src/reporting/redact/file-redaction';
import RedactingReporter from '../../src/reporting/redact/redacting-reporter';
import { reportRedactor } from '../../src/reporting/redact/run-redactor';
import { maskTraceJson } from '../../src/reporting/redact/trace-json';
import { tempDir } from './support/run-fixture';

const SECRET = 'Unit-S3cret-value';
const TOKEN = 'tok_9f8e7d6c5b4a3210';
const base = new Redactor();
base.add('VENDOR_PASSWORD', SECRET);
const redactor = reportRedactor(base);
const basic = Buffer.from(`bot:${SECRET}`).toString('base64');

test('call-log header lines lose their values; placeholders stay readable', () => {
  const mask = credentialHeaderMasker([...STANDARD_CREDENTIAL_HEADERS, 'token']);
  const log = [
    'Call log:',
    `\u001b[2m  - → POST http://127.0.0.1:9/x\u001b[22m`,
    `\u001b[2m    - token: ${TOKEN}\u001b[22m`,
    `    - cookie: _td_refresh=${TOKEN}`,
    '  authorization: Basic «basic-credentials»',
    '  content-type: application/json',
  ].join('\n');
  const out = mask(log);
  expect(out).not.toContain(TOKEN);
  expect(out).toContain('- token: «masked»');
  expect(out).toContain('- cookie: «masked»');
  expect(out).toContain('authorization: Basic «basic-credentials»');
  expect(out).toContain('content-type: application/json');
});

test('header records in traces lose their values, raw or JSON-escaped', () => {
  const mask = credentialHeaderMasker(['token']);
  const raw = JSON.stringify({ headers: [{ name: 'token', value: TOKEN }, { name: 'accept', value: '*/*' }] });
  expect(mask(raw)).toBe(JSON.stringify({ headers: [{ name: 'token', value: '«masked»' }, { name: 'accept', value: '*/*' }] }));
  const escaped = JSON.stringify(raw);
  expect(mask(escaped)).not.toContain(TOKEN);
});

test('trace JSON loses values under credential names, also inside JSON strings', () => {
  const lines = [
    JSON.stringify({ type: 'before', params: { url: '/x', headers: [{ name: 'Token', value: TOKEN }, { name: 'accept', value: 'application/json' }] } }),
    JSON.stringify({ type: 'resource', body: JSON.stringify({ token: TOKEN, refresh_token: TOKEN, expires: 600 }) }),
    JSON.stringify({ cookies: [{ name: '_td_refresh', value: TOKEN }] }),
    JSON.stringify({ type: 'log', message: `  token: ${TOKEN}` }),
    JSON.stringify({ error: { message: `Call log:\n\u001b[2m    - token: ${TOKEN}\u001b[22m\n` } }),
    'not json at all',
  ].join('\n');
  const out = maskTraceJson(lines, (s) => redactor.redact(s));
  expect(out).not.toContain(TOKEN);
  expect(out).toContain('"accept","value":"application/json"');
  expect(out).toContain('expires\\":600');
  expect(out.split('\n')[5]).toBe('not json at all');
});

test('custom auth headers of the contracts are found in specs/', () => {
  expect(contractAuthHeaders()).toContain('token');
});

test('a secret split by the redactor inside a Basic value is masked whole', () => {
  // The value redactor leaves base64 characters beside its placeholder ("«A»ZQ==" is the
  // secret's last byte); the header masking takes the whole value.
  const header = `  Authorization: Basic ${Buffer.from(`abcd:${SECRET}`).toString('base64')}`;
  expect(base.redact(header)).toMatch(/»[A-Za-z0-9+/=]+$/);
  expect(redactor.redact(header)).toBe('  Authorization: «masked»');
});

test('the reporter rewrites errors, steps, output and attachments in place', () => {
  const dir = tempDir('redact');
  const file = path.join(dir, 'error-context.md');
  writeFileSync(file, `authorization: Basic ${basic}\n`);
  const trace = path.join(dir, 'trace.zip');
  writeFileSync(trace, zipSync({ '0-trace.network': Buffer.from(JSON.stringify({ postData: `{"password":"${SECRET}"}`, headers: [{ name: 'token', value: TOKEN }] })) }));
  const step = { title: `login with ${SECRET}`, error: { message: `Call log:\n  - token: ${TOKEN}` }, steps: [], attachments: [] } as unknown as TestStep;
  const stdout: Array<string | Buffer> = [`password=${SECRET}\n`, Buffer.from(`again ${SECRET}`)];
  const result = {
    errors: [{ message: `failed with ${SECRET}`, stack: `Error: ${basic}`, snippet: `> 1 | ${SECRET}`, cause: { message: SECRET } }],
    steps: [step],
    attachments: [
      { name: 'request', contentType: 'text/plain', body: Buffer.from(`{"password":"${SECRET}"}`) },
      { name: 'error-context', contentType: 'text/markdown', path: file },
      { name: 'trace', contentType: 'application/zip', path: trace },
    ],
    stdout,
    stderr: [],
    annotations: [],
  } as unknown as TestResult;
  const reporter = new RedactingReporter({ redactor });
  reporter.onStdOut(stdout[0] ?? '', undefined, result);
  reporter.onTestEnd({ annotations: [] } as unknown as TestCase, result);

  const everything = JSON.stringify(result) + readFileSync(file, 'utf8') + Object.values(unzipSync(readFileSync(trace))).map((b) => Buffer.from(b).toString()).join('');
  expect(everything).not.toContain(SECRET);
  expect(everything).not.toContain(basic);
  expect(everything).not.toContain(TOKEN);
  expect(result.errors[0]?.message).toBe('failed with «VENDOR_PASSWORD»');
  expect(step.title).toBe('login with «VENDOR_PASSWORD»');
  expect(String(result.stdout[0])).toBe('password=«VENDOR_PASSWORD»\n');
});

test('a file without secrets is left untouched', () => {
  const file = path.join(tempDir('redact'), 'plain.txt');
  writeFileSync(file, 'nothing secret here\n');
  expect(redactFile(file, redactor)).toBe(false);
});

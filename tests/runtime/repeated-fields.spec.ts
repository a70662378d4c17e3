// A form or multipart field given a list reaches the server once per value, in order: what an
// OAuth server reading `scope=a&scope=b` sees. The wire is checked, not the prepared request.
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect, test } from '@playwright/test';
import { Redactor } from '../../src/redaction/redactor';
import { sendAttempt } from '../../src/runtime/send-request';

const limits = { timeoutMs: 2_000, bodyLimitBytes: 1024 };
const pairs: [string, string][] = [['grant_type', 'password'], ['scope', 'read'], ['scope', 'write'], ['scope', 'a&b=c']];

interface Received {
  headers: IncomingHttpHeaders;
  body: string;
}

async function receive(send: (url: string) => Promise<unknown>): Promise<Received> {
  let received: Received | undefined;
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      received = { headers: req.headers, body: Buffer.concat(chunks).toString('utf8') };
      res.end('{}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  try {
    await send(`http://127.0.0.1:${(server.address() as AddressInfo).port}/token`);
  } finally {
    await new Promise((resolve) => server.close(resolve));
  }
  if (!received) throw new Error('the server received nothing');
  return received;
}

test('a repeated form field is sent once per value, in order, each value encoded', async () => {
  const got = await receive((url) => sendAttempt({ method: 'POST', url, headers: {}, form: pairs }, limits, new Redactor()));
  expect(got.headers['content-type']).toMatch(/^application\/x-www-form-urlencoded/);
  expect(got.body).toBe('grant_type=password&scope=read&scope=write&scope=a%26b%3Dc');
});

test('a repeated multipart field is one part per value, in order', async () => {
  const got = await receive((url) => sendAttempt({ method: 'POST', url, headers: { 'content-type': 'text/plain' }, multipart: pairs }, limits, new Redactor()));
  const parsed = await new Response(got.body, { headers: { 'content-type': String(got.headers['content-type']) } }).formData();
  expect(parsed.getAll('scope')).toEqual(['read', 'write', 'a&b=c']);
  expect(parsed.getAll('grant_type')).toEqual(['password']);
});

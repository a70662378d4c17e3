// The leak scanner: the encodings it searches for, the containers it opens, its self-test, and
// that it names secrets without ever printing them.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { zipSync } from 'fflate';
import { ArtefactScanner } from '../../src/reporting/scan/artefact-scanner';
import { formatScan, readSecretsFile } from '../../src/reporting/scan/scan-secrets';
import { runScannerSelfTest } from '../../src/reporting/scan/scanner-self-test';
import { base64Fragments, basicHeaderPatterns, patternsFor } from '../../src/redaction/secret-encodings';
import { runScript, tempDir } from './support/run-fixture';

const SECRET = { name: 'VENDOR_PASSWORD', value: 'Pa55: wörd"\\x' }; // a space, colon, quote, backslash, ö

test('a base64 fragment of the secret is found inside base64 of any text around it', () => {
  const fragments = base64Fragments(Buffer.from(SECRET.value));
  expect(fragments).toHaveLength(3);
  for (const prefix of ['', 'a', 'ab', 'user:', 'some-user:']) {
    for (const suffix of ['', '\n', 'xyz']) {
      const encoded = Buffer.from(`${prefix}${SECRET.value}${suffix}`).toString('base64');
      expect(fragments.some((f) => encoded.includes(f)), `${prefix}|${suffix}`).toBe(true);
    }
  }
});

test('the patterns cover raw, JSON-escaped, URL-encoded, base64 and Basic header forms', () => {
  const encodings = patternsFor(SECRET).map((p) => p.encoding);
  for (const kind of ['raw', 'JSON-escaped', 'JSON-escaped (\\u)', 'JSON-escaped twice', 'URL-encoded', 'form-encoded', 'base64 (form 1)', 'base64 (form 2)', 'base64 (form 3)']) {
    expect(encodings).toContain(kind);
  }
  const basic = basicHeaderPatterns(SECRET, [{ name: 'VENDOR_USERNAME', value: 'bot' }]);
  expect(basic[0]?.bytes.toString()).toBe(Buffer.from(`bot:${SECRET.value}`).toString('base64'));
});

test('the scanner opens zips inside zips and base64 data URLs, and names the member', () => {
  const dir = tempDir('scan');
  const inner = zipSync({ '0-trace.network': Buffer.from(JSON.stringify({ body: `{"password":${JSON.stringify(SECRET.value)}}` })) });
  writeFileSync(path.join(dir, 'report-1.zip'), zipSync({ 'resources/trace.zip': inner }));
  const page = `<script>x="data:application/zip;base64,${Buffer.from(zipSync({ 'r.json': Buffer.from(encodeURIComponent(SECRET.value)) })).toString('base64')}"</script>`;
  mkdirSync(path.join(dir, 'html'));
  writeFileSync(path.join(dir, 'html', 'index.html'), page);
  writeFileSync(path.join(dir, 'clean.txt'), 'nothing to see');

  const result = new ArtefactScanner(patternsFor(SECRET)).scanPaths([dir]);
  const where = result.hits.map((h) => path.relative(dir, h.where));
  expect(where).toContain('report-1.zip!resources/trace.zip!0-trace.network');
  expect(where).toContain(path.join('html', 'index.html!data-url#1!r.json'));
  expect(where.some((w) => w.startsWith('clean.txt'))).toBe(false);
  expect(result.hits.find((h) => h.where.endsWith('0-trace.network'))?.encoding).toBe('JSON-escaped twice');
});

test('the self-test finds a planted canary in every kind of artefact', () => {
  const result = runScannerSelfTest();
  expect(result.lines.filter((l) => l.startsWith('found')).length).toBeGreaterThanOrEqual(11);
  expect(result.lines.filter((l) => l.startsWith('MISSED') || l.includes('FALSE HIT'))).toEqual([]);
  expect(result.ok).toBe(true);
});

test('the report names the secret and the encoding, never the value', () => {
  const dir = tempDir('scan');
  writeFileSync(path.join(dir, 'log.txt'), `login with ${SECRET.value}`);
  const result = new ArtefactScanner(patternsFor(SECRET)).scanPaths([dir]);
  const text = formatScan(result, 1, patternsFor(SECRET).length).join('\n');
  expect(text).toContain('VENDOR_PASSWORD as raw');
  expect(text).not.toContain(SECRET.value);
});

test('npm run scan-secrets exits 1 on a hit and 0 on clean artefacts, printing no secret', async () => {
  const dir = tempDir('scan');
  const secrets = path.join(dir, 'secrets.txt');
  writeFileSync(secrets, `VENDOR_PASSWORD=${SECRET.value}\n# a comment\n`);
  expect(readSecretsFile(secrets)).toEqual([SECRET]);
  mkdirSync(path.join(dir, 'clean'));
  writeFileSync(path.join(dir, 'clean', 'a.txt'), 'clean');
  const clean = await runScript('scan-secrets.ts', [path.join(dir, 'clean'), '--secrets-file', secrets], {});
  expect(clean.code, clean.stdout + clean.stderr).toBe(0);
  expect(clean.stdout).toContain('no secret found');

  mkdirSync(path.join(dir, 'leaky'));
  writeFileSync(path.join(dir, 'leaky', 'junit.xml'), `authorization: Basic ${Buffer.from(`u:${SECRET.value}`).toString('base64')}`);
  const leaky = await runScript('scan-secrets.ts', [path.join(dir, 'leaky'), '--secrets-file', secrets], {});
  expect(leaky.code).toBe(1);
  expect(leaky.stdout).toContain('junit.xml: VENDOR_PASSWORD as base64');
  expect(leaky.stdout + leaky.stderr).not.toContain(SECRET.value);
});

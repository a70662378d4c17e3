// The scanner's proof that it can see: it plants a canary secret in one artefact of each kind a
// run produces (console log, JSON report, JUnit XML, logged URL, base64 attachment body at each
// of the three byte offsets, trace zip, blob zip holding a trace zip, HTML report with an
// embedded base64 zip, gzip) and must find every one, and nothing in a clean control file.
// A scanner that reports "clean" without this proof could be blind.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync, zipSync } from 'fflate';
import { ArtefactScanner } from './artefact-scanner';
import { basicHeaderPatterns, patternsFor, type SecretPattern } from '../../redaction/secret-encodings';

export interface SelfTestResult {
  ok: boolean;
  lines: string[];
}

// Quote, backslash, colon and a non-ASCII character: every escaping rule changes this value.
const CANARY = { name: 'SELF_TEST_PASSWORD', value: 'Canary"Pass\\word£:7f3a91' };
const USER = { name: 'SELF_TEST_USERNAME', value: 'canary-user' };

function artefacts(): Record<string, Buffer> {
  const secret = CANARY.value;
  const basic = Buffer.from(`${USER.value}:${secret}`).toString('base64');
  const trace = zipSync({
    '0-trace.network': Buffer.from(JSON.stringify({ headers: [{ name: 'Authorization', value: `Basic ${basic}` }] })),
  });
  const body = (offset: number): Buffer =>
    Buffer.from(JSON.stringify({ attachments: [{ body: Buffer.from(`${'x'.repeat(offset)}password=${secret}`).toString('base64') }] }));
  return {
    'stdout.log': Buffer.from(`login as ${USER.value} with ${secret}\n`),
    'results.json': Buffer.from(JSON.stringify({ error: { message: `expected ${secret}` } })),
    'junit.xml': Buffer.from(`<failure>Call log:\n  - authorization: Basic ${basic}\n</failure>`),
    'request.log': Buffer.from(`GET /login?password=${encodeURIComponent(secret)}\n`),
    'attachment-offset-0.json': body(0),
    'attachment-offset-1.json': body(1),
    'attachment-offset-2.json': body(2),
    'trace.zip': Buffer.from(trace),
    'blob-report.zip': Buffer.from(zipSync({ 'resources/trace.zip': trace })),
    'index.html': Buffer.from(
      `<script>window.playwrightReportBase64 = "data:application/zip;base64,${Buffer.from(zipSync({ 'report.json': Buffer.from(JSON.stringify({ secret })) })).toString('base64')}";</script>`,
    ),
    'stdout.log.gz': Buffer.from(gzipSync(Buffer.from(`token ${secret}`))),
  };
}

export function runScannerSelfTest(): SelfTestResult {
  const dir = mkdtempSync(path.join(tmpdir(), 'scan-self-test-'));
  const lines: string[] = [];
  let ok = true;
  try {
    const files = artefacts();
    for (const [name, bytes] of Object.entries(files)) writeFileSync(path.join(dir, name), bytes);
    mkdirSync(path.join(dir, 'clean'));
    writeFileSync(path.join(dir, 'clean', 'control.txt'), 'Canary-like text that holds no secret: Canary Pass word 7f3a91\n');

    const patterns: SecretPattern[] = [...patternsFor(CANARY), ...basicHeaderPatterns(CANARY, [USER])];
    const result = new ArtefactScanner(patterns).scanPaths([dir]);
    for (const name of Object.keys(files)) {
      const hits = result.hits.filter((h) => path.relative(dir, h.where.split('!')[0] ?? '') === name);
      const found = hits.length > 0;
      ok &&= found;
      lines.push(`${found ? 'found ' : 'MISSED'} canary in ${name}${found ? ` (${[...new Set(hits.map((h) => h.encoding))].join(', ')})` : ''}`);
    }
    const falseHits = result.hits.filter((h) => h.where.includes(`${path.sep}clean${path.sep}`));
    ok &&= falseHits.length === 0;
    lines.push(falseHits.length === 0 ? 'clean control file: no hit' : `FALSE HIT in the clean control file (${falseHits.length})`);
    if (result.unreadable.length > 0) {
      ok = false;
      lines.push(...result.unreadable.map((u) => `UNREADABLE ${u}`));
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return { ok, lines };
}

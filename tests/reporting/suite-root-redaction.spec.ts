// Reporting reads no YAML: a suite kept under CONTRACTS_ROOT (the no-code fixture vendor,
// latchkey, with its own secret variables, whose names no name rule recognises, and its API key
// moved to a custom header, X-Latch-Credential) runs with the project's configured reporters. A
// proxy in front of the fixture server hands both secrets back in a response, so failure
// messages quote them. Every report (summary.md and .json, JUnit, Allure results, the HTML
// report, Playwright's JSON) holds their placeholders and never their values. Then, with the
// suite's YAML deleted, the secret scan still knows both secrets: from generated/manifest.json.
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { ArtefactScanner } from '../../src/reporting/scan/artefact-scanner';
import { patternsFor } from '../../src/redaction/secret-encodings';
import { LATCHKEY, startLatchkeyServer, type FixtureServer } from '../nocode/support/latchkey-server';
import { ROOT, cleanEnv, runChild, runScript } from './support/run-fixture';

const HEADER = 'X-Latch-Credential';
const SECRETS = [
  { name: 'LATCHKEY_API_KEY', value: LATCHKEY.apiKey },
  { name: 'LATCHKEY_PASSPHRASE', value: LATCHKEY.passphrase },
];

/** Forwards to the fixture server with the custom header renamed back, and echoes both secrets in /v2/me. */
async function echoingProxy(target: string): Promise<FixtureServer> {
  const server = http.createServer((req, res) => {
    const headers = { ...req.headers };
    headers['x-api-key'] = headers[HEADER.toLowerCase()];
    delete headers[HEADER.toLowerCase()];
    const upstream = http.request(`${target}${req.url ?? ''}`, { method: req.method, headers }, (answer) => {
      const chunks: Buffer[] = [];
      answer.on('data', (c: Buffer) => chunks.push(c));
      answer.on('end', () => {
        let body = Buffer.concat(chunks);
        if (req.url === '/v2/me' && answer.statusCode === 200) {
          const json = JSON.parse(body.toString('utf8')) as Record<string, unknown>;
          body = Buffer.from(JSON.stringify({ ...json, note: `${LATCHKEY.passphrase} / ${LATCHKEY.apiKey}` }));
        }
        const out = { ...answer.headers, 'content-length': String(body.length) };
        delete out['transfer-encoding'];
        res.writeHead(answer.statusCode ?? 502, out);
        res.end(body);
      });
    });
    req.pipe(upstream);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { origin: `http://127.0.0.1:${port}`, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

const servers: FixtureServer[] = [];
test.afterAll(async () => {
  for (const server of servers) await server.close();
});

test('a suite under CONTRACTS_ROOT with its own secrets and credential header is redacted in every report, by its manifest', async () => {
  test.setTimeout(600_000);
  const root = mkdtempSync(path.join(tmpdir(), 'suite-root-'));
  cpSync(path.join(ROOT, 'tests', 'nocode', 'fixture-root'), root, { recursive: true });
  const spec = path.join(root, 'specs', 'latchkey', 'session.yaml');
  writeFileSync(spec, readFileSync(spec, 'utf8').replaceAll('X-Api-Key', HEADER));
  const latchkey = await startLatchkeyServer();
  servers.push(latchkey);
  const proxy = await echoingProxy(latchkey.origin);
  servers.push(proxy);
  writeFileSync(
    path.join(root, 'env', 'staging.env'),
    `LATCHKEY_BASE_URL=${proxy.origin}\nLATCHKEY_API_KEY=${LATCHKEY.apiKey}\nLATCHKEY_LOGIN=${LATCHKEY.login}\nLATCHKEY_PASSPHRASE=${LATCHKEY.passphrase}\n`,
  );
  const reports = path.join(root, 'reports');
  const env = { CI: '1', CONTRACTS_ROOT: root, TARGET: 'staging', REPORTS_DIR: reports };
  const run = await runChild([path.join(ROOT, 'node_modules', '@playwright', 'test', 'cli.js'), 'test', '--output', path.join(reports, 'test-results')], cleanEnv(env));
  expect(run.code, run.stdout.slice(-3000)).toBe(1);

  // The compiled suite knows its own secret names and its custom header.
  const manifest = JSON.parse(readFileSync(path.join(root, 'generated', 'manifest.json'), 'utf8')) as { vendors: { secretVariables: string[]; credentialHeaders: string[] }[] };
  expect(manifest.vendors[0]?.secretVariables.sort()).toEqual(['LATCHKEY_API_KEY', 'LATCHKEY_PASSPHRASE']);
  expect(manifest.vendors[0]?.credentialHeaders).toEqual([HEADER.toLowerCase()]);

  const scanner = new ArtefactScanner(SECRETS.flatMap(patternsFor));
  scanner.scanBuffer(Buffer.from(run.stdout), 'stdout');
  scanner.scanBuffer(Buffer.from(run.stderr), 'stderr');
  const result = scanner.scanPaths([reports]);
  expect(result.unreadable).toEqual([]);
  expect(result.hits.map((h) => `${path.relative(reports, h.where)}: ${h.name} as ${h.encoding}`)).toEqual([]);

  // The echo was caught and its values replaced, in each report, not left out of it.
  const placeholder = '«LATCHKEY_PASSPHRASE»';
  const found = new ArtefactScanner([{ name: 'evidence', encoding: placeholder, bytes: Buffer.from(placeholder) }]).scanPaths([reports]);
  const files = new Set(found.hits.map((h) => path.relative(reports, h.where).split('!')[0]?.split(path.sep)[0]));
  for (const report of ['summary.md', 'summary.json', 'junit.xml', 'results.json', 'html', 'allure-results']) {
    expect(files, `${placeholder} in ${report}`).toContain(report);
  }
  expect(existsSync(path.join(reports, 'allure-results'))).toBe(true);

  // Reporting's own secret rules come from the manifest: with the YAML gone, the scan still
  // knows both secrets (neither name is one a name rule would guess) and finds a planted one.
  rmSync(path.join(root, 'specs'), { recursive: true });
  const planted = path.join(root, 'planted');
  writeFileSync(path.join(planted + '.txt'), `${HEADER}: ${Buffer.from(LATCHKEY.apiKey).toString('base64')}\n`);
  const scan = await runScript('scan-secrets.ts', [`${planted}.txt`], { CONTRACTS_ROOT: root, TARGET: 'staging' });
  expect(scan.code, scan.stdout + scan.stderr).toBe(1);
  expect(scan.stdout + scan.stderr).toContain('LATCHKEY_API_KEY');
  expect(scan.stdout + scan.stderr).not.toContain(LATCHKEY.apiKey);
  const clean = await runScript('scan-secrets.ts', [reports], { CONTRACTS_ROOT: root, TARGET: 'staging' });
  expect(clean.code, clean.stdout + clean.stderr).toBe(0);
});

// The loader on a valid suite: the model it builds, the defaults it fills in, and the source
// position it gives each node.
import { test, expect } from '@playwright/test';
import path from 'node:path';
import type { ContractFile, Scenario, StepSpec } from '../../src/dsl/model';
import { loadSuite } from '../../src/loader/load-suite';

const ROOT = path.join(__dirname, 'fixtures', 'valid');
const { suite, errors } = loadSuite(ROOT);

function file(name: string): ContractFile {
  const found = suite.files.find((f) => f.file === `specs/acme/${name}`);
  if (!found) throw new Error(`specs/acme/${name} was not loaded`);
  return found;
}
function scenario(fileName: string, index: number): Scenario {
  const found = file(fileName).scenarios[index];
  if (!found) throw new Error(`no scenario ${index} in ${fileName}`);
  return found;
}
function step(fileName: string, s: number, index: number): StepSpec {
  const found = scenario(fileName, s).steps[index];
  if (!found) throw new Error(`no step ${index}`);
  return found;
}
const at = (line: number, col: number, name = 'login.yaml'): object => ({ file: `specs/acme/${name}`, line, col });

test('the valid fixture loads without errors, files sorted by path', () => {
  expect(errors).toEqual([]);
  expect(suite.vendors.map((v) => v.vendor)).toEqual(['acme']);
  expect(suite.files.map((f) => f.file)).toEqual(['specs/acme/login.yaml', 'specs/acme/tokens.yaml']);
});

test('the vendor manifest keeps everything vendor.yaml says, with defaults', () => {
  const [acme] = suite.vendors;
  expect(acme?.title).toBe('ACME Identity');
  expect(acme?.baseUrlVar).toBe('ACME_BASE_URL');
  expect(acme?.file).toBe('specs/acme/vendor.yaml');
  expect(acme?.documents.map((d) => [d.key, d.file, d.url])).toEqual([
    ['login', 'acme-login.md', 'https://docs.acme.example/login'],
    ['tokens', 'acme-tokens.md', undefined],
  ]);
  expect(acme?.variables.map((v) => [v.name, v.secret, v.optional])).toEqual([
    ['ACME_USER', false, false],
    ['ACME_PASSWORD', true, false],
    ['ACME_LOCKED_USER', false, true],
  ]);
  expect(acme?.clauses.map((c) => [c.id, c.doc, c.section])).toEqual([
    ['login.ok', 'login', 'Logging in'],
    ['login.refused', 'login', 'Errors'],
    ['token.expires', 'tokens', 'Lifetime'],
  ]);
  // Every clause carries its evidence level (required in vendor.yaml; see the golden load errors).
  expect(acme?.clauses.map((c) => c.evidence)).toEqual(['documented', 'documented', 'documented']);
  expect(acme?.drift).toEqual([]);
  expect(acme?.findings).toEqual([
    {
      id: 'sample-method',
      doc: 'login',
      section: 'Example',
      severity: 'minor',
      text: 'The text says POST; the curl sample uses GET.',
      contract: 'The contract follows the text (POST).',
      loc: { file: 'specs/acme/vendor.yaml', line: 39, col: 5 },
    },
  ]);
  expect(acme?.clauses[1]?.loc).toEqual({ file: 'specs/acme/vendor.yaml', line: 28, col: 3 });
});

test('scenario defaults: severity, lock, doc, sandboxOnly, production, noRetry, tags', () => {
  const first = scenario('login.yaml', 0);
  expect(first).toMatchObject({ severity: 'critical', lock: 'acme-user', doc: 'login', sandboxOnly: false, noRetry: false, tags: ['smoke', 'fast'] });
  expect(first.production).toEqual({ harmful: false });
  const second = scenario('login.yaml', 1);
  expect(second).toMatchObject({ severity: 'normal', lock: 'acme-lockout', noRetry: true, tags: [] });
  expect(second.production).toEqual({ harmful: true, reason: 'repeated wrong passwords lock the account' });
  const expiry = scenario('tokens.yaml', 0);
  expect(expiry.doc).toBe('tokens'); // the scenario's own doc wins over the file's
  expect(expiry.lock).toBeUndefined();
  expect(expiry.sandboxOnly).toBe(true); // implied by the clockOffset of step 2
});

test('requests: query and header values as text, auth schemes, body kinds', () => {
  const login = step('login.yaml', 0, 0).request;
  expect(login.query).toEqual({ page: '1', verbose: 'true' });
  expect(login.headers).toEqual({ Accept: 'application/json', 'X-Request-Id': '{{$uuid}}' });
  expect(login.auth).toEqual({ kind: 'basic', username: '{{ACME_USER}}', password: '{{ACME_PASSWORD}}', scheme: 'Basic', loc: at(19, 11) });
  expect(login.body).toEqual({ kind: 'json', value: { remember: true, who: { name: '{{ACME_USER}}', tries: 1 } }, loc: at(21, 11) });
  expect(step('login.yaml', 0, 1).request.auth).toEqual({ kind: 'bearer', token: '{{token}}', scheme: 'Bearer', loc: at(48, 11) });
  const wrong = step('login.yaml', 1, 0).request;
  expect(wrong.auth).toMatchObject({ kind: 'basic', scheme: '' });
  expect(wrong.body).toEqual({ kind: 'form', fields: { attempt: '1', scope: ['read', '2', 'true'] }, loc: at(66, 11) });
  const expired = step('tokens.yaml', 0, 1).request;
  expect(expired.auth).toEqual({ kind: 'header', header: 'X-Api-Token', value: '{{token}}', loc: at(24, 11, 'tokens.yaml') });
  expect(expired.body).toEqual({ kind: 'raw', text: '{not json', loc: at(26, 11, 'tokens.yaml') });
  expect(expired.clockOffsetSeconds).toBe(660);
  expect(step('tokens.yaml', 0, 0).request.body).toMatchObject({ kind: 'multipart', fields: { user: '{{ACME_USER}}', password: '{{ACME_PASSWORD}}' } });
});

test('expectations: status lists, lower-cased header names, matcher kinds, schema', () => {
  const exp = step('login.yaml', 0, 0).expect;
  expect(exp.status).toEqual({ codes: [200], loc: at(25, 19) });
  expect(step('login.yaml', 0, 1).expect.status?.codes).toEqual([200, 204]);
  expect(exp.headers.map((h) => [h.name, h.matcher.kind])).toEqual([
    ['content-type', 'pattern'],
    ['cache-control', 'equals'],
    ['www-authenticate', 'absent'],
  ]);
  expect(exp.cookies).toEqual([{ name: 'session', matcher: { kind: 'present', loc: at(31, 13) } }]);
  expect(exp.schema).toEqual({ file: 'acme/token.json', loc: at(32, 19) });
  expect(exp.body.map((b) => b.name)).toEqual(['token', 'user.name', 'roles[0]', "meta['odd key']", 'expires_in', 'refresh']);
  expect(exp.body[3]?.matcher).toEqual({ kind: 'equals', value: { a: 1 }, loc: at(37, 13) });
  expect(exp.body[5]?.matcher).toEqual({ kind: 'equals', value: null, loc: at(39, 13) });
  expect(step('login.yaml', 0, 1).expect.body[0]?.matcher).toEqual({ kind: 'notEquals', value: '{{token}}', loc: at(52, 13) });
});

test('captures are secret unless secret: false; header names lower-cased', () => {
  expect(step('login.yaml', 0, 0).captures).toEqual([
    { name: 'token', from: 'body', path: 'token', secret: true, loc: at(41, 11) },
    { name: 'requestId', from: 'header', path: 'x-request-id', secret: false, loc: at(42, 11) },
    { name: 'session', from: 'cookie', path: 'session', secret: true, loc: at(43, 11) },
  ]);
});

test('every node carries the position of the YAML that wrote it', () => {
  expect(file('login.yaml').loc).toEqual(at(2, 1));
  expect(scenario('login.yaml', 0).loc).toEqual(at(7, 5));
  expect(scenario('login.yaml', 1).loc).toEqual(at(54, 5));
  expect(step('login.yaml', 0, 0).loc).toEqual(at(13, 9));
  expect(step('login.yaml', 0, 0).request.loc).toEqual(at(14, 9));
  expect(step('login.yaml', 0, 0).expect.loc).toEqual(at(24, 9));
  expect(step('login.yaml', 0, 0).expect.headers[0]?.matcher.loc).toEqual(at(27, 13));
});

test('options.vendors loads only the vendors asked for, and names an unknown one', () => {
  expect(loadSuite(ROOT, { vendors: ['acme'] }).suite.files).toHaveLength(2);
  const none = loadSuite(ROOT, { vendors: ['zeta'] });
  expect(none.suite).toEqual({ vendors: [], files: [] });
  expect(none.errors.map((e) => e.message)).toEqual([
    "vendor 'zeta' was asked for, so specs/zeta/vendor.yaml must exist; the vendors under specs/ are acme",
  ]);
});

test('whenStatus and otherwise beside a matcher: kept on the expectation, the matcher stays one rule', () => {
  const expired = step('tokens.yaml', 0, 1).expect;
  expect(expired.status?.codes).toEqual([401, 403]);
  expect(expired.headers).toEqual([
    {
      name: 'www-authenticate',
      matcher: { kind: 'pattern', pattern: '^bearer', flags: 'i', loc: at(30, 13, 'tokens.yaml') },
      whenStatus: [401],
      otherwise: { kind: 'absent', loc: at(30, 82, 'tokens.yaml') },
    },
  ]);
});

// A broken file contributes nothing, while the rest of the suite still loads; all errors of all
// files are reported together.
import { test, expect } from '@playwright/test';
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { loadSuite } from '../../src/loader/load-suite';

const VALID = path.join(__dirname, 'fixtures', 'valid');

function copyOfValid(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'loader-'));
  cpSync(VALID, dir, { recursive: true });
  return dir;
}

test('a file with an error is left out; the other files still load', () => {
  const root = copyOfValid();
  try {
    writeFileSync(path.join(root, 'specs/acme/tokens.yaml'), 'vendor: acme\nfeature: x\ndoc: login\nscenarios: []\n');
    const { suite, errors } = loadSuite(root);
    expect(errors.map((e) => `${e.loc.file}:${e.loc.line}`)).toEqual(['specs/acme/tokens.yaml:4']);
    expect(suite.files.map((f) => f.file)).toEqual(['specs/acme/login.yaml']);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test('a broken vendor.yaml takes its vendor out of the suite, but its contract files are still checked', () => {
  const root = copyOfValid();
  try {
    // Valid but for one typo, and without the variables, documents and clauses the contracts use.
    const manifest = 'vendor: acme\ntitle: ACME\nbaseUrl: ACME_BASE_URL\ndocuments: { login: { file: a.md, titel: A } }\nclauses: { login.ok: { text: t, doc: login, section: s, evidence: documented } }\n';
    writeFileSync(path.join(root, 'specs/acme/vendor.yaml'), manifest);
    const { suite, errors } = loadSuite(root);
    expect(suite).toEqual({ vendors: [], files: [] });
    const kinds = new Set(errors.map((e) => e.title));
    // 'titel' (did you mean 'title'?) also stands for the missing 'title': one error, not two.
    expect([...kinds].sort()).toEqual(['undeclared variable', 'unknown clause', 'unknown document', 'unknown key in documents.login']);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test('a contract whose response schema is broken is left out; the schema error is reported once', () => {
  const root = copyOfValid();
  try {
    writeFileSync(path.join(root, 'schemas/acme/token.json'), '{ "type": "object", "required": ["x"] }\n');
    const { suite, errors } = loadSuite(root);
    expect(errors.map((e) => `${e.loc.file}:${e.loc.line}:${e.loc.col} ${e.message}`)).toEqual([
      "schemas/acme/token.json:1:34 required property 'x' must also be defined under properties (ajv strict mode)",
    ]);
    expect(suite.files.map((f) => f.file)).toEqual(['specs/acme/tokens.yaml']);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test('response schemas may $ref another schema file, resolved as the runtime resolves it', () => {
  const root = copyOfValid();
  try {
    writeFileSync(path.join(root, 'schemas/acme/token.json'), '{ "type": "object", "properties": { "error": { "$ref": "error.json" } } }\n');
    writeFileSync(path.join(root, 'schemas/acme/error.json'), '{ "type": "object", "properties": { "detail": { "type": "string" } } }\n');
    expect(loadSuite(root).errors).toEqual([]);
    writeFileSync(path.join(root, 'schemas/acme/error.json'), '{ "type": "objekt" }\n');
    expect(loadSuite(root).errors.map((e) => `${e.loc.file}:${e.loc.line}:${e.loc.col}`)).toEqual(['schemas/acme/error.json:1:11', 'schemas/acme/token.json:1:56']);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test('loading twice in one process gives the same answer (no state leaks between loads)', () => {
  const first = loadSuite(VALID);
  const second = loadSuite(VALID);
  expect(second).toEqual(first);
  expect(second.errors).toEqual([]);
});

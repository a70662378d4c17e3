// The facts reporting, the scanner and the monitor know about the suite that ran: the compiler's
// generated/manifest.json (src/dsl/manifest.ts) under the contracts root. Nothing on this side
// reads a YAML or spec file. CONTRACTS_ROOT is resolved as the runtime resolves it, so a suite
// kept elsewhere is reported, and redacted, by its own manifest.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { MANIFEST_FILE, type ManifestClause, type ManifestVendor, type SuiteManifest } from '../dsl/manifest';
import type { Evidence } from '../dsl/facts';

/** The project root: src/reporting -> two levels up. */
export const PROJECT_ROOT = path.resolve(__dirname, '..', '..');

export function suiteRoot(processEnv: NodeJS.ProcessEnv = process.env): string {
  const root = processEnv.CONTRACTS_ROOT?.trim();
  return root ? path.resolve(root) : PROJECT_ROOT;
}

const cache = new Map<string, SuiteManifest>();

/** The manifest of the suite at root; an empty one before the first compile. */
export function readManifest(root = suiteRoot()): SuiteManifest {
  const file = path.join(root, 'generated', MANIFEST_FILE);
  let manifest = cache.get(file);
  if (!manifest) {
    manifest = existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as SuiteManifest) : { version: 1, vendors: [] };
    cache.set(file, manifest);
  }
  return manifest;
}

export function secretVariableNames(manifest = readManifest()): Set<string> {
  return new Set(manifest.vendors.flatMap((v) => v.secretVariables));
}

export function credentialHeaders(manifest = readManifest()): string[] {
  return [...new Set(manifest.vendors.flatMap((v) => v.credentialHeaders))];
}

/** Document file name -> published URL. */
export function documentUrls(manifest = readManifest()): Map<string, string> {
  return new Map(manifest.vendors.flatMap((v) => v.documents.flatMap((d) => (d.url ? [[d.file, d.url] as [string, string]] : []))));
}

export function vendorOf(manifest: SuiteManifest, vendor: string): ManifestVendor | undefined {
  return manifest.vendors.find((v) => v.vendor === vendor);
}

export function clauseOf(manifest: SuiteManifest, vendor: string, id: string): ManifestClause | undefined {
  return vendorOf(manifest, vendor)?.clauses.find((c) => c.id === id);
}

/** A clause's evidence level, from its `evidence` field when vendor.yaml gives one. */
export function evidenceOf(clause: ManifestClause | undefined): Evidence {
  const value = clause?.evidence;
  return value === 'observed' || value === 'inferred' ? value : 'documented';
}

/** "truedat-create-session.md § Section" for a clause, from its document key. */
export function clauseDoc(manifest: SuiteManifest, vendor: string, clause: ManifestClause): string {
  const file = vendorOf(manifest, vendor)?.documents.find((d) => d.key === clause.doc)?.file ?? clause.doc;
  return `${file} § ${clause.section}`;
}

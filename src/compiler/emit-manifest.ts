// generated/manifest.json (src/dsl/manifest.ts) from the loaded suite: what reporting, the
// scanner and the monitor know about the suite that actually ran. Clause fields are copied as
// written, so a field added to vendor.yaml (evidence, source...) reaches them with no change here.
import type { ContractSuite, Scenario, VendorManifest } from '../dsl/model';
import { lockoutRequests, lockoutVariable, spendsLockout } from '../dsl/lockout';
import { MANIFEST_VERSION, type ManifestScenario, type ManifestVendor, type SuiteManifest } from '../dsl/manifest';

const at = (loc: { file: string; line: number }): string => `${loc.file}:${loc.line}`;

/** `specOf`: the generated spec (relative to generated/) that holds each scenario. */
export function emitManifest(suite: ContractSuite, specOf: ReadonlyMap<Scenario, string>): string {
  const manifest: SuiteManifest = {
    version: MANIFEST_VERSION,
    vendors: [...suite.vendors].sort((a, b) => a.vendor.localeCompare(b.vendor)).map((v) => vendorEntry(v, suite, specOf)),
  };
  return `${JSON.stringify(manifest, null, 2)}\n`;
}

function vendorEntry(vendor: VendorManifest, suite: ContractSuite, specOf: ReadonlyMap<Scenario, string>): ManifestVendor {
  const files = suite.files.filter((f) => f.vendor === vendor.vendor).sort((a, b) => a.file.localeCompare(b.file));
  const scenarios = files.flatMap((f) => f.scenarios);
  const headers = scenarios.flatMap((s) => s.steps.flatMap((step) => (step.request.auth?.kind === 'header' ? [step.request.auth.header.toLowerCase()] : [])));
  return {
    vendor: vendor.vendor,
    title: vendor.title,
    baseUrlVar: vendor.baseUrlVar,
    baseUrlVars: vendor.bases.length > 0 ? vendor.bases.map((b) => b.variable) : [vendor.baseUrlVar],
    ...(vendor.requestTimeoutMs !== undefined ? { requestTimeoutMs: vendor.requestTimeoutMs } : {}),
    documents: vendor.documents.map((d) => ({ key: d.key, file: d.file, title: d.title, ...(d.url ? { url: d.url } : {}) })),
    variables: vendor.variables.map((v) => ({ name: v.name, secret: v.secret, optional: v.optional })),
    secretVariables: vendor.variables.filter((v) => v.secret).map((v) => v.name),
    credentialHeaders: [...new Set(headers)].sort(),
    clauses: vendor.clauses.map((c) => ({ id: c.id, ...c.fields, text: c.text, doc: c.doc, section: c.section, yaml: at(c.loc) })),
    findings: vendor.findings.map((f) => ({ id: f.id, doc: f.doc, section: f.section, severity: f.severity, text: f.text })),
    scenarios: scenarios.map((s) => scenarioEntry(s, vendor, specOf.get(s) ?? '')),
    locks: [...new Set(scenarios.flatMap((s) => (s.lock ? [s.lock] : [])))].sort(),
    tags: [...new Set(scenarios.flatMap((s) => s.tags))].sort(),
  };
}

function scenarioEntry(s: Scenario, vendor: VendorManifest, spec: string): ManifestScenario {
  const requests = s.steps.filter(spendsLockout).map((step) => step.request);
  const variable = s.noRetry ? lockoutVariable(requests, vendor.variables) : undefined;
  const count = variable ? lockoutRequests(requests, vendor.variables, variable) : 0;
  const sandboxOnly = s.sandboxOnly || s.steps.some((step) => step.request.clockOffsetSeconds !== undefined);
  const lockout = variable ? { variable, ...(s.production.harmful ? { harmful: true as const } : {}), ...(sandboxOnly ? { sandboxOnly: true as const } : {}), ...(count > 1 ? { requests: count } : {}) } : undefined;
  return { name: s.name, yaml: at(s.loc), spec, clauses: s.clauses, tags: s.tags, ...(s.lock ? { lock: s.lock } : {}), ...(lockout ? { lockout } : {}) };
}

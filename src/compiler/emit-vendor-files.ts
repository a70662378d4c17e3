// Emits the two per-vendor files: `vendor.ts`, the run-time facts of vendor.yaml that every spec
// of the vendor imports (its base URL variable, which variables are secret or optional, each
// clause's evidence level and the known drift), and
// `findings.spec.ts`, one always-passing test whose annotations carry the document findings
// into every report without ever failing the run.
import type { Finding, VendorManifest } from '../dsl/model';
import { docLabel, INDENT } from './emit-contract-file';
import { printLiteral, quote } from './print-literal';

export function emitVendorInfo(vendor: VendorManifest, runtimeImport: string): string {
  const info = {
    vendor: vendor.vendor,
    title: vendor.title,
    baseUrlVar: vendor.baseUrlVar,
    ...(vendor.bases.length > 0 ? { bases: Object.fromEntries(vendor.bases.map((b) => [b.name, b.variable])) } : {}),
    variables: vendor.variables.map((v) => ({ name: v.name, secret: v.secret, optional: v.optional })),
    // What the runtime needs to judge a failure (runtime/verdict.ts): evidence levels and drift.
    evidence: Object.fromEntries(vendor.clauses.map((c) => [c.id, c.evidence])),
    drift: vendor.drift.map((d) => ({ id: d.id, clause: d.clause, yaml: `${d.loc.file}:${d.loc.line}`, text: d.text, source: d.source, observed: d.observed })),
    // Only when set, so every other vendor's file stays as it was.
    ...(vendor.requestTimeoutMs !== undefined ? { requestTimeoutMs: vendor.requestTimeoutMs } : {}),
  };
  return [
    `// Generated from ${vendor.file} by \`npm run compile\`; do not edit.`,
    `import type { VendorInfo } from ${quote(runtimeImport)};`,
    '',
    `export const vendor: VendorInfo = ${printLiteral(info, { file: vendor.file, indent: INDENT, base: '' })};`,
    '',
  ].join('\n');
}

export function emitFindings(vendor: VendorManifest, runtimeImport: string): string {
  const details = {
    tag: [`@${vendor.vendor}`, '@findings'],
    annotation: vendor.findings.map((f) => ({ type: 'finding', description: findingText(vendor, f) })),
  };
  const options = { file: vendor.file, indent: INDENT, base: INDENT };
  return [
    `// Generated from ${vendor.file} by \`npm run compile\`; do not edit.`,
    `// ${vendor.findings.length} document finding(s) of ${vendor.title}: reported, never failing the run.`,
    // Through the runtime, not '@playwright/test' directly: a suite outside the project
    // (CONTRACTS_ROOT) has no node_modules to resolve the package from.
    `import { test } from ${quote(runtimeImport)};`,
    '',
    `test.describe(${quote(vendor.vendor)}, () => {`,
    `${INDENT}test('document findings', ${printLiteral(details, options)}, () => {`,
    `${INDENT}${INDENT}// The findings travel in the annotations; there is nothing to check at run time.`,
    `${INDENT}});`,
    '});',
    '',
  ].join('\n');
}

/** "[major] truedat-create-session.md § Request Body: <text> — contract: <contract>". */
export function findingText(vendor: VendorManifest, finding: Finding): string {
  return `[${finding.severity}] ${docLabel(vendor, finding.doc, finding.section)}: ${finding.text} — contract: ${finding.contract}`;
}

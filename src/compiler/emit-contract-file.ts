// Emits the Playwright spec for one contract file: one test per scenario inside
// `test.describe('<vendor>')`, so titles read `<vendor> › <scenario>`. Tags, annotations and the
// lock go in the test details; each step is one test.step whose title shows the method, the
// path template and the step name, and whose body hands the step's model literal to the runtime.
import type { ContractFile, Scenario, VendorManifest } from '../dsl/model';
import { printLiteral, quote } from './print-literal';
import { sandboxReason, scenarioVariables, stepTitle } from './scenario-facts';

export const INDENT = '  ';

export interface EmitContext {
  vendor: VendorManifest;
  /** Module specifier of src/runtime/contract-test, relative to the generated file. */
  runtimeImport: string;
}

export function emitContractFile(file: ContractFile, ctx: EmitContext): string {
  const out: string[] = [
    `// Generated from ${file.file} by \`npm run compile\`; do not edit.`,
    `// ${file.vendor}: ${file.feature}`,
    `import { test } from ${quote(ctx.runtimeImport)};`,
    `import { vendor } from './vendor';`,
    '',
    `const at = (line: number, col: number) => ({ file: ${quote(file.file)}, line, col });`,
    '',
    `test.describe(${quote(file.vendor)}, () => {`,
    `${INDENT}test.use({ contractVendor: vendor });`,
  ];
  for (const scenario of file.scenarios) {
    out.push('', ...emitScenario(scenario, file, ctx));
  }
  out.push('});', '');
  return out.join('\n');
}

function emitScenario(scenario: Scenario, file: ContractFile, ctx: EmitContext): string[] {
  // noRetry: an anonymous describe adds no title segment, and lets this one test opt out of
  // retries (negative-credential requests burn the vendor's lockout budget).
  if (scenario.noRetry) {
    return [
      `${INDENT}test.describe(() => {`,
      `${INDENT.repeat(2)}test.describe.configure({ retries: 0 });`,
      ...emitTest(scenario, file, ctx, INDENT.repeat(2)),
      `${INDENT}});`,
    ];
  }
  return emitTest(scenario, file, ctx, INDENT);
}

/** The test() call, each line indented from `base`; literals are printed to fit that nesting. */
function emitTest(scenario: Scenario, file: ContractFile, ctx: EmitContext, base: string): string[] {
  const details = {
    tag: [`@${file.vendor}`, ...scenario.tags.map((t) => `@${t}`)],
    annotation: annotations(scenario, file, ctx.vendor),
    lock: scenario.lock,
  };
  const reason = sandboxReason(scenario);
  const info = {
    name: scenario.name,
    source: `${scenario.loc.file}:${scenario.loc.line}`,
    doc: docLabel(ctx.vendor, scenario.doc, scenario.section),
    variables: scenarioVariables(scenario, ctx.vendor),
    sandboxOnly: reason !== undefined,
    sandboxReason: reason,
    production: scenario.production,
  };
  const arg = base + INDENT;
  const body = arg + INDENT;
  const print = (value: unknown, at: string): string => printLiteral(value, { file: file.file, indent: INDENT, base: at });
  const lines = [
    `${base}test(`,
    `${arg}${quote(scenario.name)},`,
    `${arg}${print(details, arg)},`,
    `${arg}async ({ contract }) => {`,
    `${body}contract.begin(${print(info, body)});`,
  ];
  for (const step of scenario.steps) {
    lines.push(`${body}await test.step(${quote(stepTitle(step))}, async () => {`);
    lines.push(`${body}${INDENT}await contract.step(${print(step, body + INDENT)});`);
    lines.push(`${body}});`);
  }
  lines.push(`${arg}},`, `${base});`);
  return lines;
}

function annotations(scenario: Scenario, file: ContractFile, vendor: VendorManifest): { type: string; description: string }[] {
  return [
    { type: 'source', description: `${scenario.loc.file}:${scenario.loc.line}` },
    { type: 'doc', description: docLabel(vendor, scenario.doc, scenario.section) },
    ...scenario.clauses.map((clause) => ({ type: 'clause', description: clause })),
    { type: 'severity', description: scenario.severity },
    { type: 'feature', description: file.feature },
  ];
}

/** "truedat-create-session.md § Request Body": the document's file and the section. */
export function docLabel(vendor: VendorManifest, docKey: string, section: string): string {
  const doc = vendor.documents.find((d) => d.key === docKey);
  return `${doc?.file ?? docKey} § ${section}`;
}

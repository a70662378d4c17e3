// Emits the Playwright spec for one contract file: one test per scenario inside
// `test.describe('<vendor>')`, so titles read `<vendor> › <scenario>`. Tags, annotations and the
// lock go in the test details; each step is one test.step whose title shows the method, the
// path template and the step name, and whose body hands the step's model literal to the runtime.
import type { ContractFile, Scenario, VendorManifest } from '../dsl/model';
import { compactScenario, compactStep } from '../dsl/compact';
import { printLiteral, quote } from './print-literal';
import { sandboxReason, scenarioVariables, stepTitle } from './scenario-facts';

export const INDENT = '  ';

export interface EmitContext {
  vendor: VendorManifest;
  /** Module specifier of src/runtime/contract-test, relative to the generated file. */
  runtimeImport: string;
  /** Module specifier of the vendor's generated vendor.ts, relative to the generated file. */
  vendorImport: string;
  /** Set for a lock's chain: the lock and how many requests run one after another under it. */
  lock?: { name: string; steps: number };
}

export function emitContractFile(file: ContractFile, ctx: EmitContext): string {
  return emitContractFiles([file], ctx);
}

/**
 * One spec for one contract file, or for a lock's chain: the scenarios of several files that take
 * the same lock. Playwright shards whole files, so keeping a lock's scenarios in one file keeps
 * them on one machine in a sharded run, where the lock holds; each file keeps its own describe
 * block and source locations.
 */
export function emitContractFiles(files: readonly ContractFile[], ctx: EmitContext): string {
  const [first] = files;
  if (!first) throw new Error('emitContractFiles needs at least one contract file');
  const names = files.map((f) => f.file);
  const out: string[] = [
    `// Generated from ${names.join(', ')} by \`npm run compile\`; do not edit.`,
    ctx.lock
      ? `// Lock ${ctx.lock.name}: ${ctx.lock.steps} request${ctx.lock.steps === 1 ? '' : 's'} in turn, one spec so one shard holds them; the longest chain sorts first.`
      : `// ${first.vendor}: ${first.feature}`,
    `import path from 'node:path';`,
    `import { expandStep, scenario, scenarioAnnotations, test } from ${quote(ctx.runtimeImport)};`,
    `import { vendor } from ${quote(ctx.vendorImport)};`,
    '',
  ];
  if (!ctx.lock) {
    out.push(...emitDescribe(first, ctx));
  } else {
    for (const file of files) {
      // A block per file: each has its own `at` for its own YAML file.
      const body = emitDescribe(file, ctx).join('\n').trimEnd().split('\n');
      out.push(`// ${file.vendor}: ${file.feature} (${file.file})`, '{', ...body.map((l) => (l ? INDENT + l : l)), '}', '');
    }
  }
  return out.join('\n');
}

function emitDescribe(file: ContractFile, ctx: EmitContext): string[] {
  const out: string[] = [
    `const at = (line: number, col: number) => ({ file: ${quote(file.file)}, line, col });`,
    '// Where each test.step points in reports (HTML, list, line): the YAML step, not this file.',
    `const yaml = (line: number, column: number) => ({ file: path.join(__dirname, '..', '..', ${quote(file.file)}), line, column });`,
    `const feature = ${quote(file.feature)};`,
    '',
    `test.describe(${quote(file.vendor)}, () => {`,
    `${INDENT}test.use({ contractVendor: vendor });`,
  ];
  for (const scenario of file.scenarios) {
    out.push('', ...emitScenario(scenario, file, ctx));
  }
  out.push('});', '');
  return out;
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

/**
 * The test() call in a block of its own, each line indented from `base`. The scenario's facts are
 * printed once, in the literal handed to the runtime, and the annotations are built from it;
 * steps and facts leave out their empty defaults (dsl/compact.ts), which the runtime restores.
 */
function emitTest(scenario: Scenario, file: ContractFile, ctx: EmitContext, base: string): string[] {
  const reason = sandboxReason(scenario);
  const info = compactScenario({
    name: scenario.name,
    source: `${scenario.loc.file}:${scenario.loc.line}`,
    doc: docLabel(ctx.vendor, scenario.doc, scenario.section),
    clauses: scenario.clauses,
    variables: scenarioVariables(scenario, ctx.vendor),
    sandboxOnly: reason !== undefined,
    sandboxReason: reason,
    production: scenario.production,
    // Only when set, so the literal of every other scenario stays as it was.
    ...(scenario.noRetry ? { noRetry: true } : {}),
    ...(scenario.bodyLimitBytes !== undefined ? { bodyLimitBytes: scenario.bodyLimitBytes } : {}),
  });
  const tags = [`@${file.vendor}`, ...scenario.tags.map((t) => `@${t}`)];
  const inner = base + INDENT;
  const body = inner + INDENT;
  const print = (value: unknown, at: string): string => printLiteral(value, { file: file.file, indent: INDENT, base: at });
  const details = [
    `tag: ${print(tags, inner)}`,
    `annotation: scenarioAnnotations(s, ${quote(scenario.severity)}, feature)`,
    ...(scenario.lock ? [`lock: ${quote(scenario.lock)}`] : []),
  ];
  const lines = [
    `${base}{`,
    `${inner}const s = scenario(${print(info, inner)});`,
    `${inner}test(s.name, { ${details.join(', ')} }, async ({ contract }) => {`,
    `${body}contract.begin(s);`,
  ];
  for (const step of scenario.steps) {
    lines.push(`${body}await test.step(${quote(stepTitle(step))}, async () => {`);
    lines.push(`${body}${INDENT}await contract.step(expandStep(${print(compactStep(step), body + INDENT)}));`);
    lines.push(`${body}}, { location: yaml(${step.loc.line}, ${step.loc.col}) });`);
  }
  lines.push(`${inner}});`, `${base}}`);
  return lines;
}

/** "truedat-create-session.md § Request Body": the document's file and the section. */
export function docLabel(vendor: VendorManifest, docKey: string, section: string): string {
  const doc = vendor.documents.find((d) => d.key === docKey);
  return `${doc?.file ?? docKey} § ${section}`;
}

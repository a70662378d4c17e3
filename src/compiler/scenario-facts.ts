// What the compiler works out about a scenario ahead of run time: the vendor variables its
// templates use (so the runtime can skip or fail before sending anything), whether it needs the
// sandbox, and the step titles, which show templates as «NAME» and never a rendered value.
import type { Scenario, StepSpec, TemplateValue, VendorManifest } from '../dsl/model';

const TEMPLATE = /\{\{\s*([$A-Za-z_][\w.$-]*)\s*\}\}/g;

/** The vendor variables a scenario's templates use, in order of first use. */
export function scenarioVariables(scenario: Scenario, vendor: VendorManifest): string[] {
  const declared = new Set(vendor.variables.map((v) => v.name));
  const found = new Set<string>();
  for (const step of scenario.steps) {
    for (const text of stepTemplates(step)) {
      for (const match of text.matchAll(TEMPLATE)) {
        const name = match[1] as string;
        if (declared.has(name) && name !== vendor.baseUrlVar && !vendor.bases.some((b) => b.variable === name)) found.add(name);
      }
    }
  }
  return [...found];
}

/** Why the scenario needs the sandbox, or undefined when it can run anywhere. */
export function sandboxReason(scenario: Scenario): string | undefined {
  if (scenario.steps.some((s) => s.request.clockOffsetSeconds !== undefined)) return 'the scenario moves the sandbox clock (clockOffset)';
  if (scenario.sandboxOnly) return 'the scenario needs sandbox-only controls or accounts (sandboxOnly: true)';
  return undefined;
}

/** "POST /api/sessions — create the session", with templates shown as «NAME». */
export function stepTitle(step: StepSpec): string {
  return `${step.request.method} ${placeholders(step.request.path)} — ${placeholders(step.name)}`;
}

export function placeholders(text: string): string {
  return text.replace(TEMPLATE, (_m, name: string) => `«${name}»`);
}

function* stepTemplates(step: StepSpec): Generator<string> {
  const { request } = step;
  yield request.path;
  yield* Object.values(request.query);
  yield* Object.values(request.headers);
  if (request.auth?.kind === 'basic') yield* [request.auth.username, request.auth.password];
  if (request.auth?.kind === 'bearer') yield request.auth.token;
  if (request.auth?.kind === 'header') yield request.auth.value;
  if (request.body?.kind === 'json') yield* strings(request.body.value);
  if (request.body?.kind === 'form' || request.body?.kind === 'multipart') yield* Object.values(request.body.fields).flat();
  if (request.body?.kind === 'raw') yield request.body.text;
  for (const named of [...step.expect.headers, ...step.expect.cookies, ...step.expect.body]) {
    const m = named.matcher;
    if (m.kind === 'equals' || m.kind === 'notEquals') yield* strings(m.value);
  }
}

function* strings(value: TemplateValue): Generator<string> {
  if (typeof value === 'string') yield value;
  else if (Array.isArray(value)) for (const item of value) yield* strings(item);
  else if (value !== null && typeof value === 'object') for (const item of Object.values(value)) yield* strings(item);
}

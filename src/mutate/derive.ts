// Derives mutants from the contract itself, never from a recording: each expected status turned
// into a neighbour, each required schema property dropped or retyped, each const/enum or exact
// value changed, each checked header or cookie removed (or added where it must be absent), a
// JSON answer turned into a 200 HTML page, and a credential that stops working in the step
// that uses it (schema mutants follow $refs: schema-mutations.ts). Duplicates (a body matcher
// and a schema const on one path) are kept once.
import path from 'node:path';
import type { ContractSuite, NamedMatcher, StepSpec } from '../dsl/model';
import { parseBodyPath } from '../matchers/body-path';
import type { Mutant, Mutation } from './mutant';
import { schemaMutations } from './schema-mutations';

const TEMPLATE_NAME = /\{\{\s*([$A-Za-z_][\w.$-]*)\s*\}\}/g;

export function deriveMutants(suite: ContractSuite, vendor: string, root: string): Mutant[] {
  const out: Mutant[] = [];
  const seen = new Set<string>();
  for (const file of suite.files.filter((f) => f.vendor === vendor)) {
    for (const scenario of file.scenarios) {
      const captured = new Set<string>();
      scenario.steps.forEach((step, index) => {
        for (const [mutation, description] of stepMutations(step, root, captured)) {
          const key = `${file.file}#${scenario.name}#${index}#${JSON.stringify(mutation)}`;
          if (seen.has(key)) continue;
          seen.add(key);
          out.push({ id: `m${out.length + 1}`, file: file.file, scenario: scenario.name, step: index, stepName: step.name, clauses: scenario.clauses, mutation, description });
        }
        for (const capture of step.captures) captured.add(capture.name);
      });
    }
  }
  return out;
}

function* stepMutations(step: StepSpec, root: string, captured: ReadonlySet<string>): Generator<[Mutation, string]> {
  const { expect } = step;
  for (const code of expect.status?.codes.slice(0, 1) ?? []) {
    const neighbour = [code + 1, code - 1, code + 2].find((c) => c >= 100 && c <= 599 && !expect.status?.codes.includes(c));
    if (neighbour !== undefined) yield [{ kind: 'status', status: neighbour }, `status ${code} -> ${neighbour}`];
  }
  for (const h of expect.headers) {
    yield h.matcher.kind === 'absent' ? [{ kind: 'add-header', header: h.name }, `header ${h.name} added`] : [{ kind: 'remove-header', header: h.name }, `header ${h.name} removed`];
    // `otherwise: { absent: true }` (whenStatus): the header turning up on the other statuses.
    if (h.otherwise?.kind === 'absent' && h.matcher.kind !== 'absent') yield [{ kind: 'add-header', header: h.name }, `header ${h.name} added`];
  }
  for (const c of expect.cookies) {
    yield c.matcher.kind === 'absent' ? [{ kind: 'add-cookie', cookie: c.name }, `cookie ${c.name} set`] : [{ kind: 'remove-cookie', cookie: c.name }, `cookie ${c.name} not set`];
  }
  for (const b of expect.body) yield bodyMutation(b);
  if (expect.schema) yield* schemaMutations(path.join(root, 'schemas'), expect.schema.file);
  if (expect.schema || expect.body.length > 0) yield [{ kind: 'html-page' }, 'a 200 HTML page instead of the JSON answer'];
  if (usesCapture(step, captured)) yield [{ kind: 'token-refused' }, 'the credential from an earlier step stops working (401)'];
}

function bodyMutation(b: NamedMatcher): [Mutation, string] {
  const at = parseBodyPath(b.name);
  if (b.matcher.kind === 'present') return [{ kind: 'drop-property', path: at }, `body ${b.name} dropped`];
  if (b.matcher.kind === 'absent') return [{ kind: 'add-property', path: at }, `body ${b.name} added`];
  return [{ kind: 'change-value', path: at }, `body ${b.name} changed`];
}

function usesCapture(step: StepSpec, captured: ReadonlySet<string>): boolean {
  const texts = [step.request.path, ...Object.values(step.request.headers), ...Object.values(step.request.query)];
  const auth = step.request.auth;
  if (auth?.kind === 'bearer') texts.push(auth.token);
  if (auth?.kind === 'header') texts.push(auth.value);
  if (auth?.kind === 'basic') texts.push(auth.username, auth.password);
  return texts.some((t) => [...t.matchAll(TEMPLATE_NAME)].some((m) => captured.has(m[1] ?? '')));
}

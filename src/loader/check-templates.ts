// Every {{NAME}} in a scenario must resolve at run time: to a capture of an earlier step, a
// variable declared in vendor.yaml (or the vendor's baseUrl variable), or a built-in.
import type { StepSpec, VendorManifest } from '../dsl/model';
import { didYouMean } from './did-you-mean';
import type { Path } from './located';
import type { Problems } from './problems';
import { dict, isDict, list } from './view';

export const BUILT_INS: readonly string[] = ['$uuid'];
const TEMPLATE = /\{\{(.*?)\}\}/g;
const NAME = /^\$?[A-Za-z_][A-Za-z0-9_]*$/;

export function checkTemplates(rawSteps: unknown, steps: readonly StepSpec[], scenario: Path, manifest: VendorManifest, problems: Problems): void {
  const variables = [manifest.baseUrlVar, ...manifest.bases.map((b) => b.variable), ...manifest.variables.map((v) => v.name)];
  // Where each capture is made: the first step that captures the name.
  const capturedAt = new Map<string, number>();
  steps.forEach((step, j) => step.captures.forEach((c) => capturedAt.has(c.name) || capturedAt.set(c.name, j)));
  checkShadowing(steps, scenario, variables, manifest.file, problems);
  list(rawSteps).forEach((raw, j) => {
    const stepPath = [...scenario, 'steps', j];
    const available = [...capturedAt].filter(([, at]) => at < j).map(([name]) => name);
    for (const part of ['request', 'expect'] as const) {
      for (const [path, value] of strings(dict(raw)[part], [...stepPath, part])) {
        for (const match of value.matchAll(TEMPLATE)) {
          const written = match[0];
          const name = match[1] ?? '';
          const problem = resolve(name, j, { variables, available, capturedAt, steps, manifestFile: manifest.file });
          if (problem) problems.add(path, problem.title, problem.message, { needle: written, hint: problem.hint });
        }
      }
    }
  });
}

/**
 * A capture named like a declared variable would silently win over it for every later step (the
 * runtime looks captures up first), so {{PASSWORD}} would stop meaning the configured password.
 */
function checkShadowing(steps: readonly StepSpec[], scenario: Path, variables: readonly string[], manifestFile: string, problems: Problems): void {
  steps.forEach((step, j) => {
    for (const capture of step.captures) {
      if (!variables.includes(capture.name)) continue;
      problems.add([...scenario, 'steps', j, 'capture', capture.name], 'capture shadows a variable', `capture '${capture.name}' must not have the name of a variable declared in ${manifestFile}: {{${capture.name}}} would stop meaning the configured value in later steps`, {
        part: 'key',
        hint: `Rename the capture, for example to '${capture.name.toLowerCase()}'.`,
      });
    }
  });
}

interface Scope {
  variables: readonly string[];
  available: readonly string[];
  capturedAt: ReadonlyMap<string, number>;
  steps: readonly StepSpec[];
  manifestFile: string;
}

function resolve(written: string, step: number, scope: Scope): { title: string; message: string; hint?: string } | undefined {
  // The runtime allows spaces around the name ({{ token }}), so the loader does too.
  const trimmed = written.trim();
  if (!NAME.test(trimmed)) {
    return { title: 'invalid template', message: `template '{{${written}}}' must name a variable, a capture or a built-in (${BUILT_INS.join(', ')})` };
  }
  const name = trimmed;
  if (name.startsWith('$')) {
    if (BUILT_INS.includes(name)) return undefined;
    return { title: 'unknown built-in', message: `built-in '{{${name}}}' must be one of ${BUILT_INS.map((b) => `{{${b}}}`).join(', ')}`, hint: didYouMean(name, BUILT_INS) };
  }
  if (scope.available.includes(name) || scope.variables.includes(name)) return undefined;
  const at = scope.capturedAt.get(name);
  if (at !== undefined) {
    const where = at === step ? 'this same step' : `a later step (step ${at + 1}, '${scope.steps[at]?.name ?? ''}')`;
    return {
      title: 'capture used too early',
      message: `'{{${name}}}' must be captured by an earlier step; it is captured by ${where}`,
      hint: 'A capture can be used from the step after the one that captures it.',
    };
  }
  return {
    title: 'undeclared variable',
    message: `'{{${name}}}' must be declared under variables in ${scope.manifestFile}, or be a capture of an earlier step or a built-in (${BUILT_INS.map((b) => `{{${b}}}`).join(', ')})`,
    hint: didYouMean(name, [...scope.available, ...scope.variables, ...BUILT_INS]),
  };
}

/** Every string value under `value` (not keys), with its path. */
function* strings(value: unknown, path: Path): Generator<[Path, string]> {
  if (typeof value === 'string') yield [path, value];
  else if (Array.isArray(value)) for (const [i, item] of value.entries()) yield* strings(item, [...path, i]);
  else if (isDict(value)) for (const [key, item] of Object.entries(value)) yield* strings(item, [...path, key]);
}

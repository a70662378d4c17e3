// The generated specs print each step and scenario literal without the fields that only hold an
// empty default (no query, no headers, no captures, not sandbox-only, not harmful...): they were
// most of a generated file (issue 8: 2.9x the YAML). The compiler drops them with compactStep /
// compactScenario, the runtime puts them back with expandStep / expandScenario, and both read the
// one table below, so the two sides cannot disagree on what a missing field means.
import { ANNOTATION } from './facts';
import type { CaptureSpec, ExpectSpec, RequestSpec, StepSpec } from './model';

const REQUEST_DEFAULTS = { query: {}, headers: {} } satisfies Partial<RequestSpec>;
const EXPECT_DEFAULTS = { headers: [], cookies: [], body: [] } satisfies Partial<ExpectSpec>;
const STEP_DEFAULTS = { captures: [] as CaptureSpec[] } satisfies Partial<StepSpec>;

/** A scenario's run-time facts that most scenarios share (runtime/scenario-info.ts's ScenarioInfo). */
export interface ScenarioDefaults {
  variables: readonly string[];
  sandboxOnly: boolean;
  production: { harmful: boolean; reason?: string; effect?: string };
}
const SCENARIO_DEFAULTS: ScenarioDefaults = { variables: [], sandboxOnly: false, production: { harmful: false } };

type Optional<T, K extends keyof T> = Omit<T, K> & Partial<Pick<T, K>>;

export type CompactStep = Optional<Omit<StepSpec, 'request' | 'expect'>, keyof typeof STEP_DEFAULTS> & {
  request: Optional<RequestSpec, keyof typeof REQUEST_DEFAULTS>;
  expect: Optional<ExpectSpec, keyof typeof EXPECT_DEFAULTS>;
};

export type CompactScenario<T extends ScenarioDefaults> = Optional<T, keyof ScenarioDefaults>;

export function compactStep(step: StepSpec): CompactStep {
  return {
    ...withoutDefaults(step, STEP_DEFAULTS),
    request: withoutDefaults(step.request, REQUEST_DEFAULTS),
    expect: withoutDefaults(step.expect, EXPECT_DEFAULTS),
  } as CompactStep;
}

export function expandStep(step: CompactStep): StepSpec {
  return {
    ...STEP_DEFAULTS,
    ...step,
    request: { ...REQUEST_DEFAULTS, ...step.request },
    expect: { ...EXPECT_DEFAULTS, ...step.expect },
  };
}

export function compactScenario<T extends ScenarioDefaults>(info: T): CompactScenario<T> {
  return withoutDefaults(info, SCENARIO_DEFAULTS) as CompactScenario<T>;
}

export function expandScenario<T extends ScenarioDefaults>(info: CompactScenario<T>): T {
  return { ...SCENARIO_DEFAULTS, ...info } as T;
}

/** `value` without the keys whose value equals the default; the other keys keep their order. */
function withoutDefaults<T extends object>(value: T, defaults: object): Partial<T> {
  const table = defaults as Record<string, unknown>;
  return Object.fromEntries(Object.entries(value).filter(([key, v]) => !(key in table) || !sameJson(v, table[key]))) as Partial<T>;
}

/** Model literals are plain JSON data (no functions, no undefined inside arrays). */
function sameJson(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/**
 * The annotations of a scenario's test details, built from the facts the runtime gets anyway
 * (source, doc, clauses), so a generated spec prints each of them once.
 */
export function scenarioAnnotations(info: { source: string; doc: string; clauses: readonly string[] }, severity: string, feature: string): { type: string; description: string }[] {
  return [
    { type: ANNOTATION.source, description: info.source },
    { type: ANNOTATION.doc, description: info.doc },
    ...info.clauses.map((clause) => ({ type: ANNOTATION.clause, description: clause })),
    { type: ANNOTATION.severity, description: severity },
    { type: ANNOTATION.feature, description: feature },
  ];
}

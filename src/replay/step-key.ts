// The key of one exchange: contract file, scenario and step index. A recording is keyed by it
// rather than by request bytes (those hold fresh UUIDs and tokens). The runtime sends it in one
// request header only when CONTRACT_STEP_HEADER=1 (set by record, replay and mutate); the
// recording and mutating proxies strip it before anything reaches a vendor.
export const STEP_HEADER = 'x-contract-step';

export interface StepKey {
  file: string; // "specs/keyshop/session.yaml"
  scenario: string;
  step: number; // 0-based
  /** Playwright's repeatEachIndex: mutate runs mutant n as repeat n (0 is the unmutated run). */
  repeat: number;
}

/** "specs/keyshop/session.yaml:12" -> "specs/keyshop/session.yaml". */
export function fileOfSource(source: string): string {
  return source.replace(/:\d+(?::\d+)?$/, '');
}

export function encodeStepKey(key: StepKey): string {
  return [encodeURIComponent(key.file), encodeURIComponent(key.scenario), String(key.step), String(key.repeat)].join(';');
}

export function decodeStepKey(value: string | undefined): StepKey | undefined {
  const parts = (value ?? '').split(';');
  if (parts.length !== 4) return undefined;
  const step = Number(parts[2]);
  const repeat = Number(parts[3]);
  if (!Number.isInteger(step) || step < 0 || !Number.isInteger(repeat) || repeat < 0) return undefined;
  try {
    return { file: decodeURIComponent(parts[0] ?? ''), scenario: decodeURIComponent(parts[1] ?? ''), step, repeat };
  } catch {
    return undefined;
  }
}

export function scenarioId(key: Pick<StepKey, 'file' | 'scenario'>): string {
  return `${key.file}#${key.scenario}`;
}

/** One run of a scenario: repeats of one scenario may run at the same time in two workers. */
export function runId(key: StepKey): string {
  return `${scenarioId(key)}#${key.repeat}`;
}

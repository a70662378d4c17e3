// The drift check: which responses changed shape between two recordings of a vendor. Shape is
// keys and types only (a placeholder counts as the type it stands for), never values, so the
// report can be shared however secret the responses were.
import type { Placeholder, RecordingFile } from './recording-format';

export interface Drift {
  file: string;
  scenario: string;
  step: number | undefined;
  change: string; // "body.token: string -> missing"
}

type Shapes = Map<string, string>; // path -> type

export function shapesOf(body: unknown, placeholders: Record<string, Placeholder>, at = 'body', into: Shapes = new Map()): Shapes {
  if (Array.isArray(body)) {
    into.set(at, 'array');
    if (body.length > 0) shapesOf(body[0], placeholders, `${at}[]`, into);
  } else if (body !== null && typeof body === 'object') {
    into.set(at, 'object');
    for (const [key, value] of Object.entries(body)) shapesOf(value, placeholders, `${at}.${key}`, into);
  } else if (typeof body === 'string') {
    const whole = /^\{\{([^{}]+)\}\}$/.exec(body);
    into.set(at, whole ? (placeholders[whole[1] ?? '']?.type ?? 'string') : 'string');
  } else {
    into.set(at, body === null ? 'null' : typeof body);
  }
  return into;
}

export function compareRecordings(before: readonly RecordingFile[], after: readonly RecordingFile[]): Drift[] {
  const drifts: Drift[] = [];
  const afterByFile = new Map(after.map((f) => [f.file, f]));
  for (const old of before) {
    const now = afterByFile.get(old.file);
    for (const [name, scenario] of Object.entries(old.scenarios)) {
      const fresh = now?.scenarios[name];
      if (!fresh) {
        drifts.push({ file: old.file, scenario: name, step: undefined, change: 'not recorded this time (skipped or removed)' });
        continue;
      }
      const steps = Math.max(scenario.steps.length, fresh.steps.length);
      for (let i = 0; i < steps; i += 1) {
        const a = scenario.steps[i];
        const b = fresh.steps[i];
        if (!a || !b) {
          drifts.push({ file: old.file, scenario: name, step: i, change: a ? 'step no longer reached' : 'new step reached' });
          continue;
        }
        if (a.response.bodyKind !== b.response.bodyKind) {
          drifts.push({ file: old.file, scenario: name, step: i, change: `body: ${a.response.bodyKind} -> ${b.response.bodyKind}` });
          continue;
        }
        const sa = shapesOf(a.response.body, scenario.placeholders);
        const sb = shapesOf(b.response.body, fresh.placeholders);
        for (const path of new Set([...sa.keys(), ...sb.keys()])) {
          const ta = sa.get(path) ?? 'missing';
          const tb = sb.get(path) ?? 'missing';
          if (ta !== tb) drifts.push({ file: old.file, scenario: name, step: i, change: `${path}: ${ta} -> ${tb}` });
        }
        const ha = Object.keys(a.response.headers).filter(stable);
        const hb = new Set(Object.keys(b.response.headers).filter(stable));
        for (const h of ha) if (!hb.has(h)) drifts.push({ file: old.file, scenario: name, step: i, change: `header ${h}: present -> missing` });
      }
    }
  }
  return drifts;
}

// Headers that come and go between two runs of the same server without meaning anything.
function stable(name: string): boolean {
  return !['date', 'etag', 'last-modified', 'age', 'expires', 'x-request-id', 'server-timing'].includes(name);
}

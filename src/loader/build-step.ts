// One step -> StepSpec: request, expect and captures.
import type { CaptureSource, CaptureSpec, StepSpec } from '../dsl/model';
import { BODY_PATH_HINT, isBodyPath } from './body-path';
import { buildExpect, ownClauses } from './build-expect';
import { buildRequest } from './build-request';
import { orList, quote } from './describe';
import type { Path } from './located';
import type { Problems } from './problems';
import { dict, flag, text } from './view';

const SOURCES: readonly CaptureSource[] = ['body', 'header', 'cookie'];

export function buildStep(data: unknown, path: Path, problems: Problems): StepSpec {
  const step = dict(data);
  return {
    name: text(step.name),
    ...(typeof step.base === 'string' ? { base: step.base } : {}),
    ...(step.role === 'setup' ? { role: 'setup' as const } : {}),
    request: buildRequest(step.request, [...path, 'request'], problems),
    expect: buildExpect(step.expect, [...path, 'expect'], problems),
    captures: buildCaptures(step.capture, [...path, 'capture'], problems),
    ...ownClauses(step),
    loc: problems.loc(path, 'value'),
  };
}

function buildCaptures(data: unknown, path: Path, problems: Problems): CaptureSpec[] {
  const out: CaptureSpec[] = [];
  for (const [name, value] of Object.entries(dict(data))) {
    const at = [...path, name];
    const capture = dict(value);
    const sources = SOURCES.filter((s) => capture[s] !== undefined);
    const from = sources[0];
    if (sources.length !== 1 || from === undefined) {
      problems.add(at, 'unclear capture', `capture.${name} must have exactly one of ${orList(SOURCES)}; found ${sources.length === 0 ? 'none' : sources.join(' and ')}`, { part: 'key' });
      continue;
    }
    const where = text(capture[from]);
    if (from === 'body' && where !== '' && !isBodyPath(where)) {
      problems.add([...at, 'body'], 'invalid body path', `capture.${name}.body must be a body path; ${quote(where)} is not one`, { hint: BODY_PATH_HINT });
    }
    // Captured values are secret unless the file says otherwise: a token is the usual capture.
    out.push({ name, from, path: from === 'header' ? where.toLowerCase() : where, secret: flag(capture.secret, true), loc: problems.loc(at) });
  }
  return out;
}

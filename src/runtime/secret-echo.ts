// A response that hands back a secret the step sent is a failure, whatever the schema allows:
// vendors add fields, and a password is never one of them. The runtime knows each secret it
// sends (every `secret: true` variable the step's request uses), and looks for it in the
// response's headers and body in every encoding the project's secret scanner knows (raw,
// JSON-, URL- and HTML-escaped, base64 at each offset), imported from the scanner so the two
// never disagree. A hit is a contract mismatch naming the variable by its «placeholder» and
// where it appeared; the value itself is never shown.
import type { BodySpec, RequestSpec, StepSpec, TemplateValue } from '../dsl/model';
import type { MatchResult } from '../matchers/match-result';
import { bodyPathOf } from '../matchers/match-schema';
import { MIN_SECRET_LENGTH } from '../redaction/redactor';
import { patternsFor, type SecretPattern } from '../redaction/secret-encodings';
import type { TargetEnv } from './env';
import type { ReadResponse } from './read-response';
import type { VendorInfo } from './scenario-info';
import { templateNames } from './template';

export const SECRET_ECHO_KEYWORD = 'secret-echo';

/** One failure per secret and place it was handed back in; none when the response is clean. */
export function secretEchoes(step: StepSpec, response: ReadResponse, vendor: VendorInfo, env: TargetEnv): MatchResult[] {
  const used = new Set(requestTemplates(step.request).flatMap(templateNames));
  const results: MatchResult[] = [];
  for (const variable of vendor.variables) {
    const value = env.values[variable.name];
    if (!variable.secret || !used.has(variable.name) || !value || value.length < MIN_SECRET_LENGTH) continue;
    const patterns = patternsFor({ name: variable.name, value }).map((p) => ({ ...p, text: p.bytes.toString('utf8') }));
    for (const place of placesOf(response, patterns)) {
      results.push({
        pass: false,
        path: place.where,
        expected: `no submitted secret: a response must never hand back «${variable.name}»`,
        actual: `«${variable.name}» (${place.encoding})`,
        keyword: SECRET_ECHO_KEYWORD,
        loc: step.request.loc,
      });
    }
  }
  return results;
}

type TextPattern = SecretPattern & { text: string };

/** "header x-debug", "body user.password" or "body" (a body that is not JSON), with the encoding. */
function placesOf(response: ReadResponse, patterns: readonly TextPattern[]): { where: string; encoding: string }[] {
  const found = (text: string): TextPattern | undefined => patterns.find((p) => text.includes(p.text));
  const places: { where: string; encoding: string }[] = [];
  for (const [name, value] of Object.entries(response.headers)) {
    const hit = found(value);
    if (hit) places.push({ where: `header ${name}`, encoding: hit.encoding });
  }
  if (response.isJson) {
    for (const [pointer, text] of jsonStrings(response.json, '')) {
      const hit = found(text);
      if (hit) places.push({ where: `body ${bodyPathOf(pointer)}`, encoding: hit.encoding });
    }
  } else {
    const hit = found(response.text);
    if (hit) places.push({ where: 'body', encoding: hit.encoding });
  }
  return places;
}

/** Every string in a JSON value, keys included (a secret used as a key is handed back too). */
function* jsonStrings(value: unknown, pointer: string): Generator<[string, string]> {
  if (typeof value === 'string') yield [pointer, value];
  else if (Array.isArray(value)) for (const [i, item] of value.entries()) yield* jsonStrings(item, `${pointer}/${i}`);
  else if (value !== null && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      const child = `${pointer}/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`;
      yield [child, key];
      yield* jsonStrings(item, child);
    }
  }
}

/** Every template string a request is built from. */
function requestTemplates(request: RequestSpec): string[] {
  const out = [request.path, ...Object.values(request.query), ...Object.values(request.headers)];
  const auth = request.auth;
  if (auth?.kind === 'basic') out.push(auth.username, auth.password);
  else if (auth?.kind === 'bearer') out.push(auth.token);
  else if (auth?.kind === 'header') out.push(auth.value);
  if (request.body) out.push(...bodyTemplates(request.body));
  return out;
}

function bodyTemplates(body: BodySpec): string[] {
  switch (body.kind) {
    case 'json':
      return jsonTemplates(body.value);
    case 'form':
    case 'multipart':
      return Object.values(body.fields).flat();
    case 'raw':
      return [body.text];
  }
}

function jsonTemplates(value: TemplateValue): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(jsonTemplates);
  if (value !== null && typeof value === 'object') return Object.values(value).flatMap(jsonTemplates);
  return [];
}

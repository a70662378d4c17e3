// The request part of a step -> RequestSpec, with the checks the schema cannot say well:
// exactly one kind of auth, at most one kind of body.
import type { AuthSpec, BodySpec, FormFields, HttpMethod, RequestSpec, TemplateValue } from '../dsl/model';
import { orList } from './describe';
import type { Path } from './located';
import type { Problems } from './problems';
import { dict, list, text, textMap } from './view';

const METHODS: readonly HttpMethod[] = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS'];
const AUTH_KINDS = ['basic', 'bearer', 'header'] as const;
const BODY_KINDS = ['json', 'form', 'multipart', 'body'] as const;

export function buildRequest(data: unknown, path: Path, problems: Problems): RequestSpec {
  const req = dict(data);
  const method = METHODS.find((m) => m === req.method) ?? 'GET';
  const auth = req.auth === undefined ? undefined : buildAuth(req.auth, [...path, 'auth'], problems);
  const body = buildBody(req, path, problems);
  const clock = typeof req.clockOffset === 'number' ? { clockOffsetSeconds: req.clockOffset } : {};
  return {
    method,
    path: text(req.path),
    query: textMap(req.query),
    headers: textMap(req.headers),
    ...(auth ? { auth } : {}),
    ...(body ? { body } : {}),
    ...clock,
    loc: problems.loc(path),
  };
}

function buildAuth(data: unknown, path: Path, problems: Problems): AuthSpec | undefined {
  const auth = dict(data);
  const kinds = AUTH_KINDS.filter((k) => auth[k] !== undefined);
  const loc = problems.loc(path);
  const kind = kinds[0];
  if (kinds.length !== 1 || kind === undefined) {
    problems.add(path, 'unclear auth', `request.auth must have exactly one of ${orList(AUTH_KINDS)}; found ${kinds.length === 0 ? 'none' : kinds.join(' and ')}`, {
      part: 'key',
    });
    return undefined;
  }
  const scheme = typeof auth.scheme === 'string' ? auth.scheme : undefined;
  if (kind === 'header') {
    if (scheme !== undefined) {
      problems.add([...path, 'scheme'], 'scheme without basic or bearer', 'request.auth.scheme must only be used with basic or bearer; with header, write the whole header value in value', { part: 'key' });
    }
    if (auth.value === undefined) problems.add(path, 'missing key in request.auth', "request.auth must have property 'value' (the value of the header named in header)", { part: 'key' });
    return { kind, header: text(auth.header), value: text(auth.value), loc };
  }
  if (auth.value !== undefined) {
    problems.add([...path, 'value'], 'value without header', `request.auth.value must only be used with header; ${kind} carries its own credentials`, { part: 'key' });
  }
  if (kind === 'basic') {
    const basic = dict(auth.basic);
    return { kind, username: text(basic.username), password: text(basic.password), scheme: scheme ?? 'Basic', loc };
  }
  return { kind, token: text(auth.bearer), scheme: scheme ?? 'Bearer', loc };
}

function buildBody(req: Record<string, unknown>, path: Path, problems: Problems): BodySpec | undefined {
  const kinds = BODY_KINDS.filter((k) => k in req);
  const [kind, second] = kinds;
  if (second !== undefined) {
    problems.add([...path, second], 'more than one request body', `request must have at most one body kind (${orList(BODY_KINDS)}); found ${orList(kinds).replace(/ or /, ' and ')}`, {
      part: 'key',
      hint: 'Split the request into two steps, or keep one body.',
    });
  }
  if (kind === undefined) return undefined;
  const loc = problems.loc([...path, kind]);
  switch (kind) {
    case 'json':
      return { kind, value: (req.json ?? null) as TemplateValue, loc };
    case 'form':
    case 'multipart':
      return { kind, fields: fieldMap(req[kind]), loc };
    case 'body':
      return { kind: 'raw', text: text(req.body), loc };
  }
}

/** Like textMap, keeping a list of scalars as a repeated field (the schema refuses the rest). */
function fieldMap(value: unknown): FormFields {
  const out: FormFields = textMap(value);
  for (const [key, item] of Object.entries(dict(value))) {
    if (Array.isArray(item)) out[key] = list(item).filter(isScalar).map(String);
  }
  return out;
}

function isScalar(value: unknown): value is string | number | boolean {
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean';
}

// Turns ajv's errors (run with allErrors and verbose) into ContractErrors that point at the
// YAML or JSON node and read like a rule: "expect.status must be a whole number, found the text
// '201'". Unions (oneOf/anyOf) are narrowed to the branch the author evidently meant, so one
// mistake gives one error rather than one per branch.
import type { ErrorObject } from 'ajv';
import type { ContractError } from '../dsl/errors';
import { didYouMean } from './did-you-mean';
import { describeValue, orList, patternPhrase, quote, subject, typeName } from './describe';
import type { Located, Path } from './located';

export function explainAjvErrors(errors: readonly ErrorObject[], source: Located, rootName: string): ContractError[] {
  const kept = dropRequiredCoveredByTypos(narrowUnions(errors));
  const out: ContractError[] = [];
  const seen = new Set<string>();
  for (const error of kept) {
    // A propertyNames failure arrives twice: the inner pattern error and the outer one.
    if (error.schemaPath.includes('/propertyNames/')) continue;
    // "must match then schema" only repeats the error of the then branch itself.
    if (error.keyword === 'if') continue;
    const explained = explain(error, source, rootName);
    const id = `${explained.loc.line}:${explained.loc.col}:${explained.message}`;
    if (!seen.has(id)) out.push(explained);
    seen.add(id);
  }
  return out;
}

export function pathOf(instancePath: string): (string | number)[] {
  if (instancePath === '') return [];
  return instancePath
    .slice(1)
    .split('/')
    .map((raw) => {
      const segment = raw.replace(/~1/g, '/').replace(/~0/g, '~');
      return /^(0|[1-9]\d*)$/.test(segment) ? Number(segment) : segment;
    });
}

// What a list holds, for "scenarios must list at least one scenario".
const ITEM_NAMES: Record<string, string> = { scenarios: 'scenario', steps: 'step', clauses: 'clause', status: 'status code' };

function isUnion(e: ErrorObject): boolean {
  return e.keyword === 'oneOf' || e.keyword === 'anyOf';
}

/**
 * For each failed union, keeps the errors of the branch whose type fits the data (the fewest
 * errors wins among several); when no branch's type fits, keeps only the union error itself.
 */
function narrowUnions(errors: readonly ErrorObject[]): ErrorObject[] {
  const dropped = new Set<ErrorObject>();
  errors.forEach((union, index) => {
    if (!isUnion(union) || dropped.has(union)) return;
    const prefix = `${union.schemaPath}/`;
    const branches = new Map<string, ErrorObject[]>();
    for (const e of errors.slice(0, index)) {
      if (!e.schemaPath.startsWith(prefix) || !e.instancePath.startsWith(union.instancePath)) continue;
      const branch = e.schemaPath.slice(prefix.length).split('/')[0] ?? '';
      branches.set(branch, [...(branches.get(branch) ?? []), e]);
    }
    const fitting = [...branches.values()].filter(
      (list) => !list.some((e) => e.keyword === 'type' && e.instancePath === union.instancePath),
    );
    const best = fitting.sort((a, b) => a.length - b.length)[0];
    for (const list of branches.values()) if (list !== best) list.forEach((e) => dropped.add(e));
    if (best) dropped.add(union);
  });
  return errors.filter((e) => !dropped.has(e));
}

/** "must not have 'statsu' (did you mean 'status'?)" already says that 'status' is missing. */
function dropRequiredCoveredByTypos(errors: ErrorObject[]): ErrorObject[] {
  const suggested = new Set<string>();
  for (const e of errors) {
    if (e.keyword !== 'additionalProperties') continue;
    const hint = didYouMean(String(e.params.additionalProperty), allowedKeys(e));
    const match = hint ? /'(.*)'/.exec(hint)?.[1] : undefined;
    if (match) suggested.add(`${e.instancePath}\u0000${match}`);
  }
  return errors.filter((e) => e.keyword !== 'required' || !suggested.has(`${e.instancePath}\u0000${String(e.params.missingProperty)}`));
}

function allowedKeys(e: ErrorObject): string[] {
  const parent = e.parentSchema as { properties?: Record<string, unknown> } | undefined;
  return Object.keys(parent?.properties ?? {});
}

function explain(e: ErrorObject, source: Located, rootName: string): ContractError {
  const path = pathOf(e.instancePath);
  const what = subject(path, rootName);
  const found = describeValue(e.data);
  const at = (p: Path, part: 'key' | 'value' = 'value'): Pick<ContractError, 'loc' | 'span'> => source.spot(p, part);
  const params = e.params as Record<string, unknown>;
  switch (e.keyword) {
    case 'additionalProperties': {
      const key = String(params.additionalProperty);
      const allowed = allowedKeys(e);
      const hint = didYouMean(key, allowed) ?? (allowed.length > 0 ? `Allowed keys: ${allowed.join(', ')}.` : undefined);
      return { title: `unknown key in ${what}`, ...at([...path, key], 'key'), message: `${what} must not have property '${key}'`, ...(hint ? { hint } : {}) };
    }
    case 'required':
      return { title: `missing key in ${what}`, ...at(path, 'key'), message: `${what} must have property '${String(params.missingProperty)}'` };
    case 'propertyNames': {
      const name = String(params.propertyName);
      const pattern = (e.schema as { pattern?: string } | undefined)?.pattern;
      const rule = pattern ? patternPhrase(pattern) : 'a valid name';
      return { title: `invalid name in ${what}`, ...at([...path, name], 'key'), message: `each name under ${what} must be ${rule}, found ${quote(name)}` };
    }
    case 'type':
      if (path.length === 0 && e.data === null) {
        const required = (e.parentSchema as { required?: string[] } | undefined)?.required ?? [];
        return { title: 'empty file', ...at(path), message: `${what} must not be empty`, hint: `It must have: ${required.join(', ')}.` };
      }
      return { title: 'wrong type', ...at(path), message: `${what} must be ${typeName(params.type)}, found ${describeValue(e.data, true)}` };
    case 'enum': {
      const allowed = (params.allowedValues as unknown[]).map(String);
      const hint = typeof e.data === 'string' ? didYouMean(e.data, allowed) : undefined;
      return { title: 'invalid value', ...at(path), message: `${what} must be one of ${allowed.join(', ')}; found ${found}`, ...(hint ? { hint } : {}) };
    }
    case 'const':
      return { title: 'invalid value', ...at(path), message: `${what} must be ${JSON.stringify(params.allowedValue)}, found ${found}` };
    case 'pattern':
      return { title: 'invalid value', ...at(path), message: `${what} must be ${patternPhrase(String(params.pattern))}, found ${found}` };
    case 'format':
      return { title: 'invalid value', ...at(path), message: `${what} must be a valid ${params.format === 'uri' ? 'URL such as https://example.com/page' : String(params.format)}, found ${found}` };
    case 'minimum':
    case 'maximum':
      return { title: 'invalid value', ...at(path), message: `${what} must be ${e.keyword === 'minimum' ? 'at least' : 'at most'} ${String(params.limit)}, found ${found}` };
    case 'minLength':
      return { title: 'empty value', ...at(path), message: `${what} must not be empty` };
    case 'minItems': {
      const item = ITEM_NAMES[String(path[path.length - 1])] ?? 'item';
      const count = params.limit === 1 ? `one ${item}` : `${String(params.limit)} ${item}s`;
      return { title: 'empty list', ...at(path), message: `${what} must list at least ${count}` };
    }
    case 'minProperties':
    case 'maxProperties': {
      // With a one-key limit, the keys are alternatives (a matcher): name them.
      const keys = Object.keys(e.data as object);
      const allowed = allowedKeys(e);
      if (params.limit === 1 && allowed.length > 0) {
        const title = keys.length === 0 ? 'empty map' : 'too many keys';
        return { title, ...at(path), message: `${what} must have exactly one of ${orList(allowed)}; found ${keys.length === 0 ? 'none' : keys.join(' and ')}` };
      }
      const rule = e.keyword === 'minProperties' ? 'at least' : 'at most';
      return { title: 'wrong number of keys', ...at(path), message: `${what} must have ${rule} ${String(params.limit)} key${params.limit === 1 ? '' : 's'}, found ${keys.length}` };
    }
    case 'uniqueItems':
      return { title: 'repeated item', ...at([...path, Number(params.i)]), message: `${what} must not list the same item twice; items ${Number(params.j) + 1} and ${Number(params.i) + 1} are equal` };
    case 'oneOf':
    case 'anyOf': {
      const branches = (e.schema as { title?: string }[]).map((b) => b.title ?? 'another form');
      return { title: 'wrong type', ...at(path), message: `${what} must be ${orList(branches)}, found ${describeValue(e.data, true)}` };
    }
    default:
      return { title: 'invalid value', ...at(path), message: `${what} ${e.message ?? 'is not valid'}` };
  }
}

// Renders `{{NAME}}` templates at run time. A name resolves, in this order, to a capture of an
// earlier step, a variable of the target's environment, or a built-in ($uuid). A template that
// is a whole value keeps the captured value's JSON type (`"{{count}}"` renders the number 3);
// inside a longer string a value is written as text.

/** Where template names get their values; undefined means "not known here". */
export interface TemplateScope {
  lookup(name: string): unknown;
}

const TEMPLATE = /\{\{\s*([$A-Za-z_][\w.$-]*)\s*\}\}/g;
const WHOLE_TEMPLATE = /^\{\{\s*([$A-Za-z_][\w.$-]*)\s*\}\}$/;

export class TemplateError extends Error {
  constructor(public readonly templateName: string) {
    super(`config: the template {{${templateName}}} has no value (no capture, variable or built-in of that name)`);
    this.name = 'TemplateError';
  }
}

/** Renders a template in text context: every value becomes text. */
export function renderString(template: string, scope: TemplateScope): string {
  if (!template.includes('{{')) return template;
  return template.replace(TEMPLATE, (_m, name: string) => asText(resolve(name, scope)));
}

/** Renders a JSON value whose strings may be templates; whole-string templates keep their type. */
export function renderValue(value: unknown, scope: TemplateScope): unknown {
  if (typeof value === 'string') {
    if (!value.includes('{{')) return value;
    const whole = WHOLE_TEMPLATE.exec(value);
    return whole ? resolve(whole[1] as string, scope) : renderString(value, scope);
  }
  if (Array.isArray(value)) return value.map((item) => renderValue(item, scope));
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) out[key] = renderValue(item, scope);
    return out;
  }
  return value;
}

/** Renders every value of a string map (query, headers, form fields). */
export function renderRecord(record: Readonly<Record<string, string>>, scope: TemplateScope): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(record)) out[key] = renderString(value, scope);
  return out;
}

/** The names a template string refers to, in order of appearance. */
export function templateNames(template: string): string[] {
  return [...template.matchAll(TEMPLATE)].map((m) => m[1] as string);
}

function resolve(name: string, scope: TemplateScope): unknown {
  const value = scope.lookup(name);
  if (value === undefined) throw new TemplateError(name);
  return value;
}

export function asText(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean' || value === null) return String(value);
  return JSON.stringify(value);
}

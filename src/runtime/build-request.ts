// Turns a step's request (the model, templates unrendered) into what Playwright sends. Bodies
// are serialized here and handed over as bytes, so they are exactly the contract's: Playwright
// re-encodes a string body under a JSON Content-Type when it does not parse (a deliberately
// truncated JSON document would arrive as a valid JSON string), and sends a bare JSON string
// as text. Content-Type is set only when the contract did not set one.
import type { AuthSpec, BodySpec, FormFields, RequestSpec } from '../dsl/model';
import type { Redactor } from '../redaction/redactor';
import { CLOCK_OFFSET_HEADER } from './sandbox-headers';
import { joinUrl } from './join-url';
import { renderRecord, renderString, renderValue, type TemplateScope } from './template';

export interface PreparedRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
  data?: Buffer;
  /** Name-value pairs in order: a repeated field is one pair per value. */
  form?: [string, string][];
  multipart?: [string, string][];
}

export interface BuildContext {
  baseUrl: string;
  scope: TemplateScope;
  /** Basic credentials built here are registered so their base64 never shows. */
  redactor: Redactor;
  /** Clock offsets are a sandbox control; they are never sent anywhere else. */
  isSandbox: boolean;
}

export function buildRequest(spec: RequestSpec, ctx: BuildContext): PreparedRequest {
  const headers = renderRecord(spec.headers, ctx.scope);
  const url = joinUrl(ctx.baseUrl, renderString(spec.path, ctx.scope), renderRecord(spec.query, ctx.scope));
  const prepared: PreparedRequest = { method: spec.method, url, headers };
  if (spec.auth) applyAuth(spec.auth, prepared.headers, ctx);
  if (spec.body) applyBody(spec.body, prepared, ctx.scope);
  if (ctx.isSandbox && spec.clockOffsetSeconds !== undefined) headers[CLOCK_OFFSET_HEADER] = String(spec.clockOffsetSeconds);
  return prepared;
}

function applyAuth(auth: AuthSpec, headers: Record<string, string>, ctx: BuildContext): void {
  switch (auth.kind) {
    case 'basic': {
      const token = Buffer.from(`${renderString(auth.username, ctx.scope)}:${renderString(auth.password, ctx.scope)}`, 'utf8').toString('base64');
      ctx.redactor.add(`base64(${placeholderText(auth.username)}:${placeholderText(auth.password)})`, token);
      setHeader(headers, 'Authorization', withScheme(auth.scheme, token));
      return;
    }
    case 'bearer':
      setHeader(headers, 'Authorization', withScheme(auth.scheme, renderString(auth.token, ctx.scope)));
      return;
    case 'header':
      setHeader(headers, auth.header, renderString(auth.value, ctx.scope));
      return;
  }
}

/** "" sends the bare credential: some vendor samples leave the scheme word out, on purpose here. */
function withScheme(scheme: string, credential: string): string {
  return scheme === '' ? credential : `${scheme} ${credential}`;
}

function applyBody(body: BodySpec, prepared: PreparedRequest, scope: TemplateScope): void {
  switch (body.kind) {
    case 'json':
      prepared.data = Buffer.from(JSON.stringify(renderValue(body.value, scope)), 'utf8');
      if (!hasHeader(prepared.headers, 'content-type')) prepared.headers['content-type'] = 'application/json';
      return;
    case 'form':
      prepared.form = renderFields(body.fields, scope);
      return;
    case 'multipart':
      prepared.multipart = renderFields(body.fields, scope);
      return;
    case 'raw':
      prepared.data = Buffer.from(renderString(body.text, scope), 'utf8');
      return;
  }
}

/** Fields as ordered pairs: `scope: [a, b]` becomes two pairs, sent as scope=a&scope=b. */
function renderFields(fields: FormFields, scope: TemplateScope): [string, string][] {
  return Object.entries(fields).flatMap(([name, value]) =>
    (Array.isArray(value) ? value : [value]).map((item): [string, string] => [name, renderString(item, scope)]),
  );
}

/** A template with its names shown as placeholders: "{{TRUEDAT_USERNAME}}" -> "TRUEDAT_USERNAME". */
function placeholderText(template: string): string {
  return template.replace(/\{\{\s*([^}\s]+)\s*\}\}/g, '$1');
}

export function hasHeader(headers: Readonly<Record<string, string>>, name: string): boolean {
  const lower = name.toLowerCase();
  return Object.keys(headers).some((key) => key.toLowerCase() === lower);
}

/** Sets a header, replacing one of the same name in any case (auth wins over a written header). */
function setHeader(headers: Record<string, string>, name: string, value: string): void {
  const lower = name.toLowerCase();
  for (const key of Object.keys(headers)) if (key.toLowerCase() === lower) delete headers[key];
  headers[name] = value;
}

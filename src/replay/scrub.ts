// Turns one proxied exchange into a recorded step with nothing secret left: every secret
// variable's value, every value the step captures and every cookie value becomes a `{{id}}`
// placeholder, wherever it appears (response body, headers, cookies, and the paths and bodies of
// later requests). Capture ids carry the step (`token@0`) so that a re-issued token recorded in
// a later step gets a fresh value of its own on replay.
import type { CaptureSpec } from '../dsl/model';
import { resolveBodyPath } from '../matchers/body-path';
import { setCookies } from '../matchers/set-cookies';
import type { Exchange } from './proxy';
import { shapeOf, type Placeholder, type RecordedStep } from './recording-format';

/** Values shorter than this are replaced only where they are a whole JSON value or cookie. */
const MIN_INLINE = 4;

export class ScenarioScrubber {
  readonly placeholders: Record<string, Placeholder> = {};
  /** Known value (as text) -> placeholder id; longest first when replacing inside text. */
  private readonly known = new Map<string, string>();

  constructor(secrets: Readonly<Record<string, string>>) {
    for (const [name, value] of Object.entries(secrets)) if (value !== '') this.learn(value, name, 'secret');
  }

  /** Every value this scrubber replaces, for the secret scan over the written files. */
  values(): string[] {
    return [...this.known.keys()];
  }

  step(index: number, captures: readonly CaptureSpec[], exchange: Exchange): RecordedStep {
    const { response } = exchange;
    const text = response.body.toString('utf8');
    const json = parseJson(text, response.headers['content-type']);
    const cookies = setCookies(response.setCookies);
    for (const capture of captures) {
      const value = captured(capture, json, response.headers, cookies);
      if (value !== undefined) this.learn(value, `${capture.name}@${index}`, 'capture');
    }
    for (const [name, cookie] of cookies) if (cookie.value !== '') this.learn(cookie.value, `cookie:${name}@${index}`, 'cookie');

    const headers: Record<string, string> = {};
    for (const [name, value] of Object.entries(response.headers)) if (name !== 'date') headers[name] = this.text(value);
    const requestText = exchange.requestBody.toString('utf8');
    return {
      step: index,
      request: {
        method: exchange.method,
        path: this.text(exchange.path),
        headerNames: Object.keys(exchange.requestHeaders).filter((h) => h !== 'x-contract-step').sort(),
        ...(requestText !== '' ? { body: this.text(requestText) } : {}),
      },
      response: {
        status: response.status,
        headers,
        setCookies: response.setCookies.map((c) => this.text(c)),
        body: json.ok ? this.json(json.value) : this.text(text),
        bodyKind: json.ok ? 'json' : text === '' ? 'empty' : 'text',
      },
    };
  }

  private learn(value: unknown, id: string, source: Placeholder['source']): void {
    const textValue = typeof value === 'string' ? value : typeof value === 'number' ? String(value) : undefined;
    if (textValue === undefined || textValue === '' || this.known.has(textValue)) return;
    this.known.set(textValue, id);
    this.placeholders[id] = { source, type: typeof value === 'number' ? 'number' : 'string', shape: source === 'secret' ? '' : shapeOf(textValue) };
  }

  text(value: string): string {
    let out = value;
    const inline = [...this.known.entries()].filter(([v]) => v.length >= MIN_INLINE).sort((a, b) => b[0].length - a[0].length);
    for (const [known, id] of inline) out = out.split(known).join(`{{${id}}}`);
    for (const [known, id] of this.known) {
      if (known.length >= MIN_INLINE) continue;
      // A short value only as a whole cookie value: "name=<value>;".
      out = out.replace(new RegExp(`=${escapeRegExp(known)}(?=;|$)`), `={{${id}}}`);
    }
    return out;
  }

  json(value: unknown): unknown {
    if (typeof value === 'string') return this.known.has(value) ? `{{${this.known.get(value) ?? ''}}}` : this.text(value);
    if (typeof value === 'number') return this.known.has(String(value)) ? `{{${this.known.get(String(value)) ?? ''}}}` : value;
    if (Array.isArray(value)) return value.map((item) => this.json(item));
    if (value !== null && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, this.json(v)]));
    return value;
  }
}

function captured(capture: CaptureSpec, json: ParsedJson, headers: Record<string, string>, cookies: ReturnType<typeof setCookies>): unknown {
  if (capture.from === 'body') return json.ok ? resolveBodyPath(json.value, capture.path).value : undefined;
  if (capture.from === 'header') return headers[capture.path.toLowerCase()];
  return cookies.get(capture.path)?.value;
}

type ParsedJson = { ok: true; value: unknown } | { ok: false };

export function parseJson(text: string, contentType: string | undefined): ParsedJson {
  const first = text.trimStart()[0];
  if (!(first === '{' || first === '[' || first === '"' || (text.trim() !== '' && /json/i.test(contentType ?? '')))) return { ok: false };
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    return { ok: false };
  }
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

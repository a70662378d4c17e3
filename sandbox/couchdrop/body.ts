// Reads Couchdrop's login fields from whatever body arrived. Couchdrop takes JSON as well as
// form fields ("Data is submitted and returned either via form data or JSON", vendor-behaviour.md
// §3); JSON is parsed here rather than by Fastify so that unreadable JSON gets Couchdrop's own
// 403 instead of the framework's 400.
import { UnreadableJson } from '../core/lenient-json';

export type LoginBody =
  | { kind: 'json' | 'form'; username?: string; password?: string; system?: string }
  | { kind: 'unreadable' };

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

export function readLoginBody(body: unknown, contentType: string | undefined): LoginBody {
  if (body instanceof UnreadableJson || body === null || typeof body !== 'object' || Array.isArray(body)) {
    return { kind: 'unreadable' };
  }
  const kind = /^\s*application\/json/i.test(contentType ?? '') ? 'json' : 'form';
  const fields = body as Record<string, unknown>;
  return { kind, username: text(fields.username), password: text(fields.password), system: text(fields.system) };
}

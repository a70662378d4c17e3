// Multipart bodies, collected by the core instead of @fastify/multipart's attachFieldsToBody. The
// plugin's own collector builds a plain object (a field named "__proto__[x]" survives it and
// reached truedat's bracket nesting), and a part that breaks mid-body left a half-filled body with
// an error that carries no status, which the vendors answered 500. Here every body is a
// null-prototype record without prototype names, limits are small, and every parse failure is a
// 4xx error that names itself, so each vendor can answer it its own way.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import multipart from '@fastify/multipart';
import { emptyRecord, isSafeKey } from './safe-keys';

/** The error code of a multipart body that could not be read (no boundary, a truncated part). */
export const UNREADABLE_MULTIPART = 'SANDBOX_UNREADABLE_MULTIPART';

// The login forms are a few short fields; anything bigger is not a login (research §(b) L12).
export const MULTIPART_LIMITS = { fieldNameSize: 200, fieldSize: 8 * 1024, fields: 32, fileSize: 8 * 1024, files: 4, parts: 40, headerPairs: 50 };

type FieldValue = string | Buffer | (string | Buffer)[];

function clientError(statusCode: number, code: string, message: string): Error {
  return Object.assign(new Error(message), { statusCode, code });
}

function add(body: Record<string, FieldValue>, name: string, value: string | Buffer): void {
  const existing = body[name];
  if (existing === undefined) body[name] = value;
  else if (Array.isArray(existing)) existing.push(value);
  else body[name] = [existing, value];
}

async function collect(request: FastifyRequest): Promise<Record<string, FieldValue>> {
  const body = emptyRecord<FieldValue>();
  try {
    for await (const part of request.parts({ limits: MULTIPART_LIMITS })) {
      const value = part.type === 'file' ? await part.toBuffer() : part.value;
      if (part.type === 'field' && part.valueTruncated) throw clientError(413, 'SANDBOX_FIELD_TOO_LARGE', 'A multipart field is too large.');
      // Fields named after a prototype are dropped, not refused: the real services ignore them.
      if (isSafeKey(part.fieldname)) add(body, part.fieldname, typeof value === 'string' || Buffer.isBuffer(value) ? value : String(value));
    }
  } catch (error) {
    const status = (error as { statusCode?: unknown }).statusCode;
    // The plugin's limit errors are 413 and its prototype check 400; those keep their status.
    if (typeof status === 'number' && status >= 400 && status < 500) throw error;
    throw clientError(400, UNREADABLE_MULTIPART, 'The multipart body could not be read.');
  }
  return body;
}

/** Registers the multipart parser; bodies reach routes as null-prototype records of fields. */
export function acceptMultipart(app: FastifyInstance): void {
  void app.register(multipart, { limits: MULTIPART_LIMITS });
  app.addHook('preValidation', async (request) => {
    if (request.isMultipart()) request.body = await collect(request);
  });
}

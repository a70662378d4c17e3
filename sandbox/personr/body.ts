// Personr's token workflow takes no body: the samples send none, with no Content-Type, with
// application/json (the fetch sample) or, per the header table, multipart/form-data. Bubble ignores
// what it does not expect (inference: research §2, Sandbox behaviour 2), so inside Personr's scope
// every body is read as text and ignored. Without this, Fastify would refuse the fetch sample's
// empty application/json body with its own 400, and a multipart header without a body with a 500.
import type { FastifyInstance } from 'fastify';

export function ignoreBodies(app: FastifyInstance): void {
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', { parseAs: 'string' }, (_request, _body, done) => done(null, undefined));
}

export function isJson(contentType: string | undefined): boolean {
  return /^\s*application\/json/i.test(contentType ?? '');
}

export function isMultipart(contentType: string | undefined): boolean {
  return /^\s*multipart\/form-data/i.test(contentType ?? '');
}

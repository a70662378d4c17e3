// The answers td-auth gives, in one place: ErrorView bodies, the Guardian error handler's body,
// the _td_refresh cookie, and the Phoenix pipeline's reactions to bodies and Accept headers the
// routes never see. Everything here is "inference" from td-auth's code (research §4) unless the
// document shows it (only the 401 Invalid credentials body).
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { FaultSwitch } from '../core/vendor-module';

export const REFRESH_COOKIE = '_td_refresh';

/** The document's 401 body (tab "401: Unauthorized"). */
export const INVALID_CREDENTIALS = { errors: { detail: 'Invalid credentials' } } as const;

/** ErrorView's generic envelope: {"errors":{"detail":<Phoenix reason phrase>}}. */
export function errorDetail(detail: string): { errors: { detail: string } } {
  return { errors: { detail } };
}

// inference (td-auth session_controller put_refresh_token/2, Plug defaults): path=/, secure,
// HttpOnly, SameSite=Strict, and no Max-Age: a browser-session cookie.
export function refreshCookie(token: string): string {
  return `${REFRESH_COOKIE}=${token}; path=/; secure; HttpOnly; SameSite=Strict`;
}

// inference (td-auth unauthorized/3 and ErrorHandler): every refusal also deletes the cookie.
export const DELETE_REFRESH_COOKIE = `${REFRESH_COOKIE}=; path=/; expires=Thu, 01 Jan 1970 00:00:00 GMT; max-age=0; secure; HttpOnly; SameSite=Strict`;

/** The 401 of td-auth's Guardian ErrorHandler for protected routes (another shape than login's). */
export function sendUnauthorized(reply: FastifyReply, faults: FaultSwitch): FastifyReply {
  const body = faults.isOn('unauthorized-body-changed') ? errorDetail('Unauthorized') : { message: 'unauthorized' };
  return reply.status(401).header('set-cookie', DELETE_REFRESH_COOKIE).send(body);
}

/** The refresh endpoint's and the login's 401: the document's body, plus the cookie deletion. */
export function sendInvalidCredentials(reply: FastifyReply, detail: string = INVALID_CREDENTIALS.errors.detail, status = 401): FastifyReply {
  return reply.status(status).header('set-cookie', DELETE_REFRESH_COOKIE).send(errorDetail(detail));
}

// inference (router.ex plug(:accepts, ["json"]), Phoenix): an Accept header that names no JSON
// type and no wildcard raises NotAcceptableError, which ErrorView renders with its fallback text.
function acceptsJson(accept: string | undefined): boolean {
  if (accept === undefined || accept.trim() === '') return true;
  return accept.split(',').some((range) => {
    const type = (range.split(';')[0] ?? '').trim().toLowerCase();
    return type === '*/*' || type === 'application/*' || type === 'application/json' || type.endsWith('+json');
  });
}

const REASON: Record<number, string> = { 400: 'Bad Request', 404: 'Not Found', 413: 'Request Entity Too Large', 415: 'Unsupported Media Type' };

/** Installs the pipeline behaviour shared by every truedat route in this plugin scope. */
export function installPipeline(app: FastifyInstance, faults: FaultSwitch): void {
  app.addHook('onRequest', async (request: FastifyRequest, reply: FastifyReply) => {
    // inference (Phoenix default for JSON APIs): td-auth answers with this cache-control header.
    void reply.header('cache-control', 'max-age=0, private, must-revalidate');
    if (!acceptsJson(request.headers.accept)) {
      return reply.status(406).send(errorDetail('Internal server error'));
    }
    return undefined;
  });

  app.setErrorHandler((error: FastifyError, _request, reply) => {
    // inference (Plug.Parsers.JSON): an empty JSON body decodes to no parameters, so the
    // controller's fallback answers 422 like any body of the wrong shape.
    if (error.code === 'FST_ERR_CTP_EMPTY_JSON_BODY') return reply.status(422).send(errorDetail('Unprocessable Entity'));
    // inference (Plug.Parsers ParseError → 400; ErrorView has no 400 template, so its fallback
    // "Internal server error" is the text; research §4 "Invalid JSON").
    if (error.code === 'FST_ERR_CTP_INVALID_JSON_BODY' || error instanceof SyntaxError) {
      return reply.status(faults.isOn('invalid-json-500') ? 500 : 400).send(errorDetail('Internal server error'));
    }
    const status = error.statusCode && error.statusCode >= 400 && error.statusCode < 500 ? error.statusCode : 500;
    if (status === 500) app.log.error({ err: { message: error.message } }, 'truedat sandbox error');
    return reply.status(status).send(errorDetail(REASON[status] ?? 'Internal server error'));
  });

  // inference (Phoenix NoRouteError → ErrorView "404.json"): unknown paths and methods get 404.
  // Without a path prefix the scope would share the core's root handler, which must stay.
  if (app.prefix !== '') app.setNotFoundHandler((_request, reply) => reply.status(404).send(errorDetail('Not Found')));
}

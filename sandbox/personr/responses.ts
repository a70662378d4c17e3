// Personr's response bodies and the one way the sandbox sends JSON. The 200 and 400 bodies are the
// document's ("Response"); the others are Bubble's, since Personr runs on Bubble's Workflow API
// (research/vendor-behaviour.md §2), and each is labelled with its source.
import type { FastifyReply } from 'fastify';

export function sendJson(reply: FastifyReply, status: number, body: unknown): FastifyReply {
  // inference (research/auth-reliability.md checks 14 and 25): JSON with a charset, nosniff, and no
  // caching of anything that may carry a token.
  return reply
    .status(status)
    .type('application/json; charset=utf-8')
    .header('x-content-type-options', 'nosniff')
    .header('cache-control', 'no-store')
    .header('pragma', 'no-cache')
    .send(body);
}

/** The document's 400 message, with its typographic apostrophe (U+2019) in "didn’t". */
export const INVALID_LOGIN_MESSAGE = 'We didn\u2019t find an account with those login credentials';

/** The document's 400 body, read as the valid JSON it was meant to be (finding invalid-json-400). */
export function invalidLoginCredentials(options: { asciiApostrophe: boolean; reasonChanged: boolean }): object {
  return {
    statusCode: 400,
    reason: options.reasonChanged ? 'INVALID_CREDENTIALS' : 'INVALID_LOGIN_CREDENTIALS',
    message: options.asciiApostrophe ? INVALID_LOGIN_MESSAGE.replace('\u2019', "'") : INVALID_LOGIN_MESSAGE,
  };
}

// inference (Bubble's generated API docs list 405 "Wrong method" with a {message} body, research §2
// "Other statuses"); the wording is the sandbox's own.
export const WRONG_METHOD = { message: 'Wrong method: this workflow only accepts POST requests.' };

// inference (Bubble forum thread 369687, research §2 "Bubble error shapes seen in the wild"): an
// invalid or expired bearer token gets {error_class, args.code, message: null, translation}. The
// forum's translation ends in the token itself; the sandbox leaves it out so that no response
// carries a credential.
export function unauthorized(code: string): object {
  return { error_class: 'Unauthorized', args: { code }, message: null, translation: 'Invalid or expired token' };
}

// inference (Bubble's usual workflow failure, research §2 "Other statuses"): what the two
// content-type faults answer, the way a framework refuses a body it cannot parse.
export const WORKFLOW_FAILURE = { status: 'ERROR', message: 'Workflow failure: the request body could not be read.' };

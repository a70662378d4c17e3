// Personr's named faults. Each one breaks exactly one clause of specs/personr/vendor.yaml, so the
// project's fault-coverage run can prove that precisely the scenarios naming that clause go red.
import { SECRET_ECHO_CLAUSE, type FaultSpec } from '../core/vendor-module';

export const personrFaults = {
  'issue-201': {
    clause: 'token.issued',
    description: 'A successful POST /api-basic-auth is answered 201 instead of 200.',
  },
  'split-at-last-colon': {
    clause: 'token.issued',
    description: 'The decoded credentials are split at the last colon, so a password containing a colon is refused.',
  },
  'user-id-dropped': {
    clause: 'token.envelope',
    description: 'The 200 body lacks response.user_id.',
  },
  'expires-in-days': {
    clause: 'token.expires-value',
    description: 'The 200 body states the lifetime in days (expires: 365) instead of seconds (31536000).',
  },
  'json-content-type-refused': {
    clause: 'request.content-types',
    description: 'A request with Content-Type: application/json and no body (the fetch sample) is refused with 400.',
  },
  'multipart-refused': {
    clause: 'request.content-types',
    description: 'A multipart/form-data request (the header table) is refused with 400.',
  },
  'wrong-password-401': {
    clause: 'login.wrong-password',
    description: 'A wrong password for a known email is answered 401 instead of 400.',
  },
  'unknown-user-404': {
    clause: 'login.unknown-user',
    description: 'An unknown email is answered 404 instead of 400 (an enumeration leak).',
  },
  'ascii-apostrophe': {
    clause: 'login.error-body',
    description: 'The 400 message uses an ASCII apostrophe ("didn\'t") instead of the documented U+2019.',
  },
  'reason-changed': {
    clause: 'login.error-body',
    description: 'The 400 body says reason "INVALID_CREDENTIALS" instead of "INVALID_LOGIN_CREDENTIALS".',
  },
  'bad-header-401': {
    clause: 'login.header-required',
    description: 'A missing, malformed or non-Basic Authorization header is answered 401 instead of 400.',
  },
  'get-issues-token': {
    clause: 'method.get-refused',
    description: 'GET /api-basic-auth issues a token like POST instead of answering 405.',
  },
  'valid-token-refused': {
    clause: 'token.bearer-usable',
    description: 'The protected workflow refuses live tokens with 401.',
  },
  'probe-wrong-user': {
    clause: 'token.bound-to-user',
    description: "The protected workflow runs as another user than the token's.",
  },
  'same-token-reissued': {
    clause: 'token.new-each-time',
    description: "A repeated POST /api-basic-auth returns the user's current token instead of a new one.",
  },
  'reissue-keeps-earlier': {
    clause: 'token.reissue-revokes',
    description: 'Issuing a new token leaves the earlier tokens of the user valid.',
  },
  'token-never-expires': {
    clause: 'token.lifetime',
    description: 'Tokens stay valid after their one-year lifetime.',
  },
  'idle-expiry-30-days': {
    clause: 'token.lifetime',
    description: "Tokens unused for 30 days expire (Bubble's idle rule), long before the documented year.",
  },
  'unknown-token-accepted': {
    clause: 'token.unknown-refused',
    description: 'The protected workflow accepts a Bearer value Personr never issued.',
  },
  'probe-open-without-token': {
    clause: 'token.unknown-refused',
    description: 'The protected workflow runs without any Authorization header.',
  },
  'password-echoed': {
    clause: SECRET_ECHO_CLAUSE,
    description: 'A successful login hands the password from the Basic header back in response.password.',
    echoes: { variables: ['PERSONR_PASSWORD', 'PERSONR_SECOND_PASSWORD'], method: 'POST', path: '/api-basic-auth' },
  },
} satisfies Record<string, FaultSpec>;

export type PersonrFault = keyof typeof personrFaults;

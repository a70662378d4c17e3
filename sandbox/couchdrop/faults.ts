// Couchdrop's named faults. Each one breaks exactly one clause of specs/couchdrop/vendor.yaml, so
// the project's fault-coverage run can prove that precisely the scenarios naming that clause fail.
import { SECRET_ECHO_CLAUSE, type FaultSpec } from '../core/vendor-module';

export const couchdropFaults = {
  'json-login-201': {
    clause: 'auth.json-ok',
    description: 'A successful login with a JSON body is answered 201 instead of 200.',
  },
  'form-body-ignored': {
    clause: 'auth.form-ok',
    description: 'Form-encoded and multipart bodies are ignored, so valid form credentials are refused with 403.',
  },
  'system-field-refused': {
    clause: 'auth.system-optional',
    description: 'A login that carries the optional "system" field is refused with 403.',
  },
  'same-token-reissued': {
    clause: 'auth.new-token',
    description: "A repeated login returns the user's current token instead of a new one.",
  },
  'wrong-password-401': {
    clause: 'auth.wrong-password',
    description: 'A wrong password for an existing user is answered 401 instead of 403.',
  },
  'unknown-user-404': {
    clause: 'auth.unknown-user',
    description: 'An unknown user is answered 404 instead of 403 (an enumeration leak).',
  },
  'incomplete-body-accepted': {
    clause: 'auth.incomplete-refused',
    description: 'A body missing username or password, or unreadable JSON, is answered 200 with a token.',
  },
  '2fa-user-let-in': {
    clause: 'auth.2fa-required',
    description: 'A user with two-factor authentication gets a token for the password alone (200).',
  },
  'valid-token-refused': {
    clause: 'token.opens-account',
    description: 'GET /manage/account refuses live tokens with 403.',
  },
  'other-users-account': {
    clause: 'token.inherits-user',
    description: "GET /manage/account answers with another user's account.",
  },
  'invalid-token-401': {
    clause: 'token.invalid-refused',
    description: 'A missing or unknown token on GET /manage/account is answered 401 instead of 403.',
  },
  'bearer-accepted': {
    clause: 'token.header',
    description: 'GET /manage/account also accepts the token as "Authorization: Bearer".',
  },
  'reissue-revokes-earlier': {
    clause: 'token.earlier-valid',
    description: "A new login revokes the user's earlier tokens.",
  },
  'token-never-expires': {
    clause: 'token.expires',
    description: 'Tokens stay valid forever instead of expiring after their short lifetime.',
  },
  'password-echoed': {
    clause: SECRET_ECHO_CLAUSE,
    description: 'A successful login hands the submitted password back in the token body ("password").',
    echoes: { variables: ['COUCHDROP_PASSWORD', 'COUCHDROP_SECOND_PASSWORD'], method: 'POST', path: '/authenticate' },
  },
} satisfies Record<string, FaultSpec>;

export type CouchdropFault = keyof typeof couchdropFaults;

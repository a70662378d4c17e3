// truedat's named faults. Each breaks exactly one clause of specs/truedat/vendor.yaml, and only
// on the path that clause describes, so the fault-coverage run can check that precisely the
// scenarios listing that clause go red.
import type { FaultSpec } from '../core/vendor-module';

export const TRUEDAT_FAULTS = {
  'created-200': { clause: 'session.created', description: 'A successful login answers 200 instead of 201.' },
  'no-token': { clause: 'session.created', description: 'The 201 body of a successful login leaves out "token".' },
  'refresh-token-cookie-only': {
    clause: 'session.refresh-token',
    description: 'The 201 body leaves out "refresh_token" (td-auth 4.48+ behaviour: the refresh token is only a cookie).',
  },
  'wrong-password-403': { clause: 'login.wrong-password', description: 'A known user with a wrong password gets 403 instead of 401.' },
  'unknown-user-404': {
    clause: 'login.unknown-user',
    description: 'An unknown user gets 404 {"errors":{"detail":"User not found"}}, unlike a wrong password.',
  },
  'login-error-detail-changed': {
    clause: 'login.error-detail',
    description: 'A rejected login says "Invalid username or password" instead of "Invalid credentials".',
  },
  'malformed-body-400': {
    clause: 'request.nested-body',
    description: 'A body without user.user_name and user.password gets 400 instead of 422.',
  },
  'invalid-json-500': { clause: 'request.invalid-json', description: 'A body that is not valid JSON gets 500 instead of 400.' },
  'token-rejected': { clause: 'session.token-usable', description: 'GET /api/sessions answers 401 even to a live token.' },
  'login-revokes-previous': {
    clause: 'session.concurrent',
    description: "A login ends the user's earlier sessions, so their tokens stop working.",
  },
  'missing-bearer-let-in': {
    clause: 'protected.requires-bearer',
    description: 'A protected call without a Bearer token (no header, another scheme, or the bare word) is let in as the API user.',
  },
  'unauthorized-body-changed': {
    clause: 'protected.unauthorized-body',
    description: 'A refused protected call answers {"errors":{"detail":"Unauthorized"}} instead of {"message":"unauthorized"}.',
  },
  'forged-token-accepted': {
    clause: 'protected.rejects-forged-token',
    description: 'A Bearer value whose signature does not verify (or that is no JWT at all) is accepted as the API user.',
  },
  'token-never-expires': { clause: 'token.expires', description: 'Access tokens are accepted after their 600 seconds.' },
  'token-expires-early': { clause: 'token.expires', description: 'Access tokens expire after 300 seconds instead of 600.' },
  'refresh-200': { clause: 'refresh.issues', description: 'A successful refresh answers 200 instead of 201.' },
  'refresh-without-cookie-accepted': {
    clause: 'refresh.needs-refresh-token',
    description: 'A refresh with a live Bearer token but no _td_refresh cookie still gets a new token.',
  },
  'refresh-not-bound': {
    clause: 'refresh.bound-to-session',
    description: "A refresh accepts a live refresh token that belongs to another session.",
  },
  'refresh-keeps-old-session': {
    clause: 'refresh.rotates',
    description: 'After a refresh the previous access token and refresh token stay live.',
  },
  'logout-200': { clause: 'logout.status', description: 'A logout answers 200 instead of 204.' },
  'logout-keeps-token': { clause: 'logout.revokes', description: 'A logout answers 204 but leaves the token live.' },
} as const satisfies Record<string, FaultSpec>;

export type TruedatFault = keyof typeof TRUEDAT_FAULTS;

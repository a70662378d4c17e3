// Where td-auth, the service behind truedat, is known to answer otherwise than the document. The
// sandbox behaves this way only under SANDBOX_PROFILE=observed (sandbox/core/profile.ts); each
// entry has a matching known-drift entry in specs/truedat/vendor.yaml.
import type { DriftSpec } from '../core/vendor-module';

export const truedatDrift = {
  'refresh-token-cookie-only': {
    clause: 'session.refresh-token',
    documented: 'The 201 body of a login is {"refresh_token": …, "token": …}.',
    observed: 'The 201 body is {"token": …} only; the refresh token travels only in the _td_refresh cookie (SameSite=Strict, secure).',
    source:
      'Bluetab/td-auth tag 7.1.0 (29f1abd): lib/td_auth_web/views/session_view.ex render("show.json") returns %{token: token}; ' +
      'session_controller.ex put_refresh_token/2 sets the cookie; CHANGELOG 4.48.0 (2022-07-26) TD-3614',
  },
} satisfies Record<string, DriftSpec>;

export type TruedatDrift = keyof typeof truedatDrift;

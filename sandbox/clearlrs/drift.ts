// Where ClearLRS is known to answer otherwise than the sandbox's documented reading. The sandbox
// behaves this way only under SANDBOX_PROFILE=observed (sandbox/core/profile.ts). No entry here
// has a known-drift entry in specs/clearlrs/vendor.yaml: the one difference breaks no checked
// scenario (no scenario sends the service account to /xapi/statements; the observed profile runs
// 80/80), so an entry would only report "drift resolved?" every night.
import type { DriftSpec } from '../core/vendor-module';

export const clearlrsDrift = {
  'service-account-on-xapi': {
    clause: 'xapi.auth-required',
    documented:
      'The document says only that issued credentials "can be used to make further API requests"; the documented profile lets only issued credentials read /xapi/statements.',
    observed: "The service account's API key:secret, as Basic, also reads /xapi/statements (200), unrestricted by any actor.",
    source:
      'dev.clearxp.com/getting-started/authentication: curl https://org.clearlrs.com/xapi/statements -H "authorization: Basic a2V5OnNlY3JldA==" (base64 of key:secret)',
  },
} satisfies Record<string, DriftSpec>;

export type ClearlrsDrift = keyof typeof clearlrsDrift;

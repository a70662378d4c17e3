// The Nexudus sandbox: no token endpoint, Basic email:password on every call, checked against the
// document's preconditions ("API Access", and unrestricted administrator or a role). Mounted under
// the paths of NEXUDUS_SPACE_BASE_URL and NEXUDUS_ADMIN_BASE_URL. Behaviour the document leaves
// open is marked `inference:`.
import type { VendorModule } from '../core/vendor-module';
import { nexudusFaults } from './faults';
import { registerRoutes } from './routes';
import { NexudusStore, seedUsers } from './store';

export const nexudus: VendorModule = {
  name: 'nexudus',
  baseUrlVar: 'NEXUDUS_SPACE_BASE_URL',
  // The members portal ({space}.spaces.nexudus.com) and the admin REST API (spaces.nexudus.com)
  // are two hosts (research §5, "Base URLs"); each resource is served only under its own.
  bases: { space: 'NEXUDUS_SPACE_BASE_URL', admin: 'NEXUDUS_ADMIN_BASE_URL' },
  faults: nexudusFaults,
  // No observed-profile difference: the article promises nothing the real service is known to
  // break. Which host serves which resource (developers.nexudus.com; support article 360009842898)
  // is served the same in both profiles, and Nexudus also accepting a Bearer token on
  // /en/user/me (the same article) touches no clause.
  drift: {},
  demoAccounts: (env) =>
    seedUsers(env).map((u) => ({
      label: !u.apiAccess ? 'no "API Access" (answers 401)' : u.unrestrictedAdmin || u.roles.length > 0 ? 'API user (unrestricted administrator)' : 'API access but no role (answers 401)',
      username: u.email,
      password: u.password,
    })),
  register(app, ctx) {
    registerRoutes(app, ctx, new NexudusStore(seedUsers(ctx.env)));
  },
  // Basic authentication issues nothing, so there is nothing to forget.
  reset() {},
};

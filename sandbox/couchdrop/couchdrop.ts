// The Couchdrop sandbox: POST /authenticate mints short-lived tokens for seeded accounts, and
// GET /manage/account accepts them in a header named `token`. Mounted under the path of
// COUCHDROP_BASE_URL. Behaviour the document leaves open is marked `inference:` where it is chosen.
import type { VendorModule } from '../core/vendor-module';
import { registerAccount } from './account-route';
import { registerAuthenticate } from './authenticate-route';
import { acceptAnyJson } from '../core/lenient-json';
import { answerUnreadableBodies } from './unreadable-body';
import { couchdropFaults } from './faults';
import { CouchdropStore, seedAccounts } from './store';

// One store per sandbox built (tests build several in one process); reset() clears them all.
const stores = new Set<CouchdropStore>();

export const couchdrop: VendorModule = {
  name: 'couchdrop',
  baseUrlVar: 'COUCHDROP_BASE_URL',
  faults: couchdropFaults,
  // No observed-profile difference, on purpose. Couchdrop's early open-source service
  // (Shasthojoy/couchdrop routes_account.py @575530b) reads /authenticate from form fields only and
  // every /manage/account* token from the query string; today's pages contradict both ("form data
  // or JSON", www.couchdrop.io/features/api-management; a `token*` header on
  // /manage/account/storage, couchdrop-1.gitbook.io, where that old code also read the query), so
  // the research does not trust the old code there. Where it does trust it (403 bodies, uuid4
  // tokens, earlier tokens kept, a missing field refused with 403) both profiles already follow it.
  drift: {},
  demoAccounts: (env) =>
    seedAccounts(env).map((a) => ({
      label: a.twoFactor ? 'user with 2FA (login answers 401)' : a.username === env.COUCHDROP_USERNAME ? 'API user' : 'second API user (the expiry contract)',
      username: a.username,
      password: a.password,
    })),
  register(app, ctx) {
    const store = new CouchdropStore(seedAccounts(ctx.env));
    stores.add(store);
    acceptAnyJson(app);
    answerUnreadableBodies(app);
    registerAuthenticate(app, ctx, store);
    registerAccount(app, ctx, store);
  },
  reset() {
    for (const store of stores) store.reset();
  },
};

// The ClearLRS sandbox: a service account creates Basic credentials for an xAPI actor with
// POST /api/auth/basic, and those credentials read /xapi/statements for that actor until ttlMins
// have passed. Mounted under the path of CLEARLRS_BASE_URL. Behaviour the document leaves open
// is marked `inference:` where it is chosen.
import type { VendorModule } from '../core/vendor-module';
import { acceptAnyJson } from '../core/lenient-json';
import { registerCreate } from './create-route';
import { clearlrsDrift } from './drift';
import { clearlrsFaults } from './faults';
import { ClearlrsStore, serviceAccountFrom } from './store';
import { answerUnreadableBodies } from './unreadable-body';
import { registerXapi } from './xapi-route';

// One store per sandbox built (tests build several in one process); reset() clears them all.
const stores = new Set<ClearlrsStore>();

export const clearlrs: VendorModule = {
  name: 'clearlrs',
  baseUrlVar: 'CLEARLRS_BASE_URL',
  faults: clearlrsFaults,
  drift: clearlrsDrift,
  demoAccounts: (env) => {
    const service = serviceAccountFrom(env);
    return service ? [{ label: 'service account (API key / secret)', username: service.key, password: service.secret }] : [];
  },
  register(app, ctx) {
    const store = new ClearlrsStore(serviceAccountFrom(ctx.env));
    stores.add(store);
    acceptAnyJson(app);
    answerUnreadableBodies(app);
    registerCreate(app, ctx, store);
    registerXapi(app, ctx, store);
  },
  reset() {
    for (const store of stores) store.reset();
  },
};

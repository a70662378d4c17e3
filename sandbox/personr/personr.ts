// The Personr sandbox: a Bubble.io workflow API mounted under the path of PERSONR_BASE_URL
// (…/api/1.1/wf). POST /api-basic-auth trades Basic email:password for a one-year bearer token
// that revokes the user's earlier ones; POST /api-probe is a protected workflow that accepts it.
// Behaviour the document leaves open is marked `inference:` where it is chosen.
import type { VendorModule } from '../core/vendor-module';
import { registerBasicAuth } from './basic-auth-route';
import { ignoreBodies } from './body';
import { personrDrift } from './drift';
import { personrFaults } from './faults';
import { registerProbe } from './probe-route';
import { PersonrStore, seedAccounts } from './store';

// One store per sandbox built (tests build several in one process); reset() clears them all.
const stores = new Set<PersonrStore>();

export const personr: VendorModule = {
  name: 'personr',
  baseUrlVar: 'PERSONR_BASE_URL',
  faults: personrFaults,
  drift: personrDrift,
  demoAccounts: (env) => seedAccounts(env).map((a) => ({ label: a.label, username: a.email, password: a.password })),
  register(app, ctx) {
    const store = new PersonrStore(seedAccounts(ctx.env));
    stores.add(store);
    ignoreBodies(app);
    registerBasicAuth(app, ctx, store);
    registerProbe(app, ctx, store);
  },
  reset() {
    for (const store of stores) store.reset();
  },
};

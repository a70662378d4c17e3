// The truedat (Bluetab td-auth) sandbox: POST /api/sessions as the document describes it, and the
// Bearer-protected session routes as td-auth implements them. Where the document is silent the
// behaviour follows research/vendor-behaviour.md §4 "Sandbox behaviour", marked "inference" at
// each choice. State lives in a SessionStore per registered sandbox, so reset() forgets it all.
import type { VendorModule } from '../core/vendor-module';
import { readTruedatConfig } from './config';
import { truedatDrift } from './drift';
import { TRUEDAT_FAULTS } from './faults';
import { registerLoginRoute } from './login-route';
import { installPipeline } from './replies';
import { registerSessionRoutes } from './session-routes';
import { SessionStore } from './store';

/** A fresh module with no state; tests make their own, the sandbox uses `truedat`. */
export function createTruedatModule(): VendorModule {
  // One store per sandbox the module is registered in (tests build several in one process).
  const stores = new Set<SessionStore>();
  return {
    name: 'truedat',
    baseUrlVar: 'TRUEDAT_BASE_URL',
    faults: TRUEDAT_FAULTS,
    drift: truedatDrift,
    demoAccounts: (env) => [
      { label: 'API user (alternative_login)', username: env.TRUEDAT_USERNAME ?? '', password: env.TRUEDAT_PASSWORD ?? '' },
      ...(env.TRUEDAT_SECOND_USERNAME
        ? [{ label: 'second API user (refresh and logout contracts)', username: env.TRUEDAT_SECOND_USERNAME, password: env.TRUEDAT_SECOND_PASSWORD ?? '' }]
        : []),
      ...(env.TRUEDAT_THIRD_USERNAME
        ? [{ label: 'third API user (the expiry contract, sandbox only)', username: env.TRUEDAT_THIRD_USERNAME, password: env.TRUEDAT_THIRD_PASSWORD ?? '' }]
        : []),
    ],
    register(app, ctx) {
      const config = readTruedatConfig(ctx.env);
      const store = new SessionStore(config);
      stores.add(store);
      installPipeline(app, ctx.faults);
      registerLoginRoute(app, ctx, store);
      registerSessionRoutes(app, ctx, store);
    },
    reset() {
      for (const store of stores) store.clear();
    },
  };
}

export const truedat: VendorModule = createTruedatModule();

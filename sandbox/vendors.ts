// The vendors the sandbox serves. Adding a vendor's sandbox is one module and one line here.
import type { VendorModule } from './core/vendor-module';
import { truedat } from './truedat/truedat';
import { couchdrop } from './couchdrop/couchdrop';
import { clearlrs } from './clearlrs/clearlrs';
import { personr } from './personr/personr';
import { nexudus } from './nexudus/nexudus';
import { bench } from './bench/bench'; // sandbox-only echo vendor for npm run bench

export const vendors: readonly VendorModule[] = [truedat, couchdrop, clearlrs, personr, nexudus, bench];

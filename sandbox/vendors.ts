// The vendors the sandbox serves. Adding a vendor's sandbox is one module and one line here.
import type { VendorModule } from './core/vendor-module';
import { truedat } from './truedat/truedat';

export const vendors: readonly VendorModule[] = [truedat];

// The `test` the generated spec files use: Playwright's test with a `contract` fixture built on
// the `request` fixture, and a `contractVendor` option each generated file sets with test.use().
import { test as base } from '@playwright/test';
import { Contract } from './contract';
import type { VendorInfo } from './scenario-info';
import { workerContext } from './worker-context';

export interface ContractFixtures {
  contract: Contract;
  contractVendor: VendorInfo | undefined;
}

export const test = base.extend<ContractFixtures>({
  contractVendor: [undefined, { option: true }],
  contract: async ({ request, contractVendor }, use, testInfo) => {
    if (!contractVendor) throw new Error('config: no vendor for this file: its generated code must call test.use({ contractVendor })');
    await use(new Contract(request, workerContext(), contractVendor, testInfo));
  },
});

export type { ScenarioInfo, VendorInfo } from './scenario-info';

// The `test` the generated spec files use: Playwright's test with a `contract` fixture and a
// `contractVendor` option each generated file sets with test.use().
//
// No Playwright request context: the runtime sends with Node's fetch (send-request.ts), which keeps
// no cookie jar, so a contract sends exactly the cookies it writes and no test can leave state for
// the next. (A worker-scoped context stood here, used only to clear a jar nothing filled; it cost
// each worker a newContext and each cookie-setting response a recorded API step.)
//
// Redaction at the source (source-redaction.ts): the worker's stdout and stderr, every
// attachment, and each test's annotations and errors pass the scenario's redactor before
// Playwright sends them to the runner, so no reporter needs to redact anything.
import { test as base } from '@playwright/test';
import { expandScenario, type CompactScenario } from '../dsl/compact';
import { installConsoleRedaction } from '../redaction/console-redaction';
import type { Contract } from './contract';
import { loadEngine } from './engine';
import type { ScenarioInfo, VendorInfo } from './scenario-info';

export interface ContractFixtures {
  contract: Contract;
  contractVendor: VendorInfo | undefined;
}

// Playwright's own per-test "trace recording" fixture (`_setupArtifacts`) wires browser and API
// context instrumentation: pw:api steps, screenshots, per-context traces. The runtime sends with
// fetch and opens no browser, so it records nothing here, yet its set-up and tear-down steps have
// no location, and each captures and source-maps a stack: about half the worker CPU of a contract
// check (docs/performance.md). A no-op in its place halves it. `--trace on` still works: the test
// runner writes its own trace of the steps. Private to Playwright (hence the cast, and an exact
// pinned version); CONTRACT_PLAYWRIGHT_ARTIFACTS=1 puts Playwright's back.
const noArtifacts = process.env.CONTRACT_PLAYWRIGHT_ARTIFACTS === '1' ? {} : { _setupArtifacts: [async ({}, use: () => Promise<void>) => use(), { auto: 'all-hooks-included', box: 'self', timeout: 0 }] };

export const test = base.extend<ContractFixtures>({
  ...(noArtifacts as object),
  contractVendor: [undefined, { option: true }],
  contract: async ({ contractVendor }, use, testInfo) => {
    if (!contractVendor) throw new Error('config: no vendor for this file: its generated code must call test.use({ contractVendor })');
    const { Contract, guardAttachments, redactTestEnd, workerContext } = loadEngine(); // on first use (engine.ts)
    const worker = workerContext();
    installConsoleRedaction(worker.console);
    const contract = new Contract(worker, contractVendor, testInfo);
    guardAttachments(testInfo, contract.redactor);
    worker.runScenario(contract.redactor);
    await use(contract);
    try {
      // A passing scenario that proved a known-drift clause reports it (runtime/verdict.ts).
      contract.finish(testInfo.status);
      contract.network.finish(); // the attempts, and flaky-network when retries saved a pass
    } finally {
      // Last, so the annotations and errors added above are covered too.
      redactTestEnd(testInfo, contract.redactor);
      worker.runScenario(undefined);
    }
  },
});

export type { ScenarioInfo, VendorInfo } from './scenario-info';

// The generated specs print steps and scenarios without their empty defaults (dsl/compact.ts);
// these put them back before the runtime sees them.
export { expandStep, scenarioAnnotations } from '../dsl/compact';
export const scenario = (info: CompactScenario<ScenarioInfo>): ScenarioInfo => expandScenario(info);

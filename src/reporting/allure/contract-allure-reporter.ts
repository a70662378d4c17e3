// allure-playwright, configured for contracts: results in reports/allure-results (emptied when a
// run starts, since allure-playwright never cleans it and stale results would show up as
// retries), the target and the non-secret base URLs as environment info, and the annotation
// mapping of contract-labels.ts. `npm run report` builds the HTML report from these results.
import { rmSync } from 'node:fs';
import type { FullConfig, FullProject } from '@playwright/test';
import type { Suite } from '@playwright/test/reporter';
import type { Writer } from 'allure-js-commons/sdk/reporter';
import { AllureReporter } from 'allure-playwright';
import { sharedRunRedactor, type TextRedactor } from '../redact/run-redactor';
import { declaredSecretNames, isSecretName } from '../secrets/secret-values';
import { baseUrls, readTargetEnv, targetName } from '../secrets/target-env';
import { readManifest } from '../manifest';
import { contractLabels } from './contract-labels';
import { ResultsWriter } from './results-writer';

export interface ContractAllureOptions {
  resultsDir: string;
  redactor?: TextRedactor;
}

/** The target and the base URL of each vendor with contracts (never a secret variable). */
export function environmentInfo(env = readTargetEnv()): Record<string, string> {
  const declared = declaredSecretNames();
  const secretNames = new Set(Object.keys(env).filter((name) => isSecretName(name, declared)));
  const vendorUrls = new Set(readManifest().vendors.flatMap((v) => v.baseUrlVars));
  const urls = Object.entries(baseUrls(env, secretNames)).filter(([name]) => vendorUrls.size === 0 || vendorUrls.has(name));
  return { target: targetName(), ...Object.fromEntries(urls) };
}

export default class ContractAllureReporter extends AllureReporter {
  private readonly resultsDir: string;

  constructor(options: ContractAllureOptions) {
    const redactor = options.redactor ?? sharedRunRedactor();
    super({
      resultsDir: options.resultsDir,
      // Only the YAML steps (test.step) and attachments: fixture and API-call steps are noise here.
      detail: false,
      suiteTitle: false,
      environmentInfo: environmentInfo(),
      listeners: [contractLabels(redactor, options.resultsDir)],
    });
    this.resultsDir = options.resultsDir;
  }

  onConfigure(config: FullConfig): void {
    rmSync(this.resultsDir, { recursive: true, force: true });
    // `playwright merge-reports` configures reporters with no project, and allure-playwright
    // reads the first project's folders (only to find snapshot images, which API tests lack).
    const stub = { outputDir: this.resultsDir, snapshotDir: this.resultsDir } as FullProject;
    super.onConfigure(config.projects.length > 0 ? config : { ...config, projects: [stub] });
  }

  onBegin(suite: Suite): void {
    super.onBegin(suite);
    // allure-playwright hard-codes its writer, which fsyncs every file (results-writer.ts). Its
    // runtime is private, so the swap is checked by tests/reporting/allure-writer.spec.ts; under
    // ALLURE_TEST_MODE (allure's own message writer) nothing is swapped.
    const runtime = (this as unknown as { allureRuntime?: { writer?: Writer } }).allureRuntime;
    if (runtime?.writer && !process.env.ALLURE_TEST_MODE) runtime.writer = new ResultsWriter(this.resultsDir);
  }
}

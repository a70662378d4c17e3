// What a worker process sets up once and every test shares: the target's environment, the
// redactor holding the run's secrets, and the schema registry (one ajv instance). Created on
// first use, so a worker that runs no contract test pays nothing.
// The secret names come from the compiled suite's generated/manifest.json (run-secrets.ts, the
// rule the reporters use too), so the worker masks every secret of the run, the sandbox control
// token included, before its first test, and with the same «NAME» the reports use.
import path from 'node:path';
import { SchemaRegistry } from '../matchers/schema-registry';
import type { TextRedactor } from '../redaction/console-redaction';
import type { Redactor } from '../redaction/redactor';
import { manifestSecretNames, redactorForRun } from '../redaction/run-secrets';
import { loadTargetEnv, type TargetEnv } from './env';
import { contractsRoot } from './paths';
import type { VendorInfo } from './scenario-info';

export class WorkerContext {
  readonly redactor: Redactor;
  readonly schemas: SchemaRegistry;
  private readonly vendorsSeen = new Set<string>();
  /** The running scenario's redactor: the worker's secrets plus the tokens it captured. */
  private scenarioRedactor: Redactor | undefined;
  /** What the worker's stdout and stderr go through (contract-test.ts installs it). */
  readonly console: TextRedactor = { redact: (text) => (this.scenarioRedactor ?? this.redactor).redact(text) };

  constructor(
    readonly root: string,
    readonly env: TargetEnv,
  ) {
    this.redactor = redactorForRun(env.values, manifestSecretNames(root));
    this.schemas = new SchemaRegistry(path.join(root, 'schemas'));
  }

  /** The scenario now running (undefined when it ends); its captured tokens are masked in the console too. */
  runScenario(redactor: Redactor | undefined): void {
    this.scenarioRedactor = redactor;
  }

  /**
   * Registers a vendor's secret variables the first time a test uses it. The manifest already
   * named them; this covers a root compiled without one (the runtime's unit tests).
   */
  useVendor(vendor: VendorInfo): void {
    if (this.vendorsSeen.has(vendor.vendor)) return;
    this.vendorsSeen.add(vendor.vendor);
    for (const variable of vendor.variables) {
      const value = this.env.values[variable.name];
      if (variable.secret && value) this.redactor.add(variable.name, value);
    }
  }
}

let current: WorkerContext | undefined;

/** The worker's context; a missing env file surfaces as the ConfigError of the first test. */
export function workerContext(): WorkerContext {
  if (!current) {
    const root = contractsRoot();
    current = new WorkerContext(root, loadTargetEnv(root));
  }
  return current;
}

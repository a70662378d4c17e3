// What a worker process sets up once and every test shares: the target's environment, the
// redactor holding the vendors' secrets, and the schema registry (one ajv instance). Created on
// first use, so a worker that runs no contract test pays nothing.
import path from 'node:path';
import { SchemaRegistry } from '../matchers/schema-registry';
import { Redactor } from '../redaction/redactor';
import { loadTargetEnv, type TargetEnv } from './env';
import { contractsRoot } from './paths';
import type { VendorInfo } from './scenario-info';

export class WorkerContext {
  readonly redactor = new Redactor();
  readonly schemas: SchemaRegistry;
  private readonly vendorsSeen = new Set<string>();

  constructor(
    readonly root: string,
    readonly env: TargetEnv,
  ) {
    this.schemas = new SchemaRegistry(path.join(root, 'schemas'));
  }

  /** Registers a vendor's secret variables with the redactor the first time a test uses it. */
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

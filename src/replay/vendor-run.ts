// What record and mutate both need before they run anything: the vendor's contracts loaded and
// valid, and the target's variables. Every problem is one clear line and exit code 2.
import type { ContractSuite, VendorManifest } from '../dsl/model';
import { formatLoadFailure, loadSuite } from '../loader/load-suite';
import { loadTargetEnv, type TargetEnv } from '../runtime/env';

export class UsageError extends Error {}

export interface VendorRun {
  root: string;
  suite: ContractSuite;
  manifest: VendorManifest;
  env: TargetEnv;
}

export function prepareVendorRun(root: string, vendor: string | undefined, target: string): VendorRun {
  if (!vendor) throw new UsageError('--vendor <name> is required');
  const loaded = loadSuite(root, { vendors: [vendor] });
  const { suite } = loaded;
  if (loaded.errors.length > 0) throw new UsageError(formatLoadFailure(loaded, root));
  const manifest = suite.vendors.find((v) => v.vendor === vendor);
  if (!manifest) throw new UsageError(`no vendor "${vendor}" under ${root}/specs/ (expected specs/${vendor}/vendor.yaml)`);
  const env = loadTargetEnv(root, { ...process.env, TARGET: target });
  return { root, suite, manifest, env };
}

/** A scenario name -> its contract file, for mapping report outcomes back to recordings. */
export function fileOfScenario(suite: ContractSuite, vendor: string): Map<string, string> {
  return new Map(suite.files.filter((f) => f.vendor === vendor).flatMap((f) => f.scenarios.map((s) => [s.name, f.file] as const)));
}

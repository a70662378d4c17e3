// Compares the sandbox's drift tables (sandbox/<vendor>/drift.ts) with the known-drift entries of
// specs/<vendor>/vendor.yaml: every behaviour the observed profile changes must be a drift entry
// the reports can name, on the same clause. The vendor.yaml side is read loosely (a list or a
// map of entries, each with `clause` and optionally `id`), since its schema is another change's.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import type { DriftSpec } from '../../sandbox/core/vendor-module';

export interface VendorYamlDrift {
  clauses: string[];
  /** undefined when the file has no `drift:` key at all. */
  drift?: { id?: string; clause?: string }[];
}

export function readVendorYaml(root: string, vendor: string): VendorYamlDrift {
  const doc = parse(readFileSync(path.join(root, 'specs', vendor, 'vendor.yaml'), 'utf8')) as Record<string, unknown>;
  const clauses = Object.keys((doc.clauses ?? {}));
  const raw = doc.drift;
  if (raw === undefined || raw === null) return { clauses };
  const entries = Array.isArray(raw) ? raw : Object.entries(raw).map(([id, v]) => ({ id, ...(v as object) }));
  return { clauses, drift: entries as { id?: string; clause?: string }[] };
}

/** One line per sandbox drift entry that vendor.yaml does not match; [] when all match. */
export function driftMismatches(vendor: string, table: Record<string, DriftSpec>, yaml: VendorYamlDrift): string[] {
  const problems: string[] = [];
  for (const [id, spec] of Object.entries(table)) {
    if (!yaml.clauses.includes(spec.clause)) problems.push(`${vendor}.${id}: clause ${spec.clause} is not declared in specs/${vendor}/vendor.yaml`);
    if (yaml.drift === undefined) continue;
    const entry = yaml.drift.find((d) => d.id === id) ?? yaml.drift.find((d) => d.id === undefined && d.clause === spec.clause);
    if (!entry) problems.push(`${vendor}.${id}: specs/${vendor}/vendor.yaml has no drift entry for it`);
    else if (entry.clause !== undefined && entry.clause !== spec.clause) {
      problems.push(`${vendor}.${id}: vendor.yaml puts it on clause ${entry.clause}, the sandbox on ${spec.clause}`);
    }
  }
  return problems;
}

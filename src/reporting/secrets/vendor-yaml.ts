// The few facts of specs/<vendor>/vendor.yaml the reporting side needs (which variables are
// secret, which holds the base URL, where each document is published), read straight from the
// YAML: reporters run in the runner process and in `merge-reports`, where the loader's full
// validation would only repeat work the run already did. A broken file yields nothing here;
// the loader is the one that reports it.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { PROJECT_ROOT } from './target-env';

export interface VendorYaml {
  vendor: string;
  baseUrl?: string; // the variable holding the base URL
  bases?: Record<string, string>; // several base URLs: name -> variable
  variables: Record<string, { secret?: unknown } | null>;
  documents: Record<string, { file?: string; url?: string } | null>;
}

export function vendorYamls(root = PROJECT_ROOT): VendorYaml[] {
  const specs = path.join(root, 'specs');
  if (!existsSync(specs)) return [];
  const found: VendorYaml[] = [];
  for (const vendor of readdirSync(specs).sort()) {
    const file = path.join(specs, vendor, 'vendor.yaml');
    if (!existsSync(file)) continue;
    try {
      const doc = (parse(readFileSync(file, 'utf8')) ?? {}) as Partial<VendorYaml>;
      found.push({
        vendor: typeof doc.vendor === 'string' ? doc.vendor : vendor,
        baseUrl: typeof doc.baseUrl === 'string' ? doc.baseUrl : undefined,
        bases: doc.bases !== null && typeof doc.bases === 'object' ? doc.bases : undefined,
        variables: doc.variables ?? {},
        documents: doc.documents ?? {},
      });
    } catch {
      continue;
    }
  }
  return found;
}

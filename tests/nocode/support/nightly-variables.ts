// What a real run of each vendor needs, checked against the places a person must add it: the
// nightly workflow (a repository secret in its env, or a value a step writes to $GITHUB_ENV) and
// env/production.env.example. Derived from the vendor.yaml files, so a sixth vendor that forgets
// a line is named, with the line to add and the file to add it to.
import type { ContractSuite } from '../../../src/dsl/model';

export interface MissingVariable {
  vendor: string;
  name: string;
  where: string; // the file that lacks it
  add: string; // the line to add
}

export function missingVariables(suite: ContractSuite, workflowEnv: Record<string, string>, workflowText: string, example: string): MissingVariable[] {
  const missing: MissingVariable[] = [];
  const inExample = new Set([...example.matchAll(/^#?\s*([A-Z][A-Z0-9_]+)=/gm)].map((m) => m[1]));
  for (const vendor of suite.vendors) {
    const needed = [vendor.baseUrlVar, ...vendor.variables.filter((v) => !v.optional).map((v) => v.name)];
    for (const name of needed) {
      const generated = new RegExp(`echo "${name}=.*>> "\\$GITHUB_ENV"`).test(workflowText);
      if (workflowEnv[name] !== `\${{ secrets.${name} }}` && !generated) {
        missing.push({ vendor: vendor.vendor, name, where: '.github/workflows/nightly.yml (top-level env)', add: `${name}: \${{ secrets.${name} }}` });
      }
      if (!inExample.has(name)) missing.push({ vendor: vendor.vendor, name, where: 'env/production.env.example', add: `${name}=` });
    }
  }
  return missing;
}

export function describeMissing(missing: readonly MissingVariable[]): string[] {
  return missing.map((m) => `${m.vendor}: ${m.name} is missing from ${m.where}; add "${m.add}"`);
}

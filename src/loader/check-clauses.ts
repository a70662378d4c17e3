// Clause ids wherever a contract names them: a scenario's `clauses:`, a step's, and one
// expectation's (status, schema, each header, cookie and body matcher). Each must be declared in
// vendor.yaml; a step's or an expectation's must also be one of its scenario's, because the
// scenario's list is what the fault proofs and the reports take as the clauses it proves.
import type { VendorManifest } from '../dsl/model';
import { quote } from './describe';
import { didYouMean } from './did-you-mean';
import type { Path } from './located';
import type { Problems } from './problems';
import { dict, isDict, list } from './view';

/** Checks the scenario's own list, then every step's and expectation's, against the manifest. */
export function checkClauses(rawScenario: unknown, path: Path, manifest: VendorManifest, problems: Problems): void {
  const scenario = dict(rawScenario);
  const own = list(scenario.clauses).filter((c): c is string => typeof c === 'string');
  checkList(scenario.clauses, [...path, 'clauses'], manifest, problems);
  list(scenario.steps).forEach((rawStep, j) => {
    for (const [raw, at] of clauseLists(rawStep, [...path, 'steps', j])) checkList(raw, at, manifest, problems, own);
  });
}

/** Every `clauses:` list inside one step, with its path. */
function clauseLists(rawStep: unknown, path: Path): [unknown, Path][] {
  const step = dict(rawStep);
  const expect = dict(step.expect);
  const out: [unknown, Path][] = [];
  if (step.clauses !== undefined) out.push([step.clauses, [...path, 'clauses']]);
  for (const key of ['status', 'schema'] as const) {
    const node = expect[key];
    if (isDict(node) && node.clauses !== undefined) out.push([node.clauses, [...path, 'expect', key, 'clauses']]);
  }
  for (const group of ['headers', 'cookies', 'body'] as const) {
    for (const [name, node] of Object.entries(dict(expect[group]))) {
      if (isDict(node) && node.clauses !== undefined) out.push([node.clauses, [...path, 'expect', group, name, 'clauses']]);
    }
  }
  return out;
}

/** `scenario`: the scenario's own clauses, for a step's or an expectation's list. */
function checkList(raw: unknown, path: Path, manifest: VendorManifest, problems: Problems, scenario?: readonly string[]): void {
  const declared = manifest.clauses.map((c) => c.id);
  list(raw).forEach((id, k) => {
    if (typeof id !== 'string') return;
    if (!declared.includes(id)) {
      const message = `each clause must be declared under clauses in ${manifest.file}; ${quote(id)} is not`;
      problems.add([...path, k], 'unknown clause', message, { hint: didYouMean(id, declared) });
    } else if (scenario && !scenario.includes(id)) {
      problems.add([...path, k], 'clause not in its scenario', `each clause here must also be listed in the scenario's clauses (${scenario.join(', ') || 'none'}); ${quote(id)} is not`, {
        hint: `Add ${id} to the scenario's clauses, or name one of those.`,
      });
    }
  });
}

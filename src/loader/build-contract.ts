// A contract file -> ContractFile, with the checks that need the vendor manifest: the vendor
// matches the folder and has a vendor.yaml, documents and clauses exist, harmful scenarios say
// why, clock offsets are not combined with sandboxOnly: false, templates resolve.
import type { ContractFile, Scenario, Severity, VendorManifest } from '../dsl/model';
import { buildStep } from './build-step';
import { checkBases } from './check-bases';
import { checkClauses } from './check-clauses';
import { VENDOR_ID } from './build-vendor';
import { checkTemplates } from './check-templates';
import { didYouMean } from './did-you-mean';
import { quote } from './describe';
import type { Path } from './located';
import type { Problems } from './problems';
import { dict, flag, list, text } from './view';

/** The vendor.yaml beside a contract file: built, absent, or present but unreadable. */
export type ManifestState = VendorManifest | 'missing' | 'unreadable';

const SEVERITIES: readonly Severity[] = ['blocker', 'critical', 'normal', 'minor', 'trivial'];

export function buildContract(data: unknown, folder: string, manifest: ManifestState, problems: Problems): ContractFile {
  const root = dict(data);
  const vendor = text(root.vendor);
  if (typeof root.vendor === 'string' && VENDOR_ID.test(vendor)) checkVendor(vendor, folder, manifest, problems);
  const known = typeof manifest === 'object' ? manifest : undefined;
  const doc = text(root.doc);
  if (known && typeof root.doc === 'string') checkDoc(['doc'], doc, known, problems);
  const scenarios = list(root.scenarios).map((item, index) =>
    buildScenario(item, ['scenarios', index], { doc, lock: typeof root.lock === 'string' ? root.lock : undefined }, known, problems),
  );
  return { file: problems.source.file, vendor: vendor || folder, feature: text(root.feature), doc, scenarios, loc: problems.loc([], 'value') };
}

function checkVendor(vendor: string, folder: string, manifest: ManifestState, problems: Problems): void {
  if (vendor !== folder) {
    problems.add(['vendor'], 'vendor does not match its folder', `vendor must be '${folder}', the name of the folder this file is in; found ${quote(vendor)}`, {
      hint: `Move the file to specs/${vendor}/ or write vendor: ${folder}.`,
    });
  } else if (manifest === 'missing') {
    problems.add(['vendor'], 'missing vendor.yaml', `vendor '${vendor}' must be described in specs/${vendor}/vendor.yaml, which does not exist`, {
      hint: 'Create it with the documents, variables and clauses this file refers to (see docs/contract-language.md).',
    });
  }
}

function checkDoc(path: Path, doc: string, manifest: VendorManifest, problems: Problems): void {
  const keys = manifest.documents.map((d) => d.key);
  if (keys.includes(doc)) return;
  problems.add(path, 'unknown document', `doc must be one of the documents in ${manifest.file} (${keys.join(', ') || 'none'}); found ${quote(doc)}`, {
    hint: didYouMean(doc, keys),
  });
}

interface FileDefaults {
  doc: string;
  lock?: string;
}

function buildScenario(data: unknown, path: Path, defaults: FileDefaults, manifest: VendorManifest | undefined, problems: Problems): Scenario {
  const s = dict(data);
  if (manifest && typeof s.doc === 'string') checkDoc([...path, 'doc'], s.doc, manifest, problems);
  const clauses = list(s.clauses).filter((c): c is string => typeof c === 'string');
  if (manifest) checkClauses(s, path, manifest, problems);
  const steps = list(s.steps).map((step, j) => buildStep(step, [...path, 'steps', j], problems));
  if (manifest) checkTemplates(s.steps, steps, path, manifest, problems);
  if (manifest) checkBases(steps, path, manifest, problems);
  const production = dict(s.production);
  const harmful = flag(production.harmful, false);
  const reason = typeof production.reason === 'string' && production.reason.trim() !== '' ? production.reason : undefined;
  if (harmful && reason === undefined) {
    problems.add([...path, 'production', 'harmful'], 'harmful scenario without a reason', 'production.reason must say how the scenario harms a real account when production.harmful is true; it is shown when the scenario is skipped', { part: 'key' });
  }
  const clockStep = steps.findIndex((step) => step.request.clockOffsetSeconds !== undefined);
  if (s.sandboxOnly === false && clockStep !== -1) {
    problems.add([...path, 'sandboxOnly'], 'clock offset off the sandbox', `sandboxOnly must not be false: step ${clockStep + 1} uses clockOffset, which only the sandbox understands`, {
      hint: 'Remove sandboxOnly: false (clock offsets make a scenario sandbox-only).',
    });
  }
  const effect = typeof production.effect === 'string' ? { effect: production.effect } : {};
  const lock = typeof s.lock === 'string' ? s.lock : defaults.lock;
  return {
    name: text(s.name),
    section: text(s.section),
    doc: typeof s.doc === 'string' ? s.doc : defaults.doc,
    clauses,
    tags: list(s.tags).filter((t): t is string => typeof t === 'string').map((t) => t.replace(/^@/, '')),
    severity: SEVERITIES.find((v) => v === s.severity) ?? 'normal',
    ...(lock !== undefined ? { lock } : {}),
    sandboxOnly: flag(s.sandboxOnly, false) || clockStep !== -1,
    production: { harmful, ...(reason !== undefined ? { reason } : {}), ...effect },
    noRetry: flag(s.noRetry, false),
    ...(typeof s.bodyLimitBytes === 'number' ? { bodyLimitBytes: s.bodyLimitBytes } : {}),
    steps,
    loc: problems.loc(path, 'value'),
  };
}

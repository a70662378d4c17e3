// vendor.yaml -> VendorManifest, with the checks that need the whole manifest: the vendor id
// matches its folder, documents named by clauses and findings exist, finding ids are unique;
// clause evidence and drift entries are checked in build-drift.ts.
import type { ClauseSpec, Finding, FindingSeverity, VariableSpec, VendorBase, VendorDocument, VendorManifest } from '../dsl/model';
import { buildDrift, clauseEvidence } from './build-drift';
import { didYouMean } from './did-you-mean';
import { quote } from './describe';
import type { Problems } from './problems';
import { dict, flag, list, text } from './view';

export const VENDOR_ID = /^[a-z][a-z0-9-]*$/;

export function buildVendor(data: unknown, folder: string, problems: Problems): VendorManifest {
  const root = dict(data);
  const file = problems.source.file;
  const vendor = text(root.vendor);
  // A malformed id is already reported by the schema; saying it differs from the folder adds nothing.
  if (typeof root.vendor === 'string' && VENDOR_ID.test(vendor) && vendor !== folder) {
    problems.add(['vendor'], 'vendor does not match its folder', `vendor must be '${folder}', the name of the folder this file is in; found ${quote(vendor)}`, {
      hint: `Rename the folder to specs/${vendor}/ or write vendor: ${folder}.`,
    });
  }
  const documents: VendorDocument[] = Object.entries(dict(root.documents)).map(([key, value]) => {
    const doc = dict(value);
    const url = typeof doc.url === 'string' ? { url: doc.url } : {};
    return { key, file: text(doc.file), title: text(doc.title), ...url, loc: problems.loc(['documents', key]) };
  });
  const variables: VariableSpec[] = Object.entries(dict(root.variables)).map(([name, value]) => {
    const v = dict(value);
    return { name, description: text(v.description), secret: flag(v.secret, false), optional: flag(v.optional, false), loc: problems.loc(['variables', name]) };
  });
  const docKeys = documents.map((d) => d.key);
  const checkDoc = (path: (string | number)[], doc: unknown): void => {
    if (typeof doc !== 'string' || docKeys.includes(doc)) return;
    problems.add(path, 'unknown document', `doc must be a key under documents in this file (${docKeys.join(', ') || 'none yet'}); found ${quote(doc)}`, {
      hint: didYouMean(doc, docKeys),
    });
  };
  const clauses: ClauseSpec[] = Object.entries(dict(root.clauses)).map(([id, value]) => {
    const c = dict(value);
    checkDoc(['clauses', id, 'doc'], c.doc);
    return { id, text: text(c.text), doc: text(c.doc), section: text(c.section), ...clauseEvidence(id, c, problems), fields: { ...c }, loc: problems.loc(['clauses', id]) };
  });
  const seenFindings = new Map<string, number>();
  const findings: Finding[] = list(root.findings).map((value, index) => {
    const f = dict(value);
    checkDoc(['findings', index, 'doc'], f.doc);
    const id = text(f.id);
    const first = seenFindings.get(id);
    if (first !== undefined && id !== '') {
      problems.add(['findings', index, 'id'], 'duplicate finding id', `finding id ${quote(id)} must be unique in this file; finding ${first + 1} already uses it`);
    } else seenFindings.set(id, index);
    const severity = (['info', 'minor', 'major'] as const).find((s) => s === f.severity) ?? 'info';
    return { id, doc: text(f.doc), section: text(f.section), severity: severity satisfies FindingSeverity, text: text(f.text), contract: text(f.contract), loc: problems.loc(['findings', index], 'value') };
  });
  const bases: VendorBase[] = Object.entries(dict(root.bases)).map(([name, variable]) => ({ name, variable: text(variable), loc: problems.loc(['bases', name]) }));
  if ((root.baseUrl === undefined) === (root.bases === undefined)) {
    problems.add(root.bases === undefined ? [] : ['bases'], root.bases === undefined ? 'missing key in vendor.yaml' : 'base URL unclear', `vendor.yaml must have exactly one of baseUrl (one base URL) and bases (several, by name); found ${root.baseUrl === undefined ? 'neither' : 'both'}`, {
      part: 'key',
      hint: 'Write baseUrl: <VENDOR>_BASE_URL, or bases: { <name>: <VARIABLE>, … } when resources live on different hosts.',
    });
  }
  const baseUrlVar = typeof root.baseUrl === 'string' ? root.baseUrl : (bases[0]?.variable ?? '');
  const drift = buildDrift(root.drift, clauses, findings, problems);
  const timeout = typeof root.requestTimeoutMs === 'number' ? { requestTimeoutMs: root.requestTimeoutMs } : {};
  return { vendor: vendor || folder, title: text(root.title), baseUrlVar, bases, documents, variables, clauses, findings, drift, ...timeout, file, loc: problems.loc([], 'value') };
}

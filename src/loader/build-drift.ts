// The evidence half of vendor.yaml: each clause's evidence level (an observed clause must say
// where it was observed, an inferred one what it is inferred from), and the known-drift entries,
// whose clause and finding must exist in the same file. A vague drift entry would silence real
// failures, so each must describe the mismatches it explains in the shape the runtime records.
import type { ClauseEvidence, ClauseSpec, DriftEntry, DriftMismatch, Finding } from '../dsl/model';
import { didYouMean } from './did-you-mean';
import { quote } from './describe';
import type { Problems } from './problems';
import { dict, list, text } from './view';

const LEVELS: readonly ClauseEvidence[] = ['documented', 'observed', 'inferred'];

/** The evidence fields of one clause; reports an observed clause without source, an inferred one without from. */
export function clauseEvidence(id: string, c: Record<string, unknown>, problems: Problems): Pick<ClauseSpec, 'evidence' | 'source' | 'from'> {
  // A missing or unknown level is reported by the schema; `inferred` is the safe reading meanwhile.
  const evidence = LEVELS.find((level) => level === c.evidence) ?? 'inferred';
  const source = typeof c.source === 'string' ? { source: c.source } : {};
  const from = typeof c.from === 'string' ? { from: c.from } : {};
  if (c.evidence === 'observed' && c.source === undefined) {
    problems.add(['clauses', id, 'evidence'], 'observed clause without a source', `clause ${quote(id)} is evidence: observed, so it must say where the behaviour was observed in source`, {
      part: 'value',
      hint: 'Add source: with a file at a tag or commit, a vendor page other than the document, or an issue thread; or write evidence: inferred with from:.',
    });
  }
  if (c.evidence === 'inferred' && c.from === undefined) {
    problems.add(['clauses', id, 'evidence'], 'inferred clause without from', `clause ${quote(id)} is evidence: inferred, so it must say what it is inferred from in from`, {
      part: 'value',
      hint: 'Add from: naming the RFC, the related page or the sandbox choice the clause rests on.',
    });
  }
  return { evidence, ...source, ...from };
}

export function buildDrift(value: unknown, clauses: readonly ClauseSpec[], findings: readonly Finding[], problems: Problems): DriftEntry[] {
  const clauseIds = clauses.map((c) => c.id);
  const findingIds = findings.map((f) => f.id);
  const seen = new Map<string, number>();
  return list(value).map((item, index) => {
    const d = dict(item);
    const id = text(d.id);
    const first = seen.get(id);
    if (first !== undefined && id !== '') {
      problems.add(['drift', index, 'id'], 'duplicate drift id', `drift id ${quote(id)} must be unique in this file; drift entry ${first + 1} already uses it`);
    } else seen.set(id, index);
    if (typeof d.clause === 'string' && !clauseIds.includes(d.clause)) {
      problems.add(['drift', index, 'clause'], 'unknown clause', `clause must be an id under clauses in this file; found ${quote(d.clause)}`, { part: 'value', hint: didYouMean(d.clause, clauseIds) });
    }
    if (typeof d.finding === 'string' && !findingIds.includes(d.finding)) {
      problems.add(['drift', index, 'finding'], 'unknown finding', `finding must be an id under findings in this file (${findingIds.join(', ') || 'none yet'}); found ${quote(d.finding)}`, {
        part: 'value',
        hint: didYouMean(d.finding, findingIds),
      });
    }
    const finding = typeof d.finding === 'string' ? { finding: d.finding } : {};
    list(d.observed).forEach((m, at) => {
      if (dict(m).absent === true && 'equals' in dict(m)) {
        problems.add(['drift', index, 'observed', at], 'contradictory drift mismatch', 'an observed mismatch is either absent: true or equals: a value, not both');
      }
    });
    const observed = list(d.observed).map(driftMismatch);
    return { id, clause: text(d.clause), ...finding, source: text(d.source), version: text(d.version), text: text(d.text), observed, loc: problems.loc(['drift', index], 'value') };
  });
}

function driftMismatch(value: unknown): DriftMismatch {
  const m = dict(value);
  const keyword = typeof m.keyword === 'string' ? { keyword: m.keyword } : {};
  if (m.absent === true) return { path: text(m.path), ...keyword, actual: { absent: true } };
  if ('equals' in m) return { path: text(m.path), ...keyword, actual: { equals: m.equals } };
  return { path: text(m.path), ...keyword };
}

// Turns a generated test's annotations into Allure metadata, as a listener that runs just
// before allure-playwright writes a result. allure-playwright turns every annotation it does not
// know (source, doc, clause, severity, feature, …) into a fake passed step named
// "<type>: <description>" with no start time; this listener takes those back out and maps them:
//   vendor  -> epic and parentSuite      feature (endpoint) -> feature and suite
//   clause  -> story (one per clause)    severity -> severity
//   doc     -> a link to the vendor document section, source -> the YAML line in the description
//   failure -> a `failure:<class>` tag and one story per broken clause, from the FailureRecord
//              attachment the runtime wrote (read from the results folder, never from a message)
// It also redacts the result's texts once more, since this is the last stop before disk, and
// keys the result's history by the scenario (vendor, YAML file, name), not by the generated spec
// it runs from: allure-playwright's testCaseId is the md5 of the spec's path and the title, and the
// compiler names contract specs by rank (compile-suite.ts): a changed rank lost their history.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Status, type Attachment, type Label, type StepResult, type TestResult } from 'allure-js-commons';
import { getTestResultHistoryId, md5, type LifecycleListener } from 'allure-js-commons/sdk/reporter';
import { ATTACHMENT, type FailureRecord } from '../../dsl/facts';
import { fileOfSource } from '../../replay/step-key';
import type { TextRedactor } from '../redact/run-redactor';
import { docLink } from '../document-links';
import { documentUrls } from '../manifest';

// allure-playwright's own "<type>: <description>" step names for the compiler's annotations.
const ANNOTATION_STEP = /^(source|doc|clause|severity|feature|finding|note|verdict): ([\s\S]*)$/;
const SEVERITIES = new Set(['blocker', 'critical', 'normal', 'minor', 'trivial']);

type Annotations = Map<string, string[]>;

/** Removes the annotation pseudo-steps and returns what they said. */
function takeAnnotations(result: TestResult): Annotations {
  const found: Annotations = new Map();
  const kept: StepResult[] = [];
  for (const step of result.steps) {
    const match = step.start === undefined && step.steps.length === 0 ? ANNOTATION_STEP.exec(step.name ?? '') : null;
    if (!match) {
      kept.push(step);
      continue;
    }
    const [, type = '', value = ''] = match;
    found.set(type, [...(found.get(type) ?? []), value]);
  }
  result.steps = kept;
  return found;
}

function labelValue(result: TestResult, name: string): string | undefined {
  return result.labels.find((l) => l.name === name)?.value;
}

/** The describe title is the vendor; allure-playwright puts the describe path in subSuite. */
function vendorOf(result: TestResult): string {
  return labelValue(result, 'subSuite')?.split(' > ')[0] ?? labelValue(result, 'tag') ?? 'unknown vendor';
}

function attachmentsOf(item: { attachments: Attachment[]; steps: StepResult[] }): Attachment[] {
  return [...item.attachments, ...item.steps.flatMap(attachmentsOf)];
}

/** The FailureRecord the runtime attached, as allure-playwright copied it into the results folder. */
function failureRecord(result: TestResult, resultsDir: string): FailureRecord | undefined {
  const attachment = attachmentsOf(result).find((a) => a.name === ATTACHMENT.failure);
  if (!attachment) return undefined;
  try {
    return JSON.parse(readFileSync(path.join(resultsDir, attachment.source), 'utf8')) as FailureRecord;
  } catch {
    return undefined;
  }
}

function applyAnnotations(result: TestResult, found: Annotations, urls: ReadonlyMap<string, string>, record: FailureRecord | undefined): void {
  const vendor = vendorOf(result);
  const feature = found.get('feature')?.[0];
  // Replaced by the contract's own values, or noise on a contract report (language, framework,
  // the spec file as a "package", the raw title path).
  const replaced = new Set(['epic', 'parentSuite', 'suite', 'subSuite', 'feature', 'story', 'severity', 'language', 'framework', 'package', 'titlePath']);
  const labels: Label[] = result.labels.filter((l) => !replaced.has(l.name));
  labels.push({ name: 'epic', value: vendor }, { name: 'parentSuite', value: vendor });
  if (feature) labels.push({ name: 'feature', value: feature }, { name: 'suite', value: feature });
  // A failed result's stories are the clauses that broke; a passed one's, the clauses it proves.
  for (const clause of record ? record.clauses : (found.get('clause') ?? [])) labels.push({ name: 'story', value: clause });
  const severity = found.get('severity')?.[0];
  if (severity && SEVERITIES.has(severity)) labels.push({ name: 'severity', value: severity });
  if (result.status === Status.FAILED || result.status === Status.BROKEN) {
    // Without a record the runtime never saw the cause (a test timeout): no class is claimed.
    labels.push({ name: 'tag', value: `failure:${record?.class ?? 'unclassified'}` });
  }
  result.labels = labels;

  const doc = found.get('doc')?.[0];
  const link = doc ? docLink(doc, urls) : undefined;
  if (link && !result.links.some((l) => l.url === link.url)) result.links.push(link);

  const yaml = record ? (record.mismatches[0]?.yaml ?? record.stepYaml) : undefined;
  const lines = [
    ...(found.get('source') ?? []).map((s) => `**YAML:** \`${s}\``),
    ...(yaml ? [`**Failed at:** \`${yaml.file}:${yaml.line}\` (${record?.class ?? ''}, step “${record?.step ?? ''}”)`] : []),
    ...(doc ? [`**Document:** ${doc}`] : []),
    ...(record ? [`**Broken clauses:** ${record.clauses.join(', ')}`] : found.has('clause') ? [`**Clauses:** ${(found.get('clause') ?? []).join(', ')}`] : []),
    ...(found.get('finding') ?? []).map((f) => `- ${f}`),
  ];
  if (lines.length > 0) result.description = [result.description, lines.join('\n\n')].filter(Boolean).join('\n\n');
}

/** testCaseId and historyId from the scenario itself; a result without a source keeps allure's. */
export function keyByScenario(result: TestResult, found: Annotations): void {
  const source = found.get('source')?.[0];
  if (!source) return;
  // The file without the line: lines move when the file is edited.
  result.testCaseId = md5(`${vendorOf(result)}|${fileOfSource(source)}|${result.name}`);
  result.historyId = getTestResultHistoryId({ ...result, historyId: undefined });
}

function redactStep(step: StepResult, redactor: TextRedactor): void {
  if (step.name) step.name = redactor.redact(step.name);
  if (step.statusDetails?.message) step.statusDetails.message = redactor.redact(step.statusDetails.message);
  if (step.statusDetails?.trace) step.statusDetails.trace = redactor.redact(step.statusDetails.trace);
  for (const child of step.steps) redactStep(child, redactor);
}

export function contractLabels(redactor: TextRedactor, resultsDir: string, urls = documentUrls()): LifecycleListener {
  return {
    beforeTestResultWrite: (result: TestResult) => {
      const found = takeAnnotations(result);
      keyByScenario(result, found); // first: applyAnnotations replaces the labels vendorOf reads
      applyAnnotations(result, found, urls, failureRecord(result, resultsDir));
      if (result.statusDetails?.message) result.statusDetails.message = redactor.redact(result.statusDetails.message);
      if (result.statusDetails?.trace) result.statusDetails.trace = redactor.redact(result.statusDetails.trace);
      for (const step of result.steps) redactStep(step, redactor);
    },
  };
}

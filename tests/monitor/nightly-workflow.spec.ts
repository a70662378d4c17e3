// The nightly workflow leaves retries to the runtime: request-level retries replace whole-scenario
// Playwright retries (a scenario retry sends new requests, which meet new faults, and re-sends
// wrong passwords). Shown failing by a workflow that passes RETRIES=2 again.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { parse } from 'yaml';

const ROOT = path.join(__dirname, '..', '..');

function scenarioRetries(workflowText: string): string[] {
  const workflow = parse(workflowText) as { env?: Record<string, string>; on?: { workflow_dispatch?: { inputs?: Record<string, { default?: string }> } } };
  const problems: string[] = [];
  const env = String(workflow.env?.RETRIES ?? '');
  const fallback = /\|\|\s*'(\d+)'/.exec(env)?.[1] ?? env;
  if (fallback !== '0') problems.push(`env RETRIES falls back to ${fallback || '(nothing)'}, not 0`);
  const input = workflow.on?.workflow_dispatch?.inputs?.retries?.default;
  if (input !== undefined && input !== '0') problems.push(`input retries defaults to ${input}, not 0`);
  return problems;
}

test('the nightly workflow runs no whole-scenario retries unless asked', () => {
  expect(scenarioRetries(readFileSync(path.join(ROOT, '.github', 'workflows', 'nightly.yml'), 'utf8'))).toEqual([]);
  const old = "on:\n  workflow_dispatch:\n    inputs:\n      retries:\n        default: '2'\nenv:\n  RETRIES: ${{ inputs.retries || '2' }}\n";
  expect(scenarioRetries(old)).toEqual(['env RETRIES falls back to 2, not 0', 'input retries defaults to 2, not 0']);
});

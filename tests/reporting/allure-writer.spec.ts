// The Allure results writer without fsync (src/reporting/allure/results-writer.ts): it writes the
// very files allure-js-commons' own FileSystemWriter writes, and the contract reporter really
// uses it (allure-playwright keeps its runtime private, so a new version could drop the swap).
import { expect, test } from '@playwright/test';
import type { Suite } from '@playwright/test/reporter';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { FileSystemWriter, type Writer } from 'allure-js-commons/sdk/reporter';
import ContractAllureReporter from '../../src/reporting/allure/contract-allure-reporter';
import { ResultsWriter } from '../../src/reporting/allure/results-writer';

function writeEverything(writer: Writer, source: string): void {
  const result = { uuid: 'r1', name: 'a scenario', status: 'passed', labels: [{ name: 'suite', value: 'shop' }], steps: [] };
  writer.writeResult(result as unknown as Parameters<Writer['writeResult']>[0]);
  writer.writeGroup({ uuid: 'g1', name: 'group', children: ['r1'], befores: [], afters: [] });
  writer.writeAttachment('a1-attachment.txt', Buffer.from('body «SECRET»\n'));
  writer.writeAttachmentFromPath('a2-attachment.json', source);
  writer.writeEnvironmentInfo({ target: 'sandbox', SHOP_BASE_URL: 'http://127.0.0.1:4010/shop', 'key with space': 'a=b' });
  writer.writeCategoriesDefinitions([{ name: 'contract', matchedStatuses: ['failed'] }] as unknown as Parameters<Writer['writeCategoriesDefinitions']>[0]);
  writer.writeGlobals('x-globals.json', { errors: [], attachments: [] });
}

const contents = (dir: string): Record<string, string> => Object.fromEntries(readdirSync(dir).sort().map((f) => [f, readFileSync(path.join(dir, f), 'utf8')]));

test('writes the same files, byte for byte, as allure-js-commons FileSystemWriter, and no temporary file', () => {
  const work = mkdtempSync(path.join(tmpdir(), 'allure-writer-'));
  try {
    const source = path.join(work, 'source.json');
    writeFileSync(source, '{"attached":true}');
    writeEverything(new FileSystemWriter({ resultsDir: path.join(work, 'theirs') }), source);
    writeEverything(new ResultsWriter(path.join(work, 'ours')), source);
    const ours = contents(path.join(work, 'ours'));
    expect(Object.keys(ours)).toEqual(['a1-attachment.txt', 'a2-attachment.json', 'categories.json', 'environment.properties', 'g1-container.json', 'r1-result.json', 'x-globals.json']);
    expect(ours).toEqual(contents(path.join(work, 'theirs')));
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
});

test('the contract reporter writes its results with it', () => {
  const work = mkdtempSync(path.join(tmpdir(), 'allure-writer-'));
  try {
    const reporter = new ContractAllureReporter({ resultsDir: work });
    reporter.onBegin({ allTests: () => [], suites: [] } as unknown as Suite);
    const runtime = (reporter as unknown as { allureRuntime?: { writer?: unknown } }).allureRuntime;
    expect(runtime?.writer).toBeInstanceOf(ResultsWriter);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
});

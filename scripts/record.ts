// `npm run record -- --vendor <v> [--target production]`: runs the vendor's contracts once
// against a real target through a recording proxy and writes recordings/<vendor>/ (placeholders
// in place of every secret, captured value and cookie; then scanned for those values).
// `--compare` records into a scratch folder instead and reports which responses changed shape.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { patternsForList, scanArtefacts } from '../src/reporting/scan/scan-secrets';
import { startProxy } from '../src/replay/proxy';
import { Recorder } from '../src/replay/recorder';
import { recordingFiles, recordingsDir, REPLAY_TARGET } from '../src/replay/recordings';
import { runSuite } from '../src/replay/run-suite';
import { compareRecordings } from '../src/replay/shape-drift';
import { fileOfScenario, prepareVendorRun, UsageError } from '../src/replay/vendor-run';
import { contractsRoot } from '../src/runtime/paths';

async function main(): Promise<number> {
  const { values } = parseArgs({ options: { vendor: { type: 'string' }, target: { type: 'string', default: 'production' }, compare: { type: 'boolean', default: false } } });
  const target = values.target ?? 'production';
  if (target === REPLAY_TARGET) throw new UsageError('recording replays would record nothing new: pick a real target (--target production)');
  const run = prepareVendorRun(contractsRoot(), values.vendor, target);
  const { manifest, env } = run;
  const upstream = env.values[manifest.baseUrlVar];
  if (!upstream) throw new UsageError(`${manifest.baseUrlVar} is not set in ${env.file}: the recording needs a target to talk to`);

  const recorder = new Recorder(run.suite, manifest, env.values);
  const proxy = await startProxy(upstream, recorder.hook);
  let suiteRun;
  try {
    suiteRun = await runSuite(manifest.vendor, { TARGET: target, CONTRACTS_ROOT: run.root, CONTRACT_STEP_HEADER: '1', [manifest.baseUrlVar]: proxy.origin });
  } finally {
    await proxy.close();
  }
  const files = fileOfScenario(run.suite, manifest.vendor);
  for (const o of suiteRun.outcomes) recorder.setOutcome(files.get(o.scenario) ?? '', o.scenario, o.status);
  const counts = suiteRun.outcomes.reduce<Record<string, number>>((acc, o) => ({ ...acc, [o.status]: (acc[o.status] ?? 0) + 1 }), {});
  console.log(`ran ${manifest.vendor} on TARGET=${target}: ${Object.entries(counts).map(([k, n]) => `${n} ${k}`).join(', ') || 'no test'}; ${proxy.requests()} requests through the recording proxy`);
  if (suiteRun.outcomes.length === 0) {
    console.error(suiteRun.output.slice(-2000));
    return 1;
  }

  const outRoot = values.compare ? mkdtempSync(path.join(tmpdir(), 'record-compare-')) : run.root;
  const written = recorder.write(outRoot, target);
  // Nothing secret on disk: every value that became a placeholder, in every encoding.
  const replaced = recorder.replacedValues().filter((v) => v.length >= 4).map((value, i) => ({ name: `RECORDED_VALUE_${i + 1}`, value }));
  const scan = scanArtefacts([recordingsDir(outRoot, manifest.vendor)], patternsForList(replaced));
  if (scan.hits.length > 0) {
    rmSync(recordingsDir(outRoot, manifest.vendor), { recursive: true, force: true });
    console.error(`refused: ${scan.hits.length} replaced value(s) still found in the recording (${scan.hits.map((h) => h.where).join(', ')}); nothing was kept`);
    return 1;
  }
  if (!values.compare) {
    console.log(`${recorder.scenarioCount()} scenarios recorded, ${replaced.length} values replaced by placeholders, secret scan clean; wrote:`);
    for (const file of written) console.log(`  ${path.relative(process.cwd(), file)}`);
    return suiteRun.code === 0 ? 0 : 1;
  }
  const drifts = compareRecordings(recordingFiles(run.root, manifest.vendor), recordingFiles(outRoot, manifest.vendor));
  rmSync(outRoot, { recursive: true, force: true });
  if (drifts.length === 0) {
    console.log(`no response of ${manifest.vendor} changed shape since the recording`);
    return 0;
  }
  console.log(`${drifts.length} shape change(s) since the recording (keys and types only):`);
  for (const d of drifts) console.log(`  ${d.file} › ${d.scenario}${d.step === undefined ? '' : ` step ${d.step + 1}`}: ${d.change}`);
  return 1;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof UsageError ? `record: ${error.message}` : error);
    process.exit(2);
  },
);

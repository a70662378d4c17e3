// Collects a vendor's exchanges as the recording proxy sees them and writes recordings/<vendor>/.
// Each scenario gets its own scrubber (its captures are its own); a scenario seen again (a
// retry) starts over at step 0, so the stored exchanges are those of its last attempt.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import type { ContractSuite, Scenario, VendorManifest } from '../dsl/model';
import type { Exchange, ProxyResponse } from './proxy';
import type { RecordedScenario, RecordedVariables, RecordingFile } from './recording-format';
import { recordingPath, recordingsDir, VARIABLES_FILE } from './recordings';
import { ScenarioScrubber } from './scrub';
import { scenarioId, type StepKey } from './step-key';

interface Live {
  file: string;
  name: string;
  scrubber: ScenarioScrubber;
  recorded: RecordedScenario;
}

export class Recorder {
  private readonly scenarios = new Map<string, Scenario>();
  private readonly live = new Map<string, Live>();
  private readonly secrets: Record<string, string> = {};
  /** Requests that carried no step key (nothing the contracts sent; never stored). */
  unkeyed = 0;

  constructor(
    suite: ContractSuite,
    private readonly vendor: VendorManifest,
    private readonly values: Readonly<Record<string, string | undefined>>,
  ) {
    for (const file of suite.files.filter((f) => f.vendor === vendor.vendor)) {
      for (const scenario of file.scenarios) this.scenarios.set(scenarioId({ file: file.file, scenario: scenario.name }), scenario);
    }
    for (const variable of vendor.variables) {
      const value = values[variable.name];
      if (variable.secret && value) this.secrets[variable.name] = value;
    }
  }

  readonly hook = (exchange: Exchange): ProxyResponse => {
    const key = exchange.key;
    const scenario = key ? this.scenarios.get(scenarioId(key)) : undefined;
    if (!key || !scenario) {
      this.unkeyed += 1;
      return exchange.response;
    }
    const live = this.liveFor(key);
    const step = scenario.steps[key.step];
    live.recorded.steps.push(live.scrubber.step(key.step, step?.captures ?? [], exchange));
    return exchange.response;
  };

  private liveFor(key: StepKey): Live {
    const id = scenarioId(key);
    let live = this.live.get(id);
    if (!live || key.step === 0) {
      const scrubber = new ScenarioScrubber(this.secrets);
      live = { file: key.file, name: key.scenario, scrubber, recorded: { placeholders: scrubber.placeholders, steps: [] } };
      this.live.set(id, live);
    }
    return live;
  }

  setOutcome(file: string, scenario: string, outcome: string): void {
    const live = this.live.get(scenarioId({ file, scenario }));
    if (live) live.recorded.outcome = outcome;
  }

  /** Every value replaced by a placeholder in any scenario: what must never be on disk. */
  replacedValues(): string[] {
    return [...new Set([...this.live.values()].flatMap((l) => l.scrubber.values()))];
  }

  scenarioCount(): number {
    return this.live.size;
  }

  /** Replaces recordings/<vendor>/ with this run's recordings; returns the files written. */
  write(root: string, target: string): string[] {
    const dir = recordingsDir(root, this.vendor.vendor);
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    const byFile = new Map<string, RecordingFile>();
    for (const live of [...this.live.values()].sort((a, b) => a.name.localeCompare(b.name))) {
      const file = byFile.get(live.file) ?? { vendor: this.vendor.vendor, file: live.file, recordedAt: new Date().toISOString(), target, scenarios: {} };
      file.scenarios[live.name] = live.recorded;
      byFile.set(live.file, file);
    }
    const written: string[] = [];
    for (const file of byFile.values()) {
      const out = recordingPath(root, this.vendor.vendor, file.file);
      writeFileSync(out, `${JSON.stringify(file, null, 2)}\n`);
      written.push(out);
    }
    const variables: RecordedVariables = {
      vendor: this.vendor.vendor,
      baseUrlVar: this.vendor.baseUrlVar,
      values: Object.fromEntries(
        this.vendor.variables.filter((v) => !v.secret && this.values[v.name]).map((v) => [v.name, this.values[v.name] ?? '']),
      ),
      secrets: this.vendor.variables.filter((v) => v.secret).map((v) => v.name),
    };
    const variablesFile = `${dir}/${VARIABLES_FILE}`;
    writeFileSync(variablesFile, `${JSON.stringify(variables, null, 2)}\n`);
    return [...written, variablesFile];
  }
}

// Builds and runs the floor (floor.ts). The floor is transpiled once to plain CommonJS with
// TypeScript's transpileModule and run with bare `node`, because loading it through tsx would add
// about 0.15 s of loader start-up that a hand-written undici loop does not pay.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { measureProcess, type ProcessMeasurement } from './measure-process';

export type FloorClient = 'http' | 'fetch';

export interface FloorRun extends ProcessMeasurement {
  client: FloorClient;
  n: number;
  /** Time inside the request loop only, as the floor measured it. */
  loopMs: number;
}

export function buildFloor(projectRoot: string, workDir: string): string {
  const source = readFileSync(path.join(projectRoot, 'scripts', 'bench', 'floor.ts'), 'utf8');
  const { outputText } = ts.transpileModule(source, {
    compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, esModuleInterop: true },
  });
  const file = path.join(workDir, 'floor.cjs');
  writeFileSync(file, outputText);
  return file;
}

export async function runFloor(
  projectRoot: string,
  floorFile: string,
  client: FloorClient,
  url: string,
  n: number,
  schemaFile: string,
): Promise<FloorRun> {
  // NODE_PATH lets the transpiled file, which lives outside the project, find ajv.
  const env = { ...process.env, NODE_PATH: path.join(projectRoot, 'node_modules') };
  const run = await measureProcess(process.execPath, [floorFile, client, url, String(n), schemaFile], {
    cwd: projectRoot,
    env,
    timeoutMs: 300_000,
  });
  if (run.code !== 0) {
    throw new Error(`the ${client} floor failed at N=${n} (exit ${String(run.code)}): ${run.stdout.trim()} ${run.stderr.trim()}`);
  }
  const result = JSON.parse(run.stdout.trim().split('\n').pop() ?? '{}') as { loopMs?: number };
  return { ...run, client, n, loopMs: result.loopMs ?? Number.NaN };
}

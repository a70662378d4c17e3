// Reading recordings/<vendor>/ from the contracts root: which scenarios have a recording (the
// runtime skips the rest on TARGET=replay) and the files themselves for the replay server.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { contractsRoot } from '../runtime/paths';
import type { RecordedVariables, RecordingFile } from './recording-format';
import { fileOfSource } from './step-key';

export const REPLAY_TARGET = 'replay';
export const RECORDINGS_DIR = 'recordings';
export const VARIABLES_FILE = 'variables.json';

export function recordingsDir(root: string, vendor: string): string {
  return path.join(root, RECORDINGS_DIR, vendor);
}

/** recordings/<vendor>/<stem of the contract file>.json */
export function recordingPath(root: string, vendor: string, contractFile: string): string {
  return path.join(recordingsDir(root, vendor), `${path.basename(contractFile, path.extname(contractFile))}.json`);
}

const files = new Map<string, RecordingFile | undefined>();

export function readRecording(root: string, vendor: string, contractFile: string): RecordingFile | undefined {
  const file = recordingPath(root, vendor, contractFile);
  if (!files.has(file)) files.set(file, existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as RecordingFile) : undefined);
  return files.get(file);
}

export function isRecorded(vendor: string, scenario: { name: string; source: string }, root: string = contractsRoot()): boolean {
  return readRecording(root, vendor, fileOfSource(scenario.source))?.scenarios[scenario.name] !== undefined;
}

/** Every vendor with recordings under root, with its variables file. */
export function recordedVendors(root: string): RecordedVariables[] {
  const dir = path.join(root, RECORDINGS_DIR);
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((vendor) => existsSync(path.join(dir, vendor, VARIABLES_FILE)))
    .map((vendor) => JSON.parse(readFileSync(path.join(dir, vendor, VARIABLES_FILE), 'utf8')) as RecordedVariables);
}

/** Every recording file of a vendor, freshly read (the replay server and the drift check). */
export function recordingFiles(root: string, vendor: string): RecordingFile[] {
  const dir = recordingsDir(root, vendor);
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json') && f !== VARIABLES_FILE)
    .map((f) => JSON.parse(readFileSync(path.join(dir, f), 'utf8')) as RecordingFile);
}

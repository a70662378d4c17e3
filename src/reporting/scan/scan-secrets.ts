// Puts the pieces together: which secrets to look for, in which encodings, in which folders.
import { existsSync, readFileSync } from 'node:fs';
import { ArtefactScanner, type ScanResult } from './artefact-scanner';
import { basicHeaderPatterns, patternsFor, type SecretPattern } from '../../redaction/secret-encodings';
import { readTargetEnv } from '../secrets/target-env';
import { declaredSecretNames, secretValues, usersBeside, type NamedValue } from '../secrets/secret-values';

export const DEFAULT_SCAN_PATHS = ['reports', 'recordings', 'test-results', 'blob-report', 'playwright-report', 'allure-results', 'allure-report'];

/**
 * Secrets from a file: one per line, either NAME=value or a bare value (named SECRET_<n>).
 * Blank lines and lines starting with # are ignored.
 */
export function readSecretsFile(file: string): NamedValue[] {
  if (!existsSync(file)) throw new Error(`secrets file not found: ${file}`);
  const lines = readFileSync(file, 'utf8').split(/\r?\n/);
  const secrets: NamedValue[] = [];
  for (const line of lines) {
    if (!line.trim() || line.startsWith('#')) continue;
    const match = /^([A-Z][A-Z0-9_]*)=(.*)$/.exec(line);
    secrets.push(match ? { name: match[1] ?? '', value: match[2] ?? '' } : { name: `SECRET_${secrets.length + 1}`, value: line });
  }
  return secrets;
}

/** The secrets of the configured target, with the user values their Basic headers pair them with. */
export function targetSecrets(env = readTargetEnv()): { secrets: NamedValue[]; patterns: SecretPattern[] } {
  const secrets = secretValues(env, declaredSecretNames());
  const patterns = secrets.flatMap((s) => [...patternsFor(s), ...basicHeaderPatterns(s, usersBeside(s, env))]);
  return { secrets, patterns };
}

export function patternsForList(secrets: readonly NamedValue[]): SecretPattern[] {
  return secrets.flatMap((s) => patternsFor(s));
}

export function scanArtefacts(paths: readonly string[], patterns: readonly SecretPattern[]): ScanResult {
  return new ArtefactScanner(patterns).scanPaths(paths);
}

/** A report a person can read, naming secrets by variable only. */
export function formatScan(result: ScanResult, secretCount: number, patternCount: number): string[] {
  const lines = [
    `scanned ${result.filesScanned} files and ${result.membersScanned} members inside containers for ${secretCount} secrets in ${patternCount} encoded forms`,
  ];
  for (const u of result.unreadable) lines.push(`could not open ${u}`);
  if (result.hits.length === 0) {
    lines.push('no secret found');
    return lines;
  }
  lines.push(`${result.hits.length} hit(s): secret values are in these artefacts (values not shown):`);
  for (const hit of result.hits) lines.push(`  ${hit.where}: ${hit.name} as ${hit.encoding}`);
  return lines;
}

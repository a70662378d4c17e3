// Targets: env/<TARGET>.env, process environment wins, ${NAME} expands, a clear missing-file error.
import { expect, test } from '@playwright/test';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { applyToProcessEnv, ConfigError, loadTargetEnv, mergeEnv, targetName } from '../../src/runtime/env';

function rootWith(files: Record<string, string>): string {
  const root = mkdtempSync(path.join(tmpdir(), 'env-spec-'));
  mkdirSync(path.join(root, 'env'));
  for (const [name, text] of Object.entries(files)) writeFileSync(path.join(root, 'env', name), text);
  return root;
}

const SANDBOX = 'PORT=4010\nORIGIN=http://127.0.0.1:${PORT}\nBASE=${ORIGIN}/truedat\nPASSWORD="quoted # not a comment"\n';

test('TARGET defaults to sandbox', () => {
  expect(targetName({})).toBe('sandbox');
  expect(targetName({ TARGET: ' production ' })).toBe('production');
});

test('reads env/<target>.env and expands ${NAME} references', () => {
  const env = loadTargetEnv(rootWith({ 'sandbox.env': SANDBOX }), {});
  expect(env).toMatchObject({ target: 'sandbox', file: 'env/sandbox.env', isSandbox: true });
  expect(env.values.BASE).toBe('http://127.0.0.1:4010/truedat');
  expect(env.values.PASSWORD).toBe('quoted # not a comment');
});

test('the process environment wins, also inside references', () => {
  const env = loadTargetEnv(rootWith({ 'sandbox.env': SANDBOX }), { PORT: '4201', PASSWORD: 'from-process' });
  expect(env.values.BASE).toBe('http://127.0.0.1:4201/truedat');
  expect(env.values.PASSWORD).toBe('from-process');
});

test('a missing env file for a real target is one clear config error naming the file and the example', () => {
  const root = rootWith({ 'sandbox.env': SANDBOX });
  expect(() => loadTargetEnv(root, { TARGET: 'production' })).toThrow(ConfigError);
  expect(() => loadTargetEnv(root, { TARGET: 'production' })).toThrow(
    'config: TARGET=production needs the file env/production.env, which does not exist. Copy env/production.env.example to env/production.env',
  );
  expect(loadTargetEnv(rootWith({ 'production.env': 'A=1\n' }), { TARGET: 'production' })).toMatchObject({ isSandbox: false, file: 'env/production.env' });
});

test('a target name with path characters is refused', () => {
  expect(() => loadTargetEnv(rootWith({}), { TARGET: '../etc/passwd' })).toThrow(/TARGET must be a plain name/);
});

test('mergeEnv leaves undefined references empty', () => {
  expect(mergeEnv('A=${NOPE}x\n', {}).A).toBe('x');
});

test('applyToProcessEnv never overrides a value already set', () => {
  const target: NodeJS.ProcessEnv = { KEEP: 'mine' };
  applyToProcessEnv({ target: 'sandbox', file: 'env/sandbox.env', isSandbox: true, values: { KEEP: 'file', NEW: 'file' } }, target);
  expect(target).toEqual({ KEEP: 'mine', NEW: 'file' });
});

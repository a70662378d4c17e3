// Locks are per account: a scenario that logs an account in takes that account's lock, because a
// login may end the account's other sessions or tokens (truedat login-revokes-previous, Couchdrop
// reissue-revokes-earlier, Personr's every new token). A lock whose scenarios log in as two
// accounts, or an account split over two locks, lets scenarios of one account overlap while the
// contract suite still passes by luck (a scenario moved to a second account's lock but still
// logging in as the first did exactly that). So the real contracts are checked here.
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { lockoutVariable } from '../../src/dsl/lockout';
import type { ContractSuite } from '../../src/dsl/model';
import { loadSuite } from '../../src/loader/load-suite';

const ROOT = path.join(__dirname, '..', '..');

/** Every way the suite's locks and accounts disagree, one sentence each; empty when they agree. */
function lockProblems(suite: ContractSuite): string[] {
  const problems: string[] = [];
  const accountsOf = new Map<string, Set<string>>();
  for (const file of suite.files) {
    const variables = suite.vendors.find((v) => v.vendor === file.vendor)?.variables ?? [];
    for (const scenario of file.scenarios) {
      if (scenario.lock === undefined) continue;
      // Every step counts, set-up logins included: they are what ends the others' sessions.
      const accounts = new Set(scenario.steps.map((s) => lockoutVariable([s.request], variables)).filter((v): v is string => v !== undefined));
      if (accounts.size !== 1) problems.push(`${file.file}: "${scenario.name}" takes lock ${scenario.lock} but logs in as ${accounts.size === 0 ? 'no account' : [...accounts].join(' and ')}`);
      const seen = accountsOf.get(scenario.lock) ?? new Set<string>();
      for (const a of accounts) seen.add(`${file.vendor}/${a}`);
      accountsOf.set(scenario.lock, seen);
    }
  }
  const lockOf = new Map<string, string>();
  for (const [lock, accounts] of accountsOf) {
    if (accounts.size > 1) problems.push(`lock ${lock} is shared by scenarios of ${[...accounts].sort().join(' and ')}`);
    for (const account of accounts) {
      const other = lockOf.get(account);
      if (other !== undefined && other !== lock) problems.push(`account ${account} is split over locks ${other} and ${lock}`);
      lockOf.set(account, lock);
    }
  }
  return problems;
}

function realSuite(): ContractSuite {
  const { suite, errors } = loadSuite(ROOT);
  expect(errors).toEqual([]);
  return suite;
}

test('every lock of the contracts belongs to exactly one account, and every account to one lock', () => {
  expect(lockProblems(realSuite())).toEqual([]);
});

test('the check fails for a scenario that takes the second account\'s lock but logs in as the first', () => {
  const suite = realSuite();
  const lifetime = suite.files.flatMap((f) => f.scenarios).find((s) => s.name === 'the token works for a year and is refused after it');
  const login = lifetime?.steps[0]?.request.auth;
  expect(lifetime?.lock).toBe('personr-second-account');
  expect(login?.kind).toBe('basic');
  if (login?.kind === 'basic') login.username = '{{PERSONR_EMAIL}}';
  expect(lockProblems(suite)).toEqual([
    'lock personr-second-account is shared by scenarios of personr/PERSONR_EMAIL and personr/PERSONR_SECOND_EMAIL',
    'account personr/PERSONR_EMAIL is split over locks personr-service-account and personr-second-account',
  ]);
});

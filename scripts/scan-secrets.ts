// `npm run scan-secrets [-- <paths…>] [--secrets-file FILE] [--self-test]`
//
// Searches every artefact under reports/ and test-results/ (or the given paths), inside zips,
// nested zips, gzip and embedded base64 data URLs, for each secret of the configured target
// (env/<TARGET>.env plus the environment) or of a secrets file: raw, JSON-escaped, URL-encoded,
// base64 at all three offsets, and as a Basic header value. Prints where a secret is, never the
// secret, and exits 1 on any hit, on a container it could not open, or on a failed self-test.
import { runScannerSelfTest } from '../src/reporting/scan/scanner-self-test';
import {
  DEFAULT_SCAN_PATHS,
  formatScan,
  patternsForList,
  readSecretsFile,
  scanArtefacts,
  targetSecrets,
} from '../src/reporting/scan/scan-secrets';

function main(argv: string[]): number {
  const paths: string[] = [];
  let secretsFile: string | undefined = process.env.SCAN_SECRETS_FILE;
  let selfTest = false;
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i] ?? '';
    if (arg === '--self-test') selfTest = true;
    else if (arg === '--secrets-file') secretsFile = argv[++i];
    else if (arg.startsWith('--secrets-file=')) secretsFile = arg.slice('--secrets-file='.length);
    else if (arg === '--help' || arg === '-h') {
      console.log('usage: npm run scan-secrets -- [paths…] [--secrets-file FILE] [--self-test]');
      return 0;
    } else paths.push(arg);
  }

  // The self-test runs first on every scan: a blind scanner must not report "clean".
  const self = runScannerSelfTest();
  if (selfTest || !self.ok) {
    console.log(`scanner self-test: ${self.ok ? 'passed' : 'FAILED'}`);
    for (const line of self.lines) console.log(`  ${line}`);
  }
  if (!self.ok) return 1;
  if (selfTest && paths.length === 0 && !secretsFile) return 0;

  const listed = secretsFile ? readSecretsFile(secretsFile) : undefined;
  const { secrets, patterns } = listed ? { secrets: listed, patterns: patternsForList(listed) } : targetSecrets();
  if (secrets.length === 0) {
    console.error('scan-secrets: no secret values configured (no secret variable is set); nothing to search for');
    return 1;
  }
  const result = scanArtefacts(paths.length > 0 ? paths : DEFAULT_SCAN_PATHS, patterns);
  for (const line of formatScan(result, secrets.length, patterns.length)) console.log(line);
  return result.hits.length > 0 || result.unreadable.length > 0 ? 1 : 0;
}

try {
  process.exitCode = main(process.argv.slice(2));
} catch (error) {
  console.error(`scan-secrets: ${(error as Error).message}`);
  process.exitCode = 1;
}

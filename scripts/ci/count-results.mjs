// Sums Playwright JSON reports into the one line CI reads: "N passed, N failed, N skipped".
// A flaky test passed on retry, so it counts as passed; a report that is missing or holds no
// test at all counts as a failure, so a broken run can never look green.
import { readFileSync } from 'node:fs';

let passed = 0;
let failed = 0;
let skipped = 0;
for (const file of process.argv.slice(2)) {
  let stats;
  try {
    stats = JSON.parse(readFileSync(file, 'utf8')).stats;
  } catch {
    stats = undefined;
  }
  if (!stats || stats.expected + stats.unexpected + stats.flaky + stats.skipped === 0) {
    console.error(`${file}: no test results (the run did not complete)`);
    failed += 1;
    continue;
  }
  passed += stats.expected + stats.flaky;
  failed += stats.unexpected;
  skipped += stats.skipped;
}
console.log(`${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(failed > 0 ? 1 : 0);

// `npm run fault-table`: regenerates docs/fault-coverage.md (clause -> scenarios -> faults).
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { loadSuite } from '../../src/loader/load-suite';
import { vendors } from '../../sandbox/vendors';
import { coverageMarkdown, coverageRows, faultCases } from '../../tests/e2e/support/fault-plan';

const root = path.resolve(__dirname, '..', '..');
const { suite, errors } = loadSuite(root);
if (errors.length > 0) {
  console.error(`specs/ has ${errors.length} load error(s); run \`npm run compile\` to see them.`);
  process.exit(1);
}
const cases = faultCases(suite, vendors);
const rows = coverageRows(suite, cases);
writeFileSync(path.join(root, 'docs', 'fault-coverage.md'), coverageMarkdown(rows, cases));
const gaps = rows.filter((r) => r.scenarios.length === 0 || r.faults.length === 0);
console.log(`docs/fault-coverage.md: ${rows.length} clauses, ${gaps.length} without a scenario or a fault`);

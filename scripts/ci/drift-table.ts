// `npm run drift-table`: regenerates docs/drift.md (known drift and the evidence register).
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { loadSuite } from '../../src/loader/load-suite';
import { driftMarkdown } from '../../src/reporting/drift-markdown';

const root = path.resolve(__dirname, '..', '..');
const { suite, errors } = loadSuite(root);
if (errors.length > 0) {
  console.error(`specs/ has ${errors.length} load error(s); run \`npm run compile\` to see them.`);
  process.exit(1);
}
writeFileSync(path.join(root, 'docs', 'drift.md'), driftMarkdown(suite));
const entries = suite.vendors.reduce((n, v) => n + v.drift.length, 0);
console.log(`docs/drift.md: ${entries} known-drift entries, ${suite.vendors.length} vendors`);

// Writes a synthetic contract suite of N single-request scenarios in the project's own YAML,
// against the sandbox's echo vendor (sandbox/bench/). Each scenario is the cheapest real contract
// check: one POST, its status, and its body against a JSON Schema. The suite lives in a temporary
// root laid out like the project (specs/, schemas/, env/), which the runner is pointed at with
// CONTRACTS_ROOT, so the real loader, compiler and Playwright configuration run it unchanged.
import { copyFileSync, existsSync, mkdirSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** The response schema of the echo vendor; the floor checks the same file. */
export const ECHO_SCHEMA = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  $id: 'bench/echo.json',
  title: 'Echo response',
  type: 'object',
  required: ['id', 'receivedAt', 'echo'],
  additionalProperties: false,
  properties: {
    id: { type: 'string', pattern: '^echo-[0-9]+$' },
    receivedAt: { type: 'string', format: 'date-time' },
    echo: {
      type: 'object',
      required: ['scenario'],
      properties: { scenario: { type: 'integer', minimum: 0 }, note: { type: 'string' } },
    },
  },
} as const;

export interface SyntheticSuite {
  root: string;
  scenarios: number;
  files: number;
  schemaFile: string;
}

const VENDOR_YAML = `# yaml-language-server: $schema=../../schemas/vendor.schema.json
vendor: bench
title: bench (the sandbox's echo vendor, for npm run bench)
baseUrl: BENCH_BASE_URL
documents:
  echo:
    file: bench-echo.md
    title: The sandbox echo endpoint
clauses:
  echo.ok:
    text: A POST to /echo gets 200 and a body that matches bench/echo.json.
    doc: echo
    section: Echo
    evidence: documented
`;

function scenarioYaml(index: number): string {
  return `  - name: echo scenario ${index}
    section: Echo
    clauses: [echo.ok]
    steps:
      - name: post to echo
        request:
          method: POST
          path: /echo
          json: { scenario: ${index}, note: "synthetic scenario ${index}" }
        expect:
          status: 200
          schema: bench/echo.json
`;
}

/**
 * Writes the suite under `root` (which must be empty or absent). Scenarios are spread over
 * contract files of `perFile` scenarios each, the size of a real capability file.
 */
export function writeSyntheticSuite(projectRoot: string, root: string, scenarios: number, perFile = 10): SyntheticSuite {
  const specDir = path.join(root, 'specs', 'bench');
  const schemaDir = path.join(root, 'schemas', 'bench');
  mkdirSync(specDir, { recursive: true });
  mkdirSync(schemaDir, { recursive: true });
  mkdirSync(path.join(root, 'env'), { recursive: true });

  writeFileSync(path.join(specDir, 'vendor.yaml'), VENDOR_YAML);
  const schemaFile = path.join(schemaDir, 'echo.json');
  writeFileSync(schemaFile, `${JSON.stringify(ECHO_SCHEMA, null, 2)}\n`);

  let files = 0;
  for (let first = 0; first < scenarios; first += perFile) {
    const last = Math.min(scenarios, first + perFile);
    const body = Array.from({ length: last - first }, (_, k) => scenarioYaml(first + k)).join('');
    const name = `echo-${String(files).padStart(4, '0')}.yaml`;
    writeFileSync(
      path.join(specDir, name),
      `# yaml-language-server: $schema=../../schemas/scenario.schema.json\nvendor: bench\nfeature: POST /echo\ndoc: echo\nscenarios:\n${body}`,
    );
    files += 1;
  }

  // The language's own schemas and the sandbox env file, so the loader finds the same
  // surroundings as in the project.
  for (const entry of readdirSync(path.join(projectRoot, 'schemas'))) {
    if (entry.endsWith('.schema.json')) copyFileSync(path.join(projectRoot, 'schemas', entry), path.join(root, 'schemas', entry));
  }
  const envFile = path.join(projectRoot, 'env', 'sandbox.env');
  if (existsSync(envFile)) copyFileSync(envFile, path.join(root, 'env', 'sandbox.env'));
  // Generated specs import @playwright/test by name; from a folder outside the project Node would
  // not find it. Node resolves the link to its real path, so there is still one Playwright.
  symlinkSync(path.join(projectRoot, 'node_modules'), path.join(root, 'node_modules'), 'dir');
  return { root, scenarios, files, schemaFile };
}

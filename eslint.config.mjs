// Type-aware lint. The import rules keep the pipeline one-way (STYLE.md): the model imports
// nothing, the compiler never imports the runtime, the sandbox imports nothing from src/; every
// src/ folder has its fence (tests/lint/fences.spec.ts shows one failing).
import tseslint from 'typescript-eslint';

const restrict = (patterns) => ({ 'no-restricted-imports': ['error', { patterns }] });
// A src/ folder, reached from a file one or two folders deep inside another src/ folder.
const stages = (...names) => names.flatMap((n) => [`../${n}/*`, `../../${n}/*`]);

export default tseslint.config(
  { ignores: ['node_modules/', 'generated/', 'reports/', 'test-results/', 'eslint.config.mjs', 'allurerc.mjs', 'scripts/ci/*.mjs', '**/fixtures/**'] },
  ...tseslint.configs.recommendedTypeChecked,
  { languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } } },
  { files: ['src/dsl/**/*.ts'], rules: restrict([{ group: ['../*', '!../dsl/*'], message: 'the model imports nothing' }]) },
  { files: ['src/loader/**/*.ts'], rules: restrict([{ group: stages('compiler', 'runtime', 'matchers', 'reporting', 'cli'), message: 'the loader depends on the model only' }]) },
  { files: ['src/compiler/**/*.ts'], rules: restrict([{ group: stages('runtime', 'matchers', 'reporting', 'cli'), message: 'the compiler never imports the runtime or reporting' }]) },
  { files: ['src/runtime/**/*.ts'], rules: restrict([{ group: stages('compiler', 'loader', 'reporting', 'cli'), message: 'the runtime (in the workers) never imports the compiler, the loader or reporting; shared facts live in src/dsl' }]) },
  { files: ['src/reporting/**/*.ts'], rules: restrict([{ group: stages('loader', 'runtime', 'compiler', 'matchers', 'cli'), message: 'reporting reads the typed records (src/dsl/facts.ts) and generated/manifest.json, never the loader or runtime internals' }]) },
  { files: ['src/redaction/**/*.ts'], rules: restrict([{ group: stages('loader', 'runtime', 'compiler', 'matchers', 'reporting', 'cli'), message: 'the secret rules depend on nothing' }]) },
  { files: ['src/matchers/**/*.ts'], rules: restrict([{ group: ['../loader/*', '../compiler/*', '../runtime/*'], message: 'matchers depend on the model only' }]) },
  { files: ['sandbox/**/*.ts'], rules: restrict([{ group: ['../src/*', '../../src/*', '../../../src/*'], message: 'the sandbox imports nothing from the engine' }]) },
);

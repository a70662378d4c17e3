// Type-aware lint. The import rules keep the pipeline one-way (STYLE.md): the model imports
// nothing, the compiler never imports the runtime, the sandbox imports nothing from src/.
import tseslint from 'typescript-eslint';

const restrict = (patterns) => ({ 'no-restricted-imports': ['error', { patterns }] });

export default tseslint.config(
  { ignores: ['node_modules/', 'generated/', 'reports/', 'test-results/', 'eslint.config.mjs', 'allurerc.mjs', 'scripts/ci/*.mjs', '**/fixtures/**'] },
  ...tseslint.configs.recommendedTypeChecked,
  { languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } } },
  { files: ['src/dsl/**/*.ts'], rules: restrict([{ group: ['../*', '!../dsl/*'], message: 'the model imports nothing' }]) },
  { files: ['src/loader/**/*.ts'], rules: restrict([{ group: ['../compiler/*', '../runtime/*', '../matchers/*'], message: 'the loader depends on the model only' }]) },
  { files: ['src/compiler/**/*.ts'], rules: restrict([{ group: ['../runtime/*', '../matchers/*'], message: 'the compiler never imports the runtime' }]) },
  { files: ['src/matchers/**/*.ts'], rules: restrict([{ group: ['../loader/*', '../compiler/*', '../runtime/*'], message: 'matchers depend on the model only' }]) },
  { files: ['sandbox/**/*.ts'], rules: restrict([{ group: ['../src/*', '../../src/*', '../../../src/*'], message: 'the sandbox imports nothing from the engine' }]) },
);

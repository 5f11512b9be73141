import { defineConfig } from 'vitest/config';

// One run, one summary line: every package's tests are a project of this config.
export default defineConfig({
  test: {
    projects: [
      'packages/*/vitest.config.ts',
      'runtime/vitest.config.ts',
      'generator/vitest.config.ts',
      'tests/vitest.config.ts',
      'bench/vitest.config.ts',
      'spec/vitest.config.ts',
    ],
  },
});

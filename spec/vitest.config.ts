import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    name: 'spec',
    include: ['tests/**/*.test.ts'],
    // Bundling and linting the whole spec takes a few seconds on a shared machine.
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});

import { defineConfig } from 'vitest/config';

// Unit tests of the harness itself (statistics, chart writer, lean splitter, payloads). No timing assertions:
// benchmarks report, they never fail the suite.
export default defineConfig({
  test: {
    name: 'bench',
    include: ['tests/**/*.test.ts'],
    testTimeout: 20_000,
  },
});

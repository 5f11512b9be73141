import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: {
    // The runtime's tests run on its source with a fixture SDK's facts (test/sdk-facts.ts) in place of the
    // example the source compiles against.
    alias: [
      {
        find: /^.*\/sdk-facts\.js$/,
        replacement: fileURLToPath(new URL('./test/sdk-facts.ts', import.meta.url)),
      },
    ],
  },
  test: {
    name: 'runtime',
    include: ['test/**/*.test.ts'],
    testTimeout: 20_000,
  },
});

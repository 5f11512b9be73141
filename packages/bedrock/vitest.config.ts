import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// Tests run against the main package's sources, not a build of it.
const anthropicSrc = fileURLToPath(new URL('../anthropic/src/', import.meta.url));

export default defineConfig({
  resolve: {
    alias: [
      { find: /^@sdkgen\/anthropic$/, replacement: `${anthropicSrc}index.ts` },
      { find: /^@sdkgen\/anthropic\/(.*)$/, replacement: `${anthropicSrc}$1` },
    ],
  },
  test: {
    name: 'bedrock',
    include: ['tests/**/*.test.ts'],
    testTimeout: 20_000,
  },
});

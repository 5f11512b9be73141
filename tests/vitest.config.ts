import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const src = fileURLToPath(new URL('../packages/anthropic/src/', import.meta.url));

export default defineConfig({
  resolve: {
    alias: [
      { find: /^@sdkgen\/anthropic$/, replacement: `${src}index.ts` },
      { find: /^@sdkgen\/anthropic\/(.*)$/, replacement: `${src}$1` },
    ],
  },
  test: {
    name: 'tests',
    include: ['**/*.test.ts'],
    exclude: ['**/node_modules/**', 'golden/**/out/**', '**/.tmp/**'],
    testTimeout: 20_000,
  },
});

import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const src = fileURLToPath(new URL('./src/', import.meta.url));

export default defineConfig({
  resolve: {
    alias: [
      { find: /^@sdkgen\/anthropic$/, replacement: `${src}index.ts` },
      { find: /^@sdkgen\/anthropic\/(.*)$/, replacement: `${src}$1` },
    ],
  },
  test: {
    name: 'anthropic',
    include: ['tests/**/*.test.ts'],
    testTimeout: 20_000,
    // Mock server from spec/ for the generated per-endpoint tests (owned by the generator).
    globalSetup: ['../../tests/mock-server/global-setup.ts'],
  },
});

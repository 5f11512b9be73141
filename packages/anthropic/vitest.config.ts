import { defineConfig } from 'vitest/config';
import { sdkSourceAlias } from '../../vitest.alias.js';

export default defineConfig({
  resolve: {
    alias: sdkSourceAlias,
  },
  test: {
    name: 'anthropic',
    include: ['tests/**/*.test.ts'],
    testTimeout: 20_000,
    // Mock server from spec/ for the generated per-endpoint tests (owned by the generator).
    globalSetup: ['../../tests/mock-server/global-setup.ts'],
  },
});

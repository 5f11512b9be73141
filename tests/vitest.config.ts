import { defineConfig } from 'vitest/config';
import { sdkSourceAlias } from '../vitest.alias.js';

export default defineConfig({
  resolve: {
    alias: sdkSourceAlias,
  },
  test: {
    name: 'tests',
    include: ['**/*.test.ts'],
    exclude: ['**/node_modules/**', 'golden/**/out/**', '**/.tmp/**'],
    testTimeout: 20_000,
  },
});

import { defineConfig } from 'vitest/config';
import { sdkSourceAlias } from '../../vitest.alias.js';

export default defineConfig({
  resolve: {
    alias: sdkSourceAlias,
  },
  test: {
    name: 'bedrock',
    include: ['tests/**/*.test.ts'],
    testTimeout: 20_000,
  },
});

import { fileURLToPath } from 'node:url';

const src = fileURLToPath(new URL('./packages/anthropic/src/', import.meta.url));

/**
 * Resolves `@sdkgen/anthropic` and its deep paths to the SDK's TypeScript sources, so every project's tests run
 * against `src/` without a build. Shared by each package's vitest config.
 */
export const sdkSourceAlias = [
  { find: /^@sdkgen\/anthropic$/, replacement: `${src}index.ts` },
  { find: /^@sdkgen\/anthropic\/(.*)$/, replacement: `${src}$1` },
];

import { fileURLToPath } from 'node:url';
import { expect, test } from 'vitest';
import { generate } from '../src/pipeline.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

// The CI drift check (`pnpm generate --check`) as a test: the committed SDK must be exactly what the
// committed spec generates. When it fails, run `pnpm generate` and commit the result.
test('packages/anthropic is up to date with spec/ (no drift, no hand edits)', async () => {
  const result = await generate({
    configPath: `${ROOT}spec/sdk.config.yaml`,
    outDir: `${ROOT}packages/anthropic`,
    mode: 'check',
  });
  expect(result.write!.changed.map((c) => `${c.status}: ${c.path}`)).toEqual([]);
}, 60_000);

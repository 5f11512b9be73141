import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, test } from 'vitest';
import { parse } from 'yaml';
import { GeneratorError } from '../src/errors.js';
import { generate } from '../src/pipeline.js';
import { mutate, prng } from './fuzz/mutate.js';

/**
 * Mutation fuzz over the golden specs: each mutant (1-3 deletions, wrong-typed values, renamed keys, weird
 * strings, duplicated operationIds, retargeted `$ref`s) must generate or fail with a `GeneratorError` that
 * has a stage and a pointer, and must write nothing when it fails. Deterministic for a seed:
 * `SDKGEN_FUZZ_SEED=<n> SDKGEN_FUZZ_COUNT=5000 npx vitest run --project generator test/spec-fuzz.test.ts`.
 */
const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const GOLDEN = join(ROOT, 'tests/golden');
const BIN = join(ROOT, 'generator/bin/sdkgen.js');
const SEED = Number(process.env.SDKGEN_FUZZ_SEED ?? 20_260_614);
const COUNT = Number(process.env.SDKGEN_FUZZ_COUNT ?? 200);
/** Wall-clock budget: a slow machine runs fewer mutants rather than timing out (the count run is printed). */
const BUDGET_MS = Number(process.env.SDKGEN_FUZZ_MS ?? (process.env.SDKGEN_FUZZ_COUNT ? 3_600_000 : 60_000));
const GOLDENS = ['mini', 'kitchen', 'petstore'];

const dir = mkdtempSync(join(tmpdir(), 'sdkgen-fuzz-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface Mutant {
  index: number;
  golden: string;
  steps: string[];
  specPath: string;
  configPath: string;
}

/** Writes mutant `index` of the seeded sequence; the spec file is kept for a reproducible report. */
function* mutants(): Generator<Mutant> {
  const rand = prng(SEED);
  const docs = GOLDENS.map((g) => parse(readFileSync(join(GOLDEN, g, 'openapi.yaml'), 'utf8')));
  for (let index = 0; index < COUNT; index++) {
    const golden = GOLDENS[index % GOLDENS.length]!;
    const { doc, steps } = mutate(docs[index % GOLDENS.length], rand);
    const specPath = join(dir, `mutant-${index}.json`);
    writeFileSync(specPath, JSON.stringify(doc, null, 1));
    yield { index, golden, steps, specPath, configPath: join(GOLDEN, golden, 'sdk.config.yaml') };
  }
}

/** What went wrong with a mutant, or undefined when it generated or failed cleanly. */
async function problem(m: Mutant, outDir: string): Promise<string | undefined> {
  try {
    await generate({ configPath: m.configPath, specPath: m.specPath, outDir, mode: 'write' });
    return undefined;
  } catch (err) {
    if (!(err instanceof GeneratorError)) return `threw ${(err as Error)?.stack ?? String(err)}`;
    if (!err.pointer.includes('#')) return `GeneratorError without a JSON pointer: ${err.message}`;
    if (!err.message.startsWith(`${err.stage}: ${err.pointer}: `)) return `malformed message: ${err.message}`;
    const written = readdirSync(outDir);
    return written.length > 0 ? `wrote ${written.join(', ')} after: ${err.message}` : undefined;
  }
}

function report(m: Mutant, what: string): string {
  const keep = join(tmpdir(), `sdkgen-fuzz-${SEED}-${m.index}.json`);
  writeFileSync(keep, readFileSync(m.specPath));
  return [
    `seed ${SEED}, mutant ${m.index} of golden "${m.golden}": ${m.steps.join('; ')}`,
    what,
    `reproduce: node generator/bin/sdkgen.js generate --config tests/golden/${m.golden}/sdk.config.yaml --spec ${keep} --out $(mktemp -d)`,
  ].join('\n');
}

describe('mutation fuzz over the golden specs', () => {
  const outcomes = { generated: 0, refused: 0 };
  const cliSamples: { m: Mutant; code: 0 | 2 }[] = [];

  test(`${COUNT} mutants (seed ${SEED}): success or a GeneratorError with a pointer, nothing written on error`, async () => {
    const start = performance.now();
    let run = 0;
    for (const m of mutants()) {
      if (performance.now() - start > BUDGET_MS) break;
      const outDir = join(dir, `out-${m.index}`);
      mkdirSync(outDir);
      const failure = await problem(m, outDir);
      if (failure) expect.fail(report(m, failure));
      const ok = readdirSync(outDir).length > 0;
      outcomes[ok ? 'generated' : 'refused']++;
      if (cliSamples.filter((s) => s.code === (ok ? 0 : 2)).length < 2)
        cliSamples.push({ m, code: ok ? 0 : 2 });
      rmSync(outDir, { recursive: true, force: true });
      run++;
    }
    const ms = Math.round(performance.now() - start);
    console.log(
      `sdkgen fuzz: seed ${SEED}, ${run}/${COUNT} mutants in ${ms} ms: ${JSON.stringify(outcomes)}`,
    );
    expect(run).toBeGreaterThan(0);
  }, 600_000);

  test('a few mutants through the real CLI (child processes): exit 0 or 2, no stack trace', () => {
    expect(cliSamples.length).toBeGreaterThan(0);
    for (const { m, code } of cliSamples) {
      const outDir = join(dir, `cli-${m.index}`);
      const argv = ['generate', '--config', m.configPath, '--spec', m.specPath, '--out', outDir];
      const r = spawnSync(process.execPath, [BIN, ...argv], { encoding: 'utf8', cwd: ROOT });
      expect(r.stderr, m.steps.join('; ')).not.toMatch(/\n\s+at /);
      expect(r.status, r.stderr).toBe(code);
      if (code === 2) expect(r.stderr).toMatch(/^sdkgen: (load|normalize|plan|emit|write): \S*#\S*: /m);
    }
  }, 120_000);
});

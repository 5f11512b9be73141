import { existsSync, mkdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  addTally,
  type CheckInput,
  checkBatch,
  emptyTally,
  type SpecCheck,
  type Tally,
} from './ots-check.js';
import type { SchemaClass } from './ots-classes.js';
import type { OtsJob, OtsOutcome } from './ots-worker.js';
import { Pool } from './pool.js';
import type { SpecResult } from './report.js';
import { batch, CONFIG, dirBytes, generateAll, parallel, runCorpus, sdkDir as sdkOut } from './run.js';
import { type CorpusSpec, slug } from './select.js';
import { type TypeErrors, typecheck } from './typecheck.js';

const OTS_WORKER = fileURLToPath(new URL('./ots-worker.ts', import.meta.url));

/** How a comparison run is carried out. */
export interface CompareOptions {
  workDir: string;
  workers: number;
  /** Per-spec limit, for each tool. */
  timeoutMs: number;
  /**
   * sdkgen on the same specs: `corpus` (default) is `pnpm corpus` (generate and type-check); `generate` skips its
   * type-check (for tests: corpus-smoke and real-world type-check sdkgen's output); `none` measures
   * openapi-typescript alone.
   */
  sdkgen?: 'corpus' | 'generate' | 'none';
  log?: (line: string) => void;
}

/** tsc on one openapi-typescript output: both modes, and the first error of a failing one. */
export interface TscResult {
  exact: boolean;
  loose: boolean;
  /** `<TS code>: <message>` of the first error (exact mode first), and how many errors. */
  error?: string;
  errors?: number;
}

/** One spec of the comparison: openapi-typescript both ways, sdkgen's corpus result, the checker's view. */
export interface CompareResult {
  id: string;
  /** The worker's outcome (without its id and job time) and the type-check of each output. */
  ots: Omit<OtsOutcome, 'id' | 'ms'> & { tree?: TscResult; named?: TscResult };
  /** sdkgen's corpus result; `unchecked` when its type-check was skipped (`sdkgen: 'generate'`). */
  sdkgen?: SpecResult & { unchecked?: true };
  /** Bytes of sdkgen's `src/resources` and `src/client.ts` (types, params, resource classes; no runtime). */
  sdkgenBytes?: number;
  check?: SpecCheck;
}

/** Wall-clock milliseconds of each phase. */
export interface CompareTimings {
  sdkgen: number;
  otsConvert: number;
  otsTsc: number;
  check: number;
}

/** Runs sdkgen's corpus and openapi-typescript on the same specs, then compares them schema by schema. */
export async function compareCorpus(
  specs: CorpusSpec[],
  opts: CompareOptions,
): Promise<{ results: CompareResult[]; timings: CompareTimings }> {
  const log = opts.log ?? (() => {});
  const timings: CompareTimings = { sdkgen: 0, otsConvert: 0, otsTsc: 0, check: 0 };
  let t = Date.now();
  const sdk = new Map<string, SpecResult & { unchecked?: true }>();
  const mode = opts.sdkgen ?? 'corpus';
  const run = {
    workDir: opts.workDir,
    workers: opts.workers,
    timeoutMs: opts.timeoutMs,
    log: (l: string) => log(`sdkgen: ${l}`),
  };
  if (mode === 'corpus') for (const r of await runCorpus(specs, run)) sdk.set(r.id, r);
  if (mode === 'generate')
    for (const [id, o] of await generateAll(specs, run))
      sdk.set(id, {
        id,
        generated: o.status === 'ok',
        generateMs: o.ms,
        exact: false,
        loose: false,
        unchecked: true,
      });
  timings.sdkgen = Date.now() - t;

  t = Date.now();
  const config = join(opts.workDir, 'sdk.config.yaml');
  if (!existsSync(config)) writeFileSync(config, CONFIG);
  const otsDir = (s: CorpusSpec) => join(opts.workDir, 'ots', slug(s.id));
  const sdkDir = (s: CorpusSpec) => sdkOut(opts.workDir, s);
  mkdirSync(join(opts.workDir, 'ots'), { recursive: true });
  const outcomes = new Map<string, OtsOutcome>();
  // An openapi-typescript job is sdkgen's plan (for the names) and two conversions: twice the per-spec limit.
  const pool = new Pool<OtsJob, OtsOutcome>(
    opts.workers,
    2 * opts.timeoutMs,
    (o) => {
      outcomes.set(o.id, o);
      if (outcomes.size % 25 === 0 || o.status !== 'ok')
        log(`openapi-typescript ${outcomes.size}/${specs.length} ${o.id}: ${o.status}`);
    },
    OTS_WORKER,
  );
  await pool.run(specs.map((s) => ({ id: s.id, spec: s.file, config, out: otsDir(s) })));
  timings.otsConvert = Date.now() - t;

  t = Date.now();
  const ok = specs.filter((s) => outcomes.get(s.id)?.status === 'ok');
  const dirs = ok.flatMap((s) => [join(otsDir(s), 'tree'), join(otsDir(s), 'named')]);
  const errors = { exact: new Map<string, TypeErrors>(), loose: new Map<string, TypeErrors>() };
  const batches = batch(dirs, 8e6, (d) => statSync(join(d, 'index.ts')).size);
  const jobs = batches.flatMap((b) => [true, false].map((exact) => ({ b, exact })));
  let done = 0;
  await parallel(jobs, opts.workers, async ({ b, exact }) => {
    const found = await typecheck(opts.workDir, b, exact, 20 * 60_000, ['index.ts']);
    for (const [d, e] of found) (exact ? errors.exact : errors.loose).set(d, e);
    log(
      `openapi-typescript tsc ${++done}/${jobs.length} (${b.length} outputs, ${exact ? 'exact' : 'loose'}): ${found.size} failing`,
    );
  });
  timings.otsTsc = Date.now() - t;
  const tsc = (dir: string): TscResult => {
    const e = errors.exact.get(dir);
    const l = errors.loose.get(dir);
    const r: TscResult = { exact: !e, loose: !l };
    const first = e ?? l;
    if (first) {
      r.error = `${first.first.code}: ${first.first.message}`;
      r.errors = first.count;
    }
    return r;
  };

  t = Date.now();
  const checks = new Map<string, SpecCheck>();
  const inputs: CheckInput[] = ok.map((s) => ({
    id: s.id,
    otsDir: otsDir(s),
    ...(sdk.get(s.id)?.generated ? { sdkDir: sdkDir(s) } : {}),
  }));
  // Programs of at most 20 specs and about 16 MB of declarations (sdkgen's resources, openapi-typescript's named).
  const bytes = (i: CheckInput) =>
    statSync(join(i.otsDir, 'named/index.ts')).size +
    (i.sdkDir ? dirBytes(join(i.sdkDir, 'src/resources')) : 0);
  const byDir = new Map(inputs.map((i) => [i.otsDir, i]));
  const parts = batch(
    inputs.map((i) => i.otsDir),
    16e6,
    (d) => bytes(byDir.get(d)!),
  ).flatMap((b) => Array.from({ length: Math.ceil(b.length / 20) }, (_, k) => b.slice(k * 20, k * 20 + 20)));
  const check = (group: CheckInput[]) => {
    for (const [id, c] of checkBatch(opts.workDir, group)) checks.set(id, c);
  };
  let checked = 0;
  for (const part of parts.map((p) => p.map((d) => byDir.get(d)!))) {
    try {
      check(part);
    } catch {
      // A batch that fails is checked again one spec at a time, so one spec cannot take the others with it.
      for (const one of part)
        try {
          check([one]);
        } catch (err) {
          log(`check ${one.id}: ${(err as Error).message}`);
        }
    }
    checked += part.length;
    log(`check ${checked}/${inputs.length}`);
  }
  timings.check = Date.now() - t;

  const results = specs.map((s): CompareResult => {
    const o = outcomes.get(s.id)!;
    const { id: _id, status, ms: _ms, ...rest } = o;
    const r: CompareResult = { id: s.id, ots: { status, ...rest } };
    if (status === 'ok') {
      r.ots.tree = tsc(join(otsDir(s), 'tree'));
      r.ots.named = tsc(join(otsDir(s), 'named'));
    }
    const g = sdk.get(s.id);
    if (g) r.sdkgen = g;
    if (g?.generated)
      r.sdkgenBytes =
        dirBytes(join(sdkDir(s), 'src/resources')) + statSync(join(sdkDir(s), 'src/client.ts')).size;
    const c = checks.get(s.id);
    if (c) r.check = c;
    return r;
  });
  return { results, timings };
}

/** Totals of a comparison, for the report and for tests. */
export interface CompareTotals {
  specs: number;
  sdkgen: { generated: number; exact: number; loose: number; both: number; ms: number; bytes: number };
  ots: {
    converted: number;
    tree: { exact: number; loose: number; both: number };
    named: { exact: number; loose: number; both: number };
    treeMs: number;
    namedMs: number;
    treeBytes: number;
    namedBytes: number;
    schemas: number;
    leftoverRefs: number;
    propertyRefs: number;
  };
  /** Specs compared by the checker, schemas compared, and both tools' tallies over them. */
  checked: { specs: number; schemas: number; ots: Tally; sdkgen: Tally; uploads: SpecCheck['uploads'] };
  classes: Partial<Record<SchemaClass, { specs: number; ots: Tally; sdkgen: Tally }>>;
}

export function totals(results: CompareResult[]): CompareTotals {
  const n = (f: (r: CompareResult) => boolean | undefined) => results.filter(f).length;
  const sum = (f: (r: CompareResult) => number | undefined) => results.reduce((a, r) => a + (f(r) ?? 0), 0);
  const tscTotals = (k: 'tree' | 'named') => ({
    exact: n((r) => r.ots[k]?.exact),
    loose: n((r) => r.ots[k]?.loose),
    both: n((r) => r.ots[k]?.exact && r.ots[k]?.loose),
  });
  const checked = {
    specs: 0,
    schemas: 0,
    ots: emptyTally(),
    sdkgen: emptyTally(),
    uploads: { operations: 0, fields: 0, ots: 0, sdkgen: 0 },
  };
  const classes: CompareTotals['classes'] = {};
  for (const r of results) {
    if (!r.check) continue;
    for (const k of ['operations', 'fields', 'ots', 'sdkgen'] as const)
      checked.uploads[k] += r.check.uploads[k];
    if (r.check.compared === 0) continue;
    checked.specs++;
    checked.schemas += r.check.compared;
    addTally(checked.ots, r.check.ots);
    addTally(checked.sdkgen, r.check.sdkgen);
    for (const [c, v] of Object.entries(r.check.classes) as [SchemaClass, { ots: Tally; sdkgen: Tally }][]) {
      const per = (classes[c] ??= { specs: 0, ots: emptyTally(), sdkgen: emptyTally() });
      per.specs++;
      addTally(per.ots, v.ots);
      addTally(per.sdkgen, v.sdkgen);
    }
  }
  return {
    specs: results.length,
    sdkgen: {
      generated: n((r) => r.sdkgen?.generated),
      exact: n((r) => r.sdkgen?.exact),
      loose: n((r) => r.sdkgen?.loose),
      both: n((r) => r.sdkgen?.exact && r.sdkgen?.loose),
      ms: sum((r) => r.sdkgen?.generateMs),
      bytes: sum((r) => r.sdkgenBytes),
    },
    ots: {
      converted: n((r) => r.ots.status === 'ok'),
      tree: tscTotals('tree'),
      named: tscTotals('named'),
      treeMs: sum((r) => r.ots.treeMs),
      namedMs: sum((r) => r.ots.namedMs),
      treeBytes: sum((r) => r.ots.treeBytes),
      namedBytes: sum((r) => r.ots.namedBytes),
      schemas: sum((r) => r.ots.schemas),
      leftoverRefs: sum((r) => r.ots.leftoverRefs),
      propertyRefs: sum((r) => r.ots.propertyRefs),
    },
    checked,
    classes,
  };
}

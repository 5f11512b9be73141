import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BenchDef } from './bench.js';
import { LOWER_BOUND } from './labels.js';
import { startServer } from './server.js';
import { advantage, applyScale, growthExponent, median } from './stats.js';
import { BENCH_DIR } from './subjects.js';
import { checkTarget } from './targets.js';
import type { BenchOptions, BenchResult, Figure, Row, WorkerOutput } from './types.js';

const WORKER = fileURLToPath(new URL('../worker.ts', import.meta.url));

/** Spawns `node --expose-gc` on the worker and collects its records, killing it past `timeoutMs`. */
async function runWorker(
  def: BenchDef,
  subject: string,
  opts: BenchOptions,
  timeoutMs: number,
): Promise<WorkerOutput> {
  const dir = mkdtempSync(join(tmpdir(), 'sdkgen-bench-'));
  const out = join(dir, 'out.jsonl');
  const args = ['--expose-gc', '--import', 'tsx', WORKER, def.name, subject, JSON.stringify(opts), out];
  const child = spawn(process.execPath, args, { cwd: BENCH_DIR, stdio: ['ignore', 'inherit', 'inherit'] });
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    child.kill('SIGKILL');
  }, timeoutMs);
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
  clearTimeout(timer);
  const result: WorkerOutput = { figures: [] };
  let text = '';
  try {
    text = readFileSync(out, 'utf8');
  } catch {}
  rmSync(dir, { recursive: true, force: true });
  for (const line of text.split('\n').filter(Boolean)) {
    const rec = JSON.parse(line) as Partial<WorkerOutput> & { figure?: Figure; note?: string };
    if (rec.figure) result.figures.push(rec.figure);
    if (rec.note) result.notes = [...(result.notes ?? []), rec.note];
    if (rec.unavailable) result.unavailable = rec.unavailable;
    if (rec.version) result.version = rec.version;
  }
  if (timedOut) result.crash = `worker killed after ${timeoutMs / 1000} s`;
  else if (code !== 0) result.crash = `worker exited with code ${code}`;
  return result;
}

function rowKey(f: Pick<Figure, 'series' | 'case' | 'metric'>): string {
  return `${f.series ?? ''}\u0000${f.case}\u0000${f.metric}`;
}

/**
 * Combines the figures one subject reported for the same case in several rounds: all time samples pooled
 * (value = the metric of their median), else the median of the values; over budget wins over a value.
 */
export function combine(figs: Figure[]): Figure {
  const first = figs[0]!;
  const over = figs.find((f) => f.status === 'over-budget');
  if (over) return over;
  const ok = figs.filter((f) => f.value !== null);
  if (ok.length === 0) return first;
  if (ok.every((f) => f.samples && f.scale)) {
    const samples = ok.flatMap((f) => f.samples!);
    return { ...ok[0]!, samples, value: applyScale(ok[0]!.scale!, median(samples)) };
  }
  return { ...ok[0]!, value: median(ok.map((f) => f.value!)) };
}

/** Merges per-subject figures into rows, with ours' advantage over every other subject. */
export function mergeRows(subjects: string[], bySubject: Map<string, Figure[]>): Row[] {
  const rows = new Map<string, Row>();
  for (const subject of subjects) {
    const groups = new Map<string, Figure[]>();
    for (const f of bySubject.get(subject) ?? [])
      groups.set(rowKey(f), [...(groups.get(rowKey(f)) ?? []), f]);
    for (const [key, figs] of groups) {
      const f = combine(figs);
      let row = rows.get(key);
      if (!row) {
        row = { case: f.case, metric: f.metric, better: f.better, values: {}, advantage: {} };
        if (f.series !== undefined) row.series = f.series;
        if (f.size !== undefined) row.size = f.size;
        rows.set(key, row);
      }
      row.values[subject] = {
        value: f.value,
        ...(f.status && { status: f.status }),
        ...(f.note && { note: f.note }),
        ...(f.budgetMs && { budgetMs: f.budgetMs }),
      };
    }
  }
  const [ours, ...others] = subjects;
  for (const row of rows.values()) {
    for (const other of others) {
      row.advantage[other] = advantage(
        row.values[ours!]?.value ?? null,
        row.values[other]?.value ?? null,
        row.better,
      );
    }
  }
  return [...rows.values()];
}

/**
 * When a subject measured some sizes and then went over budget, its curve rises at least this steeply:
 * the slope from the last measured point to (first size over budget, the budget).
 */
function budgetBound(inSeries: Row[], subject: string): number | null {
  const measured = inSeries.filter((r) => r.values[subject]?.value);
  const last = measured.at(-1);
  const over = inSeries.find((r) => r.values[subject]?.budgetMs);
  if (!last || !over || over.size! <= last.size!) return null;
  return growthExponent([
    { x: last.size!, y: last.values[subject]!.value! },
    { x: over.size!, y: over.values[subject]!.budgetMs! },
  ]);
}

/**
 * Growth exponents per series and subject, from the rows that carry a size and a time in ms: over all
 * measured sizes, and over the two largest (fixed per-request costs flatten the small end of a curve).
 */
export function growthOf(subjects: string[], rows: Row[]): Record<string, Record<string, number | null>> {
  const growth: Record<string, Record<string, number | null>> = {};
  for (const series of new Set(rows.filter((r) => r.series && r.metric === 'ms').map((r) => r.series!))) {
    const inSeries = rows.filter((r) => r.series === series && r.metric === 'ms' && r.size);
    const all: Record<string, number | null> = {};
    const tail: Record<string, number | null> = {};
    for (const s of subjects) {
      const pts = inSeries.flatMap((r) =>
        r.values[s]?.value ? [{ x: r.size!, y: r.values[s]!.value! }] : [],
      );
      all[s] = growthExponent(pts);
      tail[s] = growthExponent(pts.slice(-2));
    }
    growth[`${series}: all sizes`] = all;
    if (inSeries.length > 2) growth[`${series}: two largest measured sizes`] = tail;
    const bounds = Object.fromEntries(subjects.map((s) => [s, budgetBound(inSeries, s)]));
    if (Object.values(bounds).some((b) => b !== null)) growth[`${series}: ${LOWER_BOUND}`] = bounds;
  }
  return growth;
}

/** What the workers of one bench reported, accumulated over rounds. */
interface Collected {
  bySubject: Map<string, Figure[]>;
  versions: Record<string, string>;
  notes: string[];
  unavailable: Set<string>;
}

/** Runs one worker and folds its output into `acc`, logging one progress line. */
async function runOne(
  def: BenchDef,
  subject: string,
  base: Omit<BenchOptions, 'skip'>,
  acc: Collected,
  timeoutMs: number,
  label: string,
): Promise<void> {
  const t0 = performance.now();
  const skip = (acc.bySubject.get(subject) ?? [])
    .filter((f) => f.status === 'over-budget')
    .map((f) => f.case);
  const out = await runWorker(def, subject, { ...base, skip }, timeoutMs);
  acc.bySubject.set(subject, [...(acc.bySubject.get(subject) ?? []), ...out.figures]);
  if (out.version) acc.versions[subject] = out.version;
  if (out.unavailable) acc.unavailable.add(subject);
  const status = out.unavailable ? `not available yet (${out.unavailable})` : (out.crash ?? 'ok');
  process.stderr.write(
    `[${def.name}] ${label}, ${subject}: ${status}, ${((performance.now() - t0) / 1e3).toFixed(1)} s\n`,
  );
  const note = out.unavailable
    ? `${subject}: not available yet (${out.unavailable})`
    : out.crash && `${subject} (${base.part}): ${out.crash}`;
  for (const n of [note, ...(out.notes ?? [])]) if (n && !acc.notes.includes(n)) acc.notes.push(n);
}

/**
 * Runs one benchmark: starts its loopback server, then one worker per (round, part, subject), in sequence
 * so the subjects never share a core with each other, and returns the merged result. Rounds interleave
 * the subjects, so a burst of load from other processes does not land on one of them alone.
 */
export async function runBench(def: BenchDef, quick: boolean, only?: string[]): Promise<BenchResult> {
  const started = performance.now();
  const server = def.server ? await startServer(def.server(quick)) : undefined;
  const acc: Collected = {
    bySubject: new Map(),
    versions: {},
    notes: [...def.notes(quick)],
    unavailable: new Set(),
  };
  const rounds = def.rounds?.(quick) ?? (quick ? 1 : 2);
  const timeoutMs = def.timeoutMs?.(quick) ?? (quick ? 120_000 : 300_000);
  try {
    for (let round = 1; round <= rounds; round++) {
      for (const part of def.parts?.(quick) ?? ['all']) {
        const base = { quick, origin: server?.origin ?? '', part, sizes: server?.sizes ?? {} };
        for (const subject of def.subjects.filter(
          (s) => !acc.unavailable.has(s) && (!only || only.includes(s)),
        )) {
          await runOne(def, subject, base, acc, timeoutMs, `round ${round}/${rounds}, ${part}`);
        }
      }
    }
  } finally {
    await server?.close();
  }
  const rows = mergeRows(def.subjects, acc.bySubject);
  const growth = growthOf(def.subjects, rows);
  const checks = (def.targets ?? []).map((t) => checkTarget(t, rows, def.subjects[0]!));
  return {
    name: def.name,
    title: def.title,
    target: def.target,
    subjects: def.subjects,
    rows,
    ...(Object.keys(growth).length > 0 && { growth }),
    notes: [...acc.notes, ...(def.summary?.(rows) ?? [])],
    ...(checks.length > 0 && { checks }),
    versions: acc.versions,
    quick,
    ranAt: new Date().toISOString(),
    seconds: +((performance.now() - started) / 1e3).toFixed(1),
  };
}

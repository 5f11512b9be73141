import type { Emit } from './bench.js';
import { applyScale, median } from './stats.js';
import { type Budget, type MeasureOptions, measure } from './timing.js';
import type { Figure, Scale } from './types.js';

/** Run counts and budgets for throughput cases: small in `--quick` mode. */
export function runSettings(quick: boolean, budgetMs?: number): MeasureOptions {
  return quick
    ? { warmup: 1, runs: 3, maxTotalMs: 4_000, budgetMs: budgetMs ?? 5_000 }
    : { warmup: 1, runs: 4, maxTotalMs: 6_000, budgetMs: budgetMs ?? 30_000 };
}

/** A figure without its value: what the case is and how its median time converts to the metric. */
export interface CaseSpec extends Omit<Figure, 'value' | 'status' | 'samples' | 'scale'> {
  /** Converts the median run time (ms) to the metric (identity for `ms`). */
  fromMs?: Scale;
  /** More metrics derived from the same runs (e.g. MB/s next to lines/s). */
  also?: { metric: string; better: Figure['better']; fromMs: Scale }[];
}

/**
 * Measures one case and emits its figure: the median converted by `fromMs`, "over-budget" when a run
 * passed the budget, or "error" with the message when the body threw. Returns the outcome.
 */
export async function runCase(
  spec: CaseSpec,
  body: (budget: Budget) => Promise<void>,
  opts: MeasureOptions,
  emit: Emit,
): Promise<'ok' | 'over-budget' | 'error'> {
  const { fromMs = { k: 1, inverse: false }, also = [], ...figure } = spec;
  const figures = [{ ...figure, fromMs }, ...also.map((a) => ({ ...figure, ...a }))];
  const emitAll = (status: NonNullable<Figure['status']>, note: string, budgetMs?: number) => {
    for (const { fromMs: _, ...f } of figures) {
      emit({ figure: { ...f, value: null, status, note, ...(budgetMs && { budgetMs }) } });
    }
  };
  try {
    const m = await measure(body, opts);
    if (m.overBudget) {
      emitAll('over-budget', `> ${opts.budgetMs / 1000} s budget`, opts.budgetMs);
      return 'over-budget';
    }
    const samples = m.samples.map((s) => +s.toFixed(3));
    for (const { fromMs: scale, ...f } of figures) {
      emit({ figure: { ...f, value: applyScale(scale, median(m.samples)), samples, scale } });
    }
    return 'ok';
  } catch (err) {
    emitAll('error', (err instanceof Error ? err.message : String(err)).split('\n')[0]!.slice(0, 160));
    return 'error';
  }
}

/** `bytes` per `ms` as decimal MB/s. */
export const mbPerSec = (bytes: number): Scale => ({ k: bytes / 1e3, inverse: true });

/** `count` per `ms` as a rate per second. */
export const perSec = (count: number): Scale => ({ k: count * 1e3, inverse: true });

/** Formats a byte size the way case labels show it: `10 KB`, `1 MB`, `87.1 MB`. */
export function sizeLabel(bytes: number): string {
  if (bytes >= 1e6) return `${+(bytes / 1e6).toFixed(1)} MB`;
  return `${+(bytes / 1e3).toFixed(1)} KB`;
}

/** Progress of a scaling series (sizes in increasing order) within one worker. */
export interface SeriesState {
  over: boolean;
  /** Cases over budget in an earlier round (`BenchOptions.skip`). */
  skip: string[];
}

/**
 * Runs one size of a scaling series, unless a smaller size went over budget (then larger ones would too)
 * or this case did in an earlier round: those are recorded as over budget without running.
 */
export async function runScaled(
  spec: CaseSpec,
  body: (budget: Budget) => Promise<void>,
  opts: MeasureOptions,
  emit: Emit,
  state: SeriesState,
): Promise<void> {
  if (state.over || state.skip.includes(spec.case)) {
    const { fromMs: _, also: __, ...figure } = spec;
    const note = state.over
      ? 'skipped: a smaller size went over budget'
      : 'skipped: over budget in an earlier round';
    emit({ figure: { ...figure, value: null, status: 'over-budget', note } });
    state.over = true;
    return;
  }
  state.over = (await runCase(spec, body, opts, emit)) === 'over-budget';
}

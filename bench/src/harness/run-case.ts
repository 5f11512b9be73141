import type { Emit } from './bench.js';
import { median } from './stats.js';
import { type Budget, type MeasureOptions, measure } from './timing.js';
import type { Figure } from './types.js';

/** Run counts and budgets for throughput cases: small in `--quick` mode. */
export function runSettings(quick: boolean, budgetMs?: number): MeasureOptions {
  return quick
    ? { warmup: 1, runs: 3, maxTotalMs: 4_000, budgetMs: budgetMs ?? 5_000 }
    : { warmup: 1, runs: 5, maxTotalMs: 15_000, budgetMs: budgetMs ?? 30_000 };
}

/** A figure without its value: what the case is and how its median time converts to the metric. */
export interface CaseSpec extends Omit<Figure, 'value' | 'status' | 'samples'> {
  /** Converts the median run time (ms) to the metric (identity for `ms`). */
  fromMs?: (ms: number) => number;
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
  const { fromMs = (ms: number) => ms, ...figure } = spec;
  try {
    const m = await measure(body, opts);
    if (m.overBudget) {
      emit({
        figure: { ...figure, value: null, status: 'over-budget', note: `> ${opts.budgetMs / 1000} s budget` },
      });
      return 'over-budget';
    }
    emit({
      figure: { ...figure, value: fromMs(median(m.samples)), samples: m.samples.map((s) => +s.toFixed(3)) },
    });
    return 'ok';
  } catch (err) {
    const note = (err instanceof Error ? err.message : String(err)).split('\n')[0]!.slice(0, 160);
    emit({ figure: { ...figure, value: null, status: 'error', note } });
    return 'error';
  }
}

/** `bytes` per `ms` as decimal MB/s. */
export const mbPerSec = (bytes: number) => (ms: number) => bytes / 1e6 / (ms / 1e3);

/** `count` per `ms` as a rate per second. */
export const perSec = (count: number) => (ms: number) => count / (ms / 1e3);

/** Formats a byte size the way case labels show it: `10 KB`, `1 MB`, `87.1 MB`. */
export function sizeLabel(bytes: number): string {
  if (bytes >= 1e6) return `${+(bytes / 1e6).toFixed(1)} MB`;
  return `${+(bytes / 1e3).toFixed(1)} KB`;
}

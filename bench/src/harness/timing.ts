/** Thrown by a benchmark body when its run passed the time budget. */
export class OverBudget extends Error {
  constructor(readonly budgetMs: number) {
    super(`run exceeded its budget of ${budgetMs} ms`);
  }
}

/**
 * A run's deadline: polled inside the body's (bounded) loop, and an `AbortSignal` that fires at the
 * deadline, to pass as the request's `signal` so that even one huge event is cut off between chunks.
 */
export interface Budget {
  /** Throws {@link OverBudget} once the run has used up its budget. */
  check(): void;
  readonly signal: AbortSignal;
}

/** How many times to run a body and when to stop early. */
export interface MeasureOptions {
  /** Unmeasured runs before sampling, for the JIT and connection pools. */
  warmup: number;
  /** Measured runs wanted. */
  runs: number;
  /** Stop sampling once warmup + samples used this much time (at least one sample is always kept). */
  maxTotalMs: number;
  /** Per-run budget; a run past it ends the measurement as "over budget". */
  budgetMs: number;
}

/** Wall-clock samples of one case, in milliseconds. */
export interface Measurement {
  samples: number[];
  overBudget: boolean;
}

const gc = (globalThis as { gc?: () => void }).gc;

async function once(body: (budget: Budget) => Promise<void>, budgetMs: number): Promise<number | 'over'> {
  gc?.();
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(new OverBudget(budgetMs)), budgetMs);
  const start = performance.now();
  const deadline = start + budgetMs;
  const budget: Budget = {
    check() {
      if (performance.now() > deadline) throw new OverBudget(budgetMs);
    },
    signal: controller.signal,
  };
  try {
    await body(budget);
  } catch (err) {
    // An abort at the deadline surfaces as whatever error the client raises for aborts.
    if (err instanceof OverBudget || controller.signal.aborted) return 'over';
    throw err;
  } finally {
    clearTimeout(timer);
  }
  return performance.now() - start;
}

/**
 * Runs `body` for warmup and then for samples, each run timed with `performance.now()`, with a GC
 * between runs when `--expose-gc` is on. Bounded by `runs` and by `maxTotalMs`.
 *
 * @example
 * ```ts
 * const m = await measure(async (budget) => { for (const x of items) { budget.check(); use(x); } }, opts);
 * ```
 */
export async function measure(
  body: (budget: Budget) => Promise<void>,
  opts: MeasureOptions,
): Promise<Measurement> {
  const began = performance.now();
  const samples: number[] = [];
  const total = opts.warmup + opts.runs;
  for (let i = 0; i < total; i++) {
    const t = await once(body, opts.budgetMs);
    if (t === 'over') return { samples, overBudget: true };
    if (i >= opts.warmup) samples.push(t);
    const spent = performance.now() - began;
    if (spent > opts.maxTotalMs && (samples.length > 0 || t > opts.maxTotalMs / 2)) {
      if (samples.length === 0) samples.push(t);
      break;
    }
  }
  return { samples, overBudget: false };
}

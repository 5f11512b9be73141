import type { TargetSpec } from './targets.js';
import type { BenchOptions, Figure, Row, ServerSpec, SubjectId, WorkerOutput } from './types.js';

/** Where a worker sends what it measured (figures are flushed one by one, so a timeout loses little). */
export type Emit = (record: Partial<WorkerOutput> & { figure?: Figure; note?: string }) => void;

/**
 * One benchmark. The harness starts `server()` once, then runs `run()` in a fresh child process for each
 * subject and each part, and merges the figures into rows.
 */
export interface BenchDef {
  /** CLI name, e.g. `sse-decode`. */
  name: string;
  title: string;
  /** Subjects in table order; the first one is "ours". */
  subjects: SubjectId[];
  /** Independent parts, each in its own process per subject (for peak-RSS isolation). */
  parts?: (quick: boolean) => string[];
  server?: (quick: boolean) => ServerSpec;
  /** How many times to run every (part, subject) worker, interleaved (default: 2, or 1 with `--quick`). */
  rounds?: (quick: boolean) => number;
  /** Hard limit for one worker process before it is killed. */
  timeoutMs?: (quick: boolean) => number;
  /** The target from issue #6, printed above the table (we record where we stand; we never tune to it). */
  target: string;
  /** Numeric targets checked after the run: each is printed with PASS/FAIL and kept in the history. */
  targets?: TargetSpec[];
  /** Derived remarks computed from the merged rows (e.g. a ratio between two rows). */
  summary?: (rows: Row[]) => string[];
  /** Fixed notes printed under the table (method, sizes). */
  notes: (quick: boolean) => string[];
  run(subject: SubjectId, opts: BenchOptions, emit: Emit): Promise<void>;
}

import type { Better } from './stats.js';

/** Who is measured: our SDK, the two official releases, the lean fetch reference, or a peer generator. */
export type SubjectId = string;

/** How a time in ms converts to a figure's metric: `k * ms`, or `k / ms` for rates. */
export interface Scale {
  k: number;
  inverse: boolean;
}

/** One figure of one subject, as a worker reports it. */
export interface Figure {
  /** Case label, e.g. `50 MB of 16-char text deltas`. */
  case: string;
  /** Metric label with its unit, e.g. `MB/s`. */
  metric: string;
  better: Better;
  /** Median value; null when not measured (see `status`). */
  value: number | null;
  /** Why `value` is null: over the time budget, not available, failed. */
  status?: 'over-budget' | 'n/a' | 'error';
  note?: string;
  /** Scaling benches: curve name and input size in bytes, used for growth exponents and the chart. */
  series?: string;
  size?: number;
  /** Raw samples (ms) behind a time-based figure, and how they convert to `value`. */
  samples?: number[];
  scale?: Scale;
  /** The per-run budget a figure went over (ms). */
  budgetMs?: number;
}

/** What a worker process writes for one (bench, subject, part). */
export interface WorkerOutput {
  figures: Figure[];
  /** Set when the subject could not even be loaded. */
  unavailable?: string;
  /** Version of the measured package, when known. */
  version?: string;
  /** Remarks for the notes under the table. */
  notes?: string[];
  /** Set by the harness when the worker died or was killed. */
  crash?: string;
}

/** Options every benchmark receives. */
export interface BenchOptions {
  quick: boolean;
  /** Base URL of the loopback server started for this bench (empty when the bench needs none). */
  origin: string;
  /** Which part of the bench a worker runs, for benches split over several processes. */
  part: string;
  /** Cases this subject already ran over budget in an earlier round: recorded again without running. */
  skip: string[];
  /** Bytes (and units: events, lines) the server serves per path. */
  sizes: Record<string, { bytes: number; units?: number }>;
}

/** Options for the loopback server: one route table per bench. */
export interface ServerSpec {
  /** Payload builder names (see `payloads/index.ts`) with their parameters, keyed by URL prefix. */
  routes: Record<string, { kind: string; params: Record<string, number | string> }>;
  /** Bytes per `write()` on the socket. */
  chunkSize: number;
}

/** A row of the report: one case/metric across all subjects, plus ratios of ours against each of the others. */
export interface Row {
  case: string;
  metric: string;
  better: Better;
  series?: string;
  size?: number;
  values: Record<SubjectId, { value: number | null; status?: string; note?: string; budgetMs?: number }>;
  /** ours vs subject: above 1 means ours is better. */
  advantage: Record<SubjectId, number | null>;
}

/** The results of one benchmark in `latest.json`. */
export interface BenchResult {
  name: string;
  title: string;
  subjects: SubjectId[];
  rows: Row[];
  /** Growth exponents per series and subject (scaling benches only). */
  growth?: Record<string, Record<SubjectId, number | null>>;
  notes: string[];
  /** The target from issue #6. */
  target?: string;
  /** The bench's targets, checked against this run's rows. */
  checks?: TargetCheck[];
  /** Versions of the measured packages. */
  versions: Record<SubjectId, string>;
  /** Whether this bench ran with `--quick` sizes. */
  quick: boolean;
  ranAt: string;
  seconds: number;
}

/** A checked target: its figure (a value or a ratio) and whether it passes (null: not measured). */
export interface TargetCheck {
  label: string;
  value: number | null;
  pass: boolean | null;
  /** e.g. `23.4 KB (0.74.0: 19.6)` or `×0.63 of lean fetch (1,786 vs 2,855)`. */
  detail: string;
  /** When the target is missed: where the gap is, as this run measured it, and what would close it. */
  missed?: string;
}

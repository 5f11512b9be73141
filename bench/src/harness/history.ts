import { appendFileSync, existsSync, readFileSync } from 'node:fs';
import { markdownTable } from './report.js';
import { type TargetCheck, verdict } from './targets.js';

/** One full `pnpm bench` run, as kept in `results/history.jsonl` (one JSON object a line). */
export interface HistoryEntry {
  at: string;
  commit: string;
  /** Every target checked in the run, by bench name. */
  checks: Record<string, TargetCheck[]>;
}

/** The runs recorded so far, oldest first (a missing file is an empty history). */
export function loadHistory(file: string): HistoryEntry[] {
  if (!existsSync(file)) return [];
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as HistoryEntry);
}

/** Adds one run at the end of the history file. */
export function appendHistory(file: string, entry: HistoryEntry): void {
  appendFileSync(file, `${JSON.stringify(entry)}\n`);
}

/** A table of the last `n` runs: one row per target, one column per run (value and verdict). */
export function renderHistory(history: HistoryEntry[], n = 5): string[] {
  const runs = history.slice(-n);
  if (runs.length === 0) return [];
  const labels = [
    ...new Set(
      runs.flatMap((r) =>
        Object.values(r.checks)
          .flat()
          .map((c) => c.label),
      ),
    ),
  ];
  const head = ['target', ...runs.map((r) => `${r.at.slice(0, 16).replace('T', ' ')} (${r.commit})`)];
  const rows = labels.map((label) => [
    label,
    ...runs.map((r) => {
      const c = Object.values(r.checks)
        .flat()
        .find((x) => x.label === label);
      return c ? `${verdict(c.pass)} ${c.detail}` : '—';
    }),
  ]);
  return [
    '',
    `## Targets over the last ${runs.length} full runs`,
    '',
    'Each full `pnpm bench` run appends its target checks to [results/history.jsonl](./results/history.jsonl).',
    '',
    ...markdownTable(head, rows, 1),
  ];
}

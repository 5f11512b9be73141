import { subjectLabel } from './labels.js';
import { formatNumber } from './stats.js';
import type { Row, TargetCheck } from './types.js';

export type { TargetCheck } from './types.js';

/** One numeric target of the issue, checked against the merged rows of a bench. */
export interface TargetSpec {
  /** Short label, e.g. `app bundle ≤ 15 KB min+gzip`. */
  label: string;
  case: string;
  metric: string;
  /** `max`: ours' value at most `limit`; `min-ratio`: ours / `vs` at least `limit` (`max-ratio` likewise). */
  kind: 'max' | 'min-ratio';
  limit: number;
  /** The subject measured in the same run that a ratio is taken against. */
  vs?: string;
  unit?: string;
  /**
   * Printed under a FAIL: what would meet the target. The measured part of the reason is in the bench's notes
   * (each bench that can miss a target measures where its gap is in the same run).
   */
  whenMissed?: string;
}

const figureOf = (row: Row | undefined, subject: string): number | null =>
  row?.values[subject]?.value ?? null;

/** Checks one target against the rows: ours is always `subjects[0]`. */
export function checkTarget(spec: TargetSpec, rows: Row[], ours: string): TargetCheck {
  const row = rows.find((r) => r.case === spec.case && r.metric === spec.metric);
  const mine = figureOf(row, ours);
  if (spec.kind === 'max') {
    const pass = mine === null ? null : mine <= spec.limit;
    const anchor = spec.vs ? figureOf(row, spec.vs) : null;
    const unit = spec.unit ? ` ${spec.unit}` : '';
    const detail =
      mine === null
        ? 'not measured'
        : `${formatNumber(mine)}${unit}${anchor === null ? '' : ` (${subjectLabel(spec.vs!)}: ${formatNumber(anchor)})`}`;
    return withReason({ label: spec.label, value: mine, pass, detail }, spec);
  }
  const other = spec.vs ? figureOf(row, spec.vs) : null;
  const ratio = mine !== null && other ? mine / other : null;
  const pass = ratio === null ? null : ratio >= spec.limit;
  const detail =
    ratio === null
      ? 'not measured'
      : `×${formatNumber(ratio)} of ${subjectLabel(spec.vs!)} (${formatNumber(mine!)} vs ${formatNumber(other!)})`;
  return withReason({ label: spec.label, value: ratio, pass, detail }, spec);
}

const withReason = (check: TargetCheck, spec: TargetSpec): TargetCheck =>
  check.pass === false && spec.whenMissed ? { ...check, missed: spec.whenMissed } : check;

/** `PASS` / `FAIL` / `n/a`. */
export const verdict = (pass: boolean | null): string => (pass === null ? 'n/a' : pass ? 'PASS' : 'FAIL');

/** One line per check, as printed after a bench and listed under its table. */
export function targetLines(checks: TargetCheck[]): string[] {
  return checks.map(
    (c) =>
      `${verdict(c.pass)}: ${c.label}: ${c.detail}${c.missed ? `. What would meet it: ${c.missed}` : ''}`,
  );
}

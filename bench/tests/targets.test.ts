import { describe, expect, it } from 'vitest';
import { renderHistory } from '../src/harness/history.js';
import { checkTarget, type TargetSpec, targetLines } from '../src/harness/targets.js';
import type { Row } from '../src/harness/types.js';

const row = (values: Record<string, number | null>): Row => ({
  case: 'c',
  metric: 'm',
  better: 'lower',
  values: Object.fromEntries(Object.entries(values).map(([k, v]) => [k, { value: v }])),
  advantage: {},
});
const max: TargetSpec = {
  label: 'at most 15',
  case: 'c',
  metric: 'm',
  kind: 'max',
  limit: 15,
  vs: 'sdk-0.74.0',
};
const ratio: TargetSpec = {
  label: 'at least 0.9x',
  case: 'c',
  metric: 'm',
  kind: 'min-ratio',
  limit: 0.9,
  vs: 'lean',
};

describe('checkTarget', () => {
  it.each([
    { spec: max, values: { ours: 14, 'sdk-0.74.0': 19.6 }, pass: true, detail: '14 (0.74.0: 19.6)' },
    { spec: max, values: { ours: 23.4, 'sdk-0.74.0': 19.6 }, pass: false, detail: '23.4 (0.74.0: 19.6)' },
    { spec: max, values: { ours: null }, pass: null, detail: 'not measured' },
    {
      spec: ratio,
      values: { ours: 1800, lean: 2000 },
      pass: true,
      detail: '×0.9 of lean fetch (1,800 vs 2,000)',
    },
    {
      spec: ratio,
      values: { ours: 1000, lean: 2000 },
      pass: false,
      detail: '×0.5 of lean fetch (1,000 vs 2,000)',
    },
  ])('$spec.kind $values -> $pass', ({ spec, values, pass, detail }) => {
    const check = checkTarget(spec, [row(values)], 'ours');
    expect(check.pass).toBe(pass);
    expect(check.detail).toBe(detail);
  });
});

describe('a missed target', () => {
  const spec = { ...max, whenMissed: 'a smaller transport' };
  it('carries what would meet it, and prints it after the FAIL', () => {
    const check = checkTarget(spec, [row({ ours: 23.4 })], 'ours');
    expect(check.missed).toBe('a smaller transport');
    expect(targetLines([check])).toEqual(['FAIL: at most 15: 23.4. What would meet it: a smaller transport']);
  });
  it('says nothing of it when met or not measured', () => {
    expect(checkTarget(spec, [row({ ours: 14 })], 'ours').missed).toBeUndefined();
    expect(checkTarget(spec, [row({ ours: null })], 'ours').missed).toBeUndefined();
  });
});

describe('renderHistory', () => {
  it('shows the last runs as columns, one row per target', () => {
    const run = (at: string, value: number) => ({
      at,
      commit: 'abc',
      checks: { footprint: [checkTarget(max, [row({ ours: value })], 'ours')] },
    });
    const history = ['01', '02', '03', '04', '05', '06'].map((d, i) => run(`2026-12-${d}T00:00:00Z`, 20 - i));
    const lines = renderHistory(history, 5);
    expect(lines.join('\n')).not.toContain('2026-12-01');
    expect(lines.find((l) => l.startsWith('| at most 15'))).toContain('PASS 15');
    expect(lines.find((l) => l.startsWith('| at most 15'))).toContain('FAIL 19');
  });
  it('renders nothing without runs', () => expect(renderHistory([])).toEqual([]));
});

import { describe, expect, it } from 'vitest';
import { LOWER_BOUND } from '../src/harness/labels.js';
import { combine, growthOf, mergeRows } from '../src/harness/runner.js';
import { advantage, formatNumber, growthExponent, median } from '../src/harness/stats.js';
import type { Figure } from '../src/harness/types.js';

describe('median', () => {
  it.each([
    [[5], 5],
    [[3, 1, 2], 2],
    [[4, 1, 3, 2], 2.5],
    [[10, 10, 1000], 10],
  ])('median(%j) = %d', (xs, want) => expect(median(xs)).toBe(want));

  it('rejects an empty sample', () => expect(() => median([])).toThrow(RangeError));
});

describe('growthExponent', () => {
  const curve = (k: number) => [1e4, 1e5, 1e6, 4e6].map((x) => ({ x, y: 3 * x ** k }));
  it.each([1, 2, 0.5])('recovers exponent %d of y = 3x^k', (k) =>
    expect(growthExponent(curve(k))).toBeCloseTo(k, 10),
  );
  it('needs two distinct sizes', () => {
    expect(growthExponent([{ x: 10, y: 1 }])).toBeNull();
    expect(
      growthExponent([
        { x: 10, y: 1 },
        { x: 10, y: 2 },
      ]),
    ).toBeNull();
  });
  it('ignores non-positive points', () =>
    expect(
      growthExponent([
        { x: 0, y: 1 },
        { x: 1, y: 1 },
        { x: 10, y: 10 },
      ]),
    ).toBeCloseTo(1));
});

describe('advantage', () => {
  it.each([
    [200, 100, 'higher', 2],
    [50, 100, 'higher', 0.5],
    [50, 100, 'lower', 2],
    [200, 100, 'lower', 0.5],
  ] as const)('ours %d vs %d (%s is better) = %d', (o, t, b, want) => expect(advantage(o, t, b)).toBe(want));
  it('is null when a side is missing', () => {
    expect(advantage(null, 1, 'higher')).toBeNull();
    expect(advantage(1, 0, 'lower')).toBeNull();
  });
});

describe('formatNumber', () => {
  it.each([
    [1234567.8, '1,234,568'],
    [12.345, '12.3'],
    [0.012345, '0.0123'],
    [0, '0'],
  ])('%d -> %s', (v, want) => expect(formatNumber(v)).toBe(want));
});

describe('mergeRows and growthOf', () => {
  const fig = (size: number, value: number | null, extra: Partial<Figure> = {}): Figure => ({
    case: `${size}`,
    metric: 'ms',
    better: 'lower',
    series: 's',
    size,
    value,
    ...extra,
  });
  const bySubject = new Map<string, Figure[]>([
    ['ours', [fig(10, 1), fig(100, 10), fig(1000, 100)]],
    ['old', [fig(10, 2), fig(100, 200), fig(1000, null, { status: 'over-budget', budgetMs: 20_000 })]],
  ]);
  const rows = mergeRows(['ours', 'old'], bySubject);

  it('puts every subject of a case in one row with ours-vs-other advantage', () => {
    expect(rows).toHaveLength(3);
    expect(rows[1]!.values).toEqual({ ours: { value: 10 }, old: { value: 200 } });
    expect(rows[1]!.advantage.old).toBe(20);
    expect(rows[2]!.advantage.old).toBeNull();
    expect(rows[2]!.values.old!.status).toBe('over-budget');
  });

  it('fits exponents over all sizes and over the two largest measured ones', () => {
    const g = growthOf(['ours', 'old'], rows);
    expect(g['s: all sizes']!.ours).toBeCloseTo(1);
    expect(g['s: all sizes']!.old).toBeCloseTo(2);
    expect(g['s: two largest measured sizes']!.old).toBeCloseTo(2);
  });

  it('bounds the exponent from below when a size went over budget', () => {
    const g = growthOf(['ours', 'old'], rows);
    // (100, 200 ms) measured, then 1000 over a 20 s budget: slope >= log(20000/200)/log(10) = 2.
    expect(g[`s: ${LOWER_BOUND}`]!.old).toBeCloseTo(2);
    expect(g[`s: ${LOWER_BOUND}`]!.ours).toBeNull();
  });
});

describe('combine (figures of one subject from several rounds)', () => {
  const base = { case: 'c', metric: 'MB/s', better: 'higher' as const };
  const scale = { k: 1000, inverse: true };

  it('pools the time samples and converts their median', () => {
    const f = combine([
      { ...base, value: 1000 / 20, samples: [10, 20, 30], scale },
      { ...base, value: 1000 / 45, samples: [40, 50], scale },
    ]);
    expect(f.samples).toEqual([10, 20, 30, 40, 50]);
    expect(f.value).toBe(1000 / 30);
  });

  it('takes the median value when there are no samples, and lets over-budget win', () => {
    expect(
      combine([
        { ...base, value: 1 },
        { ...base, value: 5 },
        { ...base, value: 2 },
      ]).value,
    ).toBe(2);
    const over = { ...base, value: null, status: 'over-budget' as const };
    expect(combine([{ ...base, value: 3 }, over]).status).toBe('over-budget');
  });

  it('ignores a failed round when another one measured', () => {
    expect(
      combine([
        { ...base, value: null, status: 'error' },
        { ...base, value: 7 },
      ]).value,
    ).toBe(7);
  });
});

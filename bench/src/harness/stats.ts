/** Which way a metric improves. */
export type Better = 'higher' | 'lower';

/**
 * Median of a non-empty sample (mean of the two middle values for even counts).
 *
 * @example
 * ```ts
 * median([3, 1, 2]); // 2
 * ```
 */
export function median(samples: readonly number[]): number {
  if (samples.length === 0) throw new RangeError('median of an empty sample');
  const sorted = [...samples].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** A point of a scaling curve: input size against measured time. */
export interface Point {
  x: number;
  y: number;
}

/**
 * Growth exponent: the least-squares slope of log(y) against log(x). 1 means linear, 2 quadratic.
 * Returns null with fewer than two distinct, positive sizes.
 *
 * @example
 * ```ts
 * growthExponent([{ x: 1, y: 3 }, { x: 10, y: 300 }]); // 2
 * ```
 */
export function growthExponent(points: readonly Point[]): number | null {
  const logs = points.filter((p) => p.x > 0 && p.y > 0).map((p) => ({ x: Math.log(p.x), y: Math.log(p.y) }));
  if (new Set(logs.map((p) => p.x)).size < 2) return null;
  const mx = logs.reduce((s, p) => s + p.x, 0) / logs.length;
  const my = logs.reduce((s, p) => s + p.y, 0) / logs.length;
  let num = 0;
  let den = 0;
  for (const p of logs) {
    num += (p.x - mx) * (p.y - my);
    den += (p.x - mx) ** 2;
  }
  return num / den;
}

/**
 * How many times better `ours` is than `other`, whatever the metric's direction: above 1 means ours is
 * better, below 1 worse. Null when either side is missing or not positive.
 *
 * @example
 * ```ts
 * advantage(200, 100, 'higher'); // 2   (twice the throughput)
 * advantage(50, 100, 'lower');   // 2   (half the time)
 * ```
 */
export function advantage(ours: number | null, other: number | null, better: Better): number | null {
  if (ours === null || other === null || !(ours > 0) || !(other > 0)) return null;
  return better === 'higher' ? ours / other : other / ours;
}

/**
 * Formats a figure with three significant digits and thousands separators for large values.
 *
 * @example
 * ```ts
 * formatNumber(1234567); // '1,234,567'
 * formatNumber(0.012345); // '0.0123'
 * ```
 */
export function formatNumber(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  const abs = Math.abs(value);
  if (abs >= 1000) return Math.round(value).toLocaleString('en-US');
  if (abs === 0) return '0';
  return Number(value.toPrecision(3)).toString();
}

/**
 * Converts a time in ms to a metric by its scale (identity for times, `k / ms` for rates).
 *
 * @example
 * ```ts
 * applyScale({ k: 1000, inverse: true }, 500); // 2 (per second)
 * ```
 */
export function applyScale(scale: { k: number; inverse: boolean }, ms: number): number {
  return scale.inverse ? scale.k / ms : scale.k * ms;
}

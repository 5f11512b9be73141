import { COLORS, subjectLabel } from './labels.js';
import type { BenchResult } from './types.js';

/** One curve of a panel; `y` null means "not measured", `over` marks a run that passed its time budget. */
export interface Curve {
  subject: string;
  points: { x: number; y: number | null; over?: boolean }[];
}

/** One log-log panel: time (ms) against input size (bytes). */
export interface Panel {
  title: string;
  curves: Curve[];
}

const W = 420;
/** Panels per row of the grid. */
const COLUMNS = 2;
const H = 300;
const PAD = { left: 58, right: 14, top: 40, bottom: 44 };

/**
 * Maps values to pixels on a log10 scale.
 *
 * @example
 * ```ts
 * logScale([1, 100], [0, 200])(10); // 100
 * ```
 */
export function logScale([d0, d1]: [number, number], [r0, r1]: [number, number]): (v: number) => number {
  const l0 = Math.log10(d0);
  const span = Math.log10(d1) - l0 || 1;
  return (v) => r0 + ((Math.log10(v) - l0) / span) * (r1 - r0);
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

function sizeTick(bytes: number): string {
  return bytes >= 1e6 ? `${+(bytes / 1e6).toFixed(1)} MB` : `${+(bytes / 1e3).toFixed(1)} KB`;
}

function decades(lo: number, hi: number): number[] {
  const out: number[] = [];
  for (let e = Math.floor(Math.log10(lo)); e <= Math.ceil(Math.log10(hi)); e++) out.push(10 ** e);
  return out;
}

function axes(
  p: Panel,
  sx: (v: number) => number,
  sy: (v: number) => number,
  ys: number[],
  xs: number[],
): string[] {
  const out = [`<text x="${W / 2}" y="18" text-anchor="middle" font-weight="bold">${esc(p.title)}</text>`];
  for (const y of ys) {
    out.push(`<line x1="${PAD.left}" x2="${W - PAD.right}" y1="${sy(y)}" y2="${sy(y)}" stroke="#e9ecef"/>`);
    out.push(
      `<text x="${PAD.left - 6}" y="${sy(y) + 4}" text-anchor="end">${y >= 1 ? y : y.toPrecision(1)}</text>`,
    );
  }
  for (const x of xs)
    out.push(`<text x="${sx(x)}" y="${H - PAD.bottom + 16}" text-anchor="middle">${sizeTick(x)}</text>`);
  out.push(
    `<rect x="${PAD.left}" y="${PAD.top}" width="${W - PAD.left - PAD.right}" height="${H - PAD.top - PAD.bottom}" fill="none" stroke="#adb5bd"/>`,
  );
  out.push(`<text x="${W / 2}" y="${H - 8}" text-anchor="middle">input size (log)</text>`);
  out.push(
    `<text x="14" y="${H / 2}" text-anchor="middle" transform="rotate(-90 14 ${H / 2})">time, ms (log)</text>`,
  );
  return out;
}

/** Draws one curve; `slot` shifts its over-budget markers sideways so markers of several curves don't overlap. */
function curve(c: Curve, sx: (v: number) => number, sy: (v: number) => number, slot: number): string[] {
  const color = COLORS[c.subject] ?? '#000';
  const measured = c.points.filter((p) => p.y !== null);
  const out = [
    `<polyline fill="none" stroke="${color}" stroke-width="2" points="${measured.map((p) => `${sx(p.x).toFixed(1)},${sy(p.y!).toFixed(1)}`).join(' ')}"/>`,
  ];
  for (const p of measured)
    out.push(`<circle cx="${sx(p.x).toFixed(1)}" cy="${sy(p.y!).toFixed(1)}" r="3" fill="${color}"/>`);
  for (const p of c.points.filter((q) => q.over)) {
    const x = (sx(p.x) + slot * 11).toFixed(1);
    out.push(
      `<path d="M${x},${PAD.top + 2} l-5,9 h10 z" fill="${color}"><title>${esc(subjectLabel(c.subject))}: over budget</title></path>`,
    );
  }
  return out;
}

function panel(p: Panel, dx: number, dy: number): string {
  const pts = p.curves.flatMap((c) => c.points);
  const xs = [...new Set(pts.map((q) => q.x))].sort((a, b) => a - b);
  const yv = pts.flatMap((q) => (q.y !== null && q.y > 0 ? [q.y] : []));
  const ys = yv.length > 0 ? decades(Math.min(...yv), Math.max(...yv)) : [1, 10];
  const sx = logScale([xs[0] ?? 1, xs.at(-1) ?? 10], [PAD.left + 12, W - PAD.right - 12]);
  const sy = logScale([ys[0]!, ys.at(-1)!], [H - PAD.bottom, PAD.top + 14]);
  const body = [
    ...axes(p, sx, sy, ys, xs),
    ...p.curves.flatMap((c, i) => curve(c, sx, sy, i - (p.curves.length - 1) / 2)),
  ];
  return `<g transform="translate(${dx},${dy})">\n${body.join('\n')}\n</g>`;
}

/**
 * Renders panels in a grid (two per row) as one SVG document, with a shared legend. Hand-written SVG: no browser,
 * no dependencies.
 */
export function renderSvg(
  panels: Panel[],
  subjects: string[],
  versions: Record<string, string> = {},
): string {
  const cols = Math.min(COLUMNS, Math.max(1, panels.length));
  const width = cols * W;
  const height = 30 + Math.max(1, Math.ceil(panels.length / cols)) * H;
  const legend = subjects.map((s, i) => {
    const x = 20 + i * 160;
    return `<rect x="${x}" y="8" width="14" height="4" fill="${COLORS[s] ?? '#000'}"/><text x="${x + 20}" y="14">${esc(subjectLabel(s, versions))}</text>`;
  });
  const note = `<text x="${width - 10}" y="28" text-anchor="end" fill="#868e96">log-log, lower is better · ▲ = over the time budget</text>`;
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="sans-serif" font-size="11">`,
    `<rect width="100%" height="100%" fill="#fff"/>`,
    ...legend,
    note,
    ...panels.map((p, i) => panel(p, (i % cols) * W, 30 + Math.floor(i / cols) * H)),
    '</svg>',
    '',
  ].join('\n');
}

/** Builds one panel per scaling series (rows with a size and a time in ms) of the given benches. */
export function panelsOf(benches: BenchResult[]): Panel[] {
  const panels: Panel[] = [];
  for (const b of benches) {
    const series = [...new Set(b.rows.filter((r) => r.series && r.metric === 'ms').map((r) => r.series!))];
    for (const s of series) {
      const rows = b.rows.filter((r) => r.series === s && r.metric === 'ms' && r.size);
      const curves = b.subjects.map((subject) => ({
        subject,
        points: rows.map((r) => ({
          x: r.size!,
          y: r.values[subject]?.value ?? null,
          over: r.values[subject]?.status === 'over-budget',
        })),
      }));
      panels.push({
        title: `${b.title.split(':')[0]}: ${s}`,
        curves: curves.filter((c) => c.points.some((p) => p.y !== null || p.over)),
      });
    }
  }
  return panels;
}

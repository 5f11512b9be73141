import { describe, expect, it } from 'vitest';
import { logScale, type Panel, panelsOf, renderSvg } from '../src/harness/chart.js';
import type { BenchResult } from '../src/harness/types.js';

describe('logScale', () => {
  it('maps decades to equal distances', () => {
    const s = logScale([1, 1000], [0, 300]);
    expect([s(1), s(10), s(100), s(1000)]).toEqual([0, 100, 200, 300]);
  });
  it('can run downwards (SVG y grows down)', () => expect(logScale([1, 100], [200, 0])(10)).toBe(100));
});

describe('renderSvg', () => {
  const panel: Panel = {
    title: 'a <b> & c',
    curves: [
      {
        subject: 'ours',
        points: [
          { x: 1e4, y: 1 },
          { x: 1e5, y: 10 },
          { x: 1e6, y: 100 },
        ],
      },
      {
        subject: 'sdk-0.74.0',
        points: [
          { x: 1e4, y: 5 },
          { x: 1e5, y: null, over: true },
          { x: 1e6, y: null, over: true },
        ],
      },
    ],
  };
  const svg = renderSvg([panel, panel], ['ours', 'sdk-0.74.0'], {});

  it('is one SVG document with a polyline per curve per panel', () => {
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    expect(svg.trimEnd().endsWith('</svg>')).toBe(true);
    expect(svg.match(/<polyline /g)).toHaveLength(4);
    expect(svg.match(/<circle /g)).toHaveLength(8);
  });

  it('marks over-budget points and escapes text', () => {
    expect(svg.match(/over budget<\/title>/g)).toHaveLength(4);
    expect(svg).toContain('a &lt;b&gt; &amp; c');
    expect(svg).not.toContain('NaN');
  });

  it('places points of a power law on a straight line', () => {
    const one = renderSvg([panel], ['ours']);
    const pts = /points="([^"]+)"/
      .exec(one)![1]!
      .split(' ')
      .map((p) => p.split(',').map(Number));
    const [a, b, c] = pts as [number[], number[], number[]];
    expect(b[0]! - a[0]!).toBeCloseTo(c[0]! - b[0]!, 0);
    expect(b[1]! - a[1]!).toBeCloseTo(c[1]! - b[1]!, 0);
  });
});

describe('panelsOf', () => {
  it('makes one panel per scaling series and drops subjects with nothing to draw', () => {
    const bench: BenchResult = {
      name: 'x',
      title: '9. X: y',
      subjects: ['ours', 'lean'],
      notes: [],
      versions: {},
      quick: true,
      ranAt: '',
      seconds: 0,
      rows: [
        {
          case: 'a',
          metric: 'ms',
          better: 'lower',
          series: 's1',
          size: 10,
          values: { lean: { value: 1 } },
          advantage: {},
        },
        {
          case: 'b',
          metric: 'ms',
          better: 'lower',
          series: 's1',
          size: 100,
          values: { lean: { value: 3 } },
          advantage: {},
        },
        { case: 'c', metric: 'MB/s', better: 'higher', values: { lean: { value: 3 } }, advantage: {} },
      ],
    };
    const panels = panelsOf([bench]);
    expect(panels.map((p) => p.title)).toEqual(['9. X: s1']);
    expect(panels[0]!.curves.map((c) => c.subject)).toEqual(['lean']);
  });
});

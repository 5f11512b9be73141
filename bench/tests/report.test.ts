import { describe, expect, it } from 'vitest';
import { markdownTable, renderMarkdown } from '../src/harness/report.js';

describe('markdownTable', () => {
  it('pads cells and aligns the numeric columns right', () => {
    expect(
      markdownTable(
        ['case', 'ours'],
        [
          ['a', '1'],
          ['long case', '1,234'],
        ],
        1,
      ),
    ).toEqual([
      '| case      |  ours |',
      '| --------- | ----: |',
      '| a         |     1 |',
      '| long case | 1,234 |',
    ]);
  });
});

describe('renderMarkdown', () => {
  it('prints values, budgets, missing subjects and ours-vs-other ratios', () => {
    const md = renderMarkdown({
      meta: { node: 'v20', cpus: '2 x cpu', platform: 'linux-x64', updatedAt: 'now' },
      benches: [
        {
          name: 'x',
          title: '1. X',
          subjects: ['ours', 'sdk-0.74.0', 'lean'],
          notes: ['a note'],
          versions: {},
          quick: false,
          ranAt: 'then',
          seconds: 1,
          rows: [
            {
              case: 'c',
              metric: 'MB/s',
              better: 'higher',
              values: {
                ours: { value: 200 },
                'sdk-0.74.0': { value: null, status: 'over-budget', note: '> 15 s budget' },
              },
              advantage: { 'sdk-0.74.0': null, lean: null },
            },
          ],
        },
      ],
    });
    expect(md).toContain('## 1. X');
    expect(md).toMatch(/\| c +\| MB\/s +\| +200 \| > 15 s budget \| +n\/a \| +— \| +— \|/);
    expect(md).toContain('- a note');
    expect(md).not.toContain('quick mode');
  });
});

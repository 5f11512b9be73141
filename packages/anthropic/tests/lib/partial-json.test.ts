import { describe, expect, it } from 'vitest';
import { IncrementalJSONParser, partialParse } from '../../src/lib/partial-json/incremental-parser.js';
import { randomChunks, randomText, randomValue, rng } from './json-gen.js';

function feedAll(chunks: string[], readEach = true): { parser: IncrementalJSONParser; snapshots: string[] } {
  const parser = new IncrementalJSONParser();
  const snapshots: string[] = [];
  for (const chunk of chunks) {
    parser.feed(chunk);
    if (readEach) snapshots.push(JSON.stringify(parser.snapshot()));
  }
  return { parser, snapshots };
}

const FIXED_DOCS = [
  '{}',
  '[]',
  '"just a string"',
  '42',
  '-0.5e+10',
  'true',
  'null',
  '{"a": 1, "b": [true, false, null], "c": {"d": "e\\"f\\\\g\\u00e9\\ud83d\\ude00"}}',
  '[[[[[]]]], {"": ""}, [1, [2, [3]]]]',
  '{"location": "San Francisco, CA", "unit": "celsius", "days": 3}',
  '  {\n  "nested": {"deep": {"er": [1.5, -2, 3e2]}}\n}\n',
  '{"__proto__": {"polluted": true}, "x": 1}',
  '{"dup": 1, "dup": 2}',
];

// Expected values as @anthropic-ai/sdk@0.74.0's partialParse returned them (more in partial-parse-compat.test.ts).
describe('IncrementalJSONParser: best-effort snapshots', () => {
  it.each([
    ['{"city": "Par', {}],
    ['{"city": "Paris", "da', { city: 'Paris' }],
    ['{"city": "Paris", "days":', { city: 'Paris' }],
    ['{"n": -', {}],
    ['{"n": -1', { n: -1 }],
    ['{"n": 1.', {}],
    ['{"n": 1.5e', { n: 1.5 }],
    ['{"n": 2e-', { n: 2 }],
    ['[1, 2, 3', [1]],
    ['[tr', []],
    ['[f', []],
    ['{"x": nu', {}],
    ['{"a": {"b": [{"c": "d', { a: { b: [{}] } }],
    ['{"s": "esc\\', {}],
    ['{"s": "uni\\u00', {}],
  ])('snapshot of %j', (text, expected) => {
    expect(partialParse(text)).toEqual(expected);
  });

  it.each(['"root str', '', '-', 'tr'])('partialParse(%j) throws: nothing to show yet', (text) => {
    expect(() => partialParse(text)).toThrow(SyntaxError);
    const parser = new IncrementalJSONParser();
    parser.feed(text);
    expect(parser.snapshot()).toBeUndefined();
  });

  it('keeps container identity and mutates the snapshot in place', () => {
    const parser = new IncrementalJSONParser();
    parser.feed('{"items": [');
    const first = parser.snapshot() as { items: unknown[] };
    parser.feed('1, 2]');
    expect(parser.snapshot()).toBe(first);
    expect(first.items).toEqual([1, 2]);
  });

  it('decodes escapes split across fragments', () => {
    const { parser, snapshots } = feedAll([
      '{"t": "a\\',
      'n',
      'b\\u',
      '00',
      'e9',
      '\\ud83d',
      '\\ude00"',
      '}',
    ]);
    expect(snapshots.slice(0, 6)).toEqual(Array(6).fill('{}'));
    expect(snapshots[6]).toBe('{"t":"a\\nbé😀"}');
    expect(parser.finish()).toEqual({ t: 'a\nbé😀' });
  });

  it('stores __proto__ as an own property like JSON.parse', () => {
    const parser = new IncrementalJSONParser();
    parser.feed('{"__proto__": {"polluted": true}}');
    const value = parser.finish() as Record<string, unknown>;
    expect(Object.getPrototypeOf(value)).toBe(Object.prototype);
    expect(Object.keys(value)).toEqual(['__proto__']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('IncrementalJSONParser: errors', () => {
  it.each([
    '{"a": 1,}',
    '[1 2]',
    '01',
    '{"a" 1}',
    '[tx]',
    '{"a": "\u0001"}',
    '"\\x"',
    '"\\u12g4"',
    '{} {}',
    '[1.]',
    '-a',
    '{"a": 1]',
    "{'a': 1}",
  ])('rejects %j', (text) => {
    expect(() => {
      const parser = new IncrementalJSONParser();
      parser.feed(text);
      parser.finish();
    }).toThrow(SyntaxError);
  });

  it('rejects incomplete input on finish and reports the position of bad characters', () => {
    const parser = new IncrementalJSONParser();
    parser.feed('{"a": [1');
    expect(() => parser.finish()).toThrow(/Unexpected end of JSON input/);
    const bad = new IncrementalJSONParser();
    bad.feed('[1, ');
    expect(() => bad.feed('2, x')).toThrow(/position 7/);
    expect(() => bad.feed('3')).toThrow(/already failed/);
  });
});

describe('IncrementalJSONParser: properties', () => {
  const docs = [...FIXED_DOCS];
  const next = rng(0x5eed);
  for (let i = 0; i < 300; i++) docs.push(randomText(next, randomValue(next)));

  it('snapshots every prefix of every document without throwing', () => {
    for (const doc of docs) {
      for (let end = 0; end <= doc.length; end++) {
        const parser = new IncrementalJSONParser();
        expect(
          () => {
            parser.feed(doc.slice(0, end));
            parser.snapshot();
          },
          doc.slice(0, end),
        ).not.toThrow();
      }
    }
  });

  it('equals JSON.parse for every document under random chunkings', () => {
    for (const doc of docs) {
      for (const maxLen of [1, 3, 17, 1000]) {
        const { parser } = feedAll(randomChunks(next, doc, maxLen));
        const expected = JSON.parse(doc);
        expect(parser.isComplete).toBe(true);
        expect(JSON.stringify(parser.finish())).toBe(JSON.stringify(expected));
        expect(parser.finish()).toStrictEqual(expected);
      }
    }
  });

  it('never shows a key or array element before its value has started', () => {
    const doc = '{"alpha": [10, "twenty", {"beta": null}], "gamma": -3.25}';
    const { snapshots } = feedAll([...doc]);
    for (const snap of snapshots) {
      expect(snap ?? '').not.toContain('undefined');
      expect(() => JSON.parse(snap ?? 'null')).not.toThrow();
    }
    expect(snapshots.at(-1)).toBe(JSON.stringify(JSON.parse(doc)));
  });
});

describe('IncrementalJSONParser: linear time', () => {
  it('reads a snapshot after each of 200k small deltas of a 2 MB input quickly', () => {
    const big = JSON.stringify({
      path: '/tmp/file.txt',
      content: 'x'.repeat(1_000_000),
      rows: Array.from({ length: 20_000 }, (_, i) => ({ i, name: `row ${i}`, ok: i % 2 === 0 })),
    });
    const chunks = randomChunks(rng(7), big, 20);
    const started = performance.now();
    const { parser } = feedAll(chunks, false);
    let reads = 0;
    const again = new IncrementalJSONParser();
    for (const chunk of chunks) {
      again.feed(chunk);
      again.snapshot();
      reads++;
    }
    const elapsed = performance.now() - started;
    expect(reads).toBeGreaterThan(100_000);
    // Re-parsing the buffer per read would take minutes here; linear work is well under a second.
    expect(elapsed).toBeLessThan(5_000);
    expect(again.finish()).toEqual(parser.finish());
  });
});

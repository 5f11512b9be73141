/**
 * `partialParse` (and the stream's partial tool input, which uses the same parser) against the values
 * `@anthropic-ai/sdk@0.74.0`'s `partialParse` returned for the same inputs, recorded as literals.
 */
import { readFileSync } from 'node:fs';
import { partialParse } from '@sdkgen/anthropic/_vendor/partial-json-parser/parser';
import { describe, expect, it } from 'vitest';
import { IncrementalJSONParser } from '../../src/lib/partial-json/incremental-parser.js';

const THROWS = Symbol('throws');

/** [input, what 0.74.0 returned (THROWS: a SyntaxError)] */
const TABLE: Array<[string, unknown]> = [
  ['', THROWS],
  [' ', THROWS],
  ['{', {}],
  ['[', []],
  ['"', THROWS],
  ['"ab', THROWS],
  ['"ab"', 'ab'],
  ['1', 1],
  ['-', THROWS],
  ['1.', THROWS],
  ['1.5', 1.5],
  ['1e', 1],
  ['1e-', 1],
  ['t', THROWS],
  ['tr', THROWS],
  ['true', true],
  ['nul', THROWS],
  ['null', null],
  ['fals', THROWS],
  ['{"', {}],
  ['{"a', {}],
  ['{"a"', {}],
  ['{"a":', {}],
  ['{"a": ', {}],
  ['{"a": "', {}],
  ['{"a": "x', {}],
  ['{"a": "x"', { a: 'x' }],
  ['{"a": "x",', { a: 'x' }],
  ['{"a": "x", "', { a: 'x' }],
  ['{"a": "x", "b', { a: 'x' }],
  ['{"a": "x", "b"', { a: 'x' }],
  ['{"a": "x", "b":', { a: 'x' }],
  ['{"a": 1', { a: 1 }],
  ['{"a": 12', { a: 12 }],
  ['{"a": 1.', {}],
  ['{"a": 1.5', { a: 1.5 }],
  ['{"a": -', {}],
  ['{"a": -1', { a: -1 }],
  ['{"a": 1e', { a: 1 }],
  ['{"a": 1e-', { a: 1 }],
  ['{"a": 1.5e', { a: 1.5 }],
  ['{"a": 1, "b": 2.', { a: 1 }],
  ['{"a": 0', { a: 0 }],
  ['{"a": -0.', {}],
  ['{"a": 0.0', { a: 0 }],
  ['{"a": t', {}],
  ['{"a": tr', {}],
  ['{"a": true', { a: true }],
  ['{"a": nul', {}],
  ['{"a": null', { a: null }],
  ['{"a": fals', {}],
  ['{"a": false', { a: false }],
  ['{"a": "x", "b": t', { a: 'x' }],
  ['[1', [1]],
  ['[1,', [1]],
  ['[1, 2', [1]],
  ['[1, 2,', [1]],
  ['[1, 2, 3', [1]],
  ['[1, 2, 3]', [1, 2, 3]],
  ['[1.', []],
  ['[-', []],
  ['[12', [12]],
  ['["a', []],
  ['["a"', ['a']],
  ['["a", "b"', ['a']],
  ['["a", "b", "c"', ['a']],
  ['["a", "b", "c"]', ['a', 'b', 'c']],
  ['["a", "b", "c', ['a']],
  ['["a", "b", "c",', ['a']],
  ['[true, false', [true, false]],
  ['[true, 1, 2', [true]],
  ['[1, true, 2', [1, true]],
  ['[1, 2, true', [1, 2, true]],
  ['[1, 2, tr', [1]],
  ['[{}, 1, 2', [{}]],
  ['[null, 1', [null]],
  ['[1, [2, 3], 4', [1, [2, 3]]],
  ['[1, 2, [3', [1, 2, [3]]],
  ['[1, 2, {"a": "x', [1, 2, {}]],
  ['{"a": [1, 2', { a: [1] }],
  ['{"a": [1, 2]', { a: [1, 2] }],
  ['{"a": [1, 2], "b', { a: [1, 2] }],
  ['{"a": {"b"', { a: {} }],
  ['{"a": {"b": "c', { a: {} }],
  ['{"a": {"b": "c"', { a: { b: 'c' } }],
  ['{"a": {"b": "c"}', { a: { b: 'c' } }],
  ['{"a": ["x"', { a: ['x'] }],
  ['{"a": ["x", "y', { a: ['x'] }],
  ['{"a": [{"b": 1}, {"c": 2', { a: [{ b: 1 }, { c: 2 }] }],
  ['{"a": 1, "b": {', { a: 1, b: {} }],
  ['{"a": 1, "b": [', { a: 1, b: [] }],
  ['{"a": 1, "b": [[', { a: 1, b: [[]] }],
  ['[[1, 2], [3', [[1, 2], [3]]],
  ['[[1, 2], [3, 4', [[1, 2], [3]]],
  ['{"a": {"b": 1.', { a: {} }],
  ['{"a": "x\\"y"', { a: 'x"y' }],
  ['{"a": "x\\', {}],
  ['{"a": "x\\"', {}],
  ['{"a": "x\\u00', {}],
  ['{"a": "x\\u00e9"', { a: 'xé' }],
  ['{"a": "x\\n', {}],
  ['{"a": "x\\ny"', { a: 'x\ny' }],
  ['{"a": "x\\\\"', { a: 'x\\' }],
  ['{"a\\"b": 1', { 'a"b': 1 }],
  ['{"a\\', {}],
  ['{"a": "x\\\\", "b": "', { a: 'x\\' }],
  ['{"a": "x"}', { a: 'x' }],
  ['{"a": "x"} ', { a: 'x' }],
  ['{"a": "}"', { a: '}' }],
  ['{"a": "{', {}],
  ['{"a": "[", "b": 1', { a: '[', b: 1 }],
  ['{"a":1,"b":2', { a: 1, b: 2 }],
  ['{"a": "true', {}],
];

const PREFIXES: Array<{ doc: string; prefixes: unknown[] }> = JSON.parse(
  readFileSync(new URL('./fixtures/partial-parse-0.74.0-prefixes.json', import.meta.url), 'utf8'),
);

describe('partialParse matches @anthropic-ai/sdk@0.74.0', () => {
  it.each(TABLE)('partialParse(%j)', (input, expected) => {
    if (expected === THROWS) expect(() => partialParse(input)).toThrow(SyntaxError);
    else expect(partialParse(input)).toStrictEqual(expected);
  });

  it('on every prefix of recorded documents (null: 0.74.0 threw)', () => {
    for (const { doc, prefixes } of PREFIXES) {
      prefixes.forEach((expected, end) => {
        const text = doc.slice(0, end);
        if (expected === null) expect(() => partialParse(text), text).toThrow(SyntaxError);
        // The fixture is JSON, so compare as JSON (it cannot hold -0).
        else expect(JSON.stringify(partialParse(text)), text).toBe(JSON.stringify(expected));
      });
    }
  });

  it('and so does the live snapshot read after every character', () => {
    for (const { doc, prefixes } of PREFIXES) {
      const parser = new IncrementalJSONParser();
      for (let end = 1; end <= doc.length; end++) {
        parser.feed(doc[end - 1]!);
        const text = doc.slice(0, end);
        expect(JSON.stringify(parser.snapshot() ?? null), text).toBe(JSON.stringify(prefixes[end]));
      }
    }
  });

  it('gives complete numbers with exponents their JSON value (0.74.0 garbles them: 1e5 -> 1)', () => {
    expect(partialParse('{"a": 1e5, "b": -2.5E-3, "c": [1e2')).toStrictEqual({
      a: 1e5,
      b: -2.5e-3,
      c: [100],
    });
  });
});

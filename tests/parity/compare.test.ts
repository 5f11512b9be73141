import { describe, expect, it } from 'vitest';
import { applyAllowlist, compareRuntime, compareSurfaces } from './compare.js';
import type { ExportShape } from './surface.js';

const shape = (over: Partial<ExportShape> = {}): ExportShape => ({
  value: true,
  type: true,
  isClass: false,
  props: [],
  statics: [],
  members: [],
  ...over,
});

describe('compareSurfaces', () => {
  it.each([
    ['missing export', { A: shape() }, {}, ["p 'x': missing export A"]],
    [
      'type-only here',
      { A: shape() },
      { A: shape({ value: false }) },
      ["p 'x' A: is a value in the reference, type-only here"],
    ],
    [
      'missing property',
      { A: shape({ props: ['a', 'b?'] }) },
      { A: shape({ props: ['a'] }) },
      ["p 'x' A: missing property b"],
    ],
    [
      'optionality',
      { A: shape({ props: ['a?'] }) },
      { A: shape({ props: ['a'] }) },
      ["p 'x' A: property a is required here, optional in the reference"],
    ],
    [
      'extra required',
      { A: shape() },
      { A: shape({ props: ['z'] }) },
      ["p 'x' A: extra required property z"],
    ],
    [
      'extra on a class is fine',
      { A: shape({ isClass: true }) },
      { A: shape({ isClass: true, props: ['z'] }) },
      [],
    ],
    [
      'missing static and member',
      { A: shape({ statics: ['S'], members: ['T'] }) },
      { A: shape() },
      ["p 'x' A: missing static S", "p 'x' A: missing namespace member T"],
    ],
    ['same', { A: shape({ props: ['a'] }) }, { A: shape({ props: ['a', 'b?'] }) }, []],
  ])('%s', (_name, ref, ours, want) => {
    expect(compareSurfaces('p', { x: { exports: ref } }, { x: { exports: ours } })).toEqual(want);
  });

  it('reports a subpath that does not resolve', () => {
    expect(compareSurfaces('p', { x: { exports: {} } }, { x: { error: 'nope' } })).toEqual([
      "p 'x': does not resolve (nope)",
    ]);
  });
});

describe('compareRuntime', () => {
  it('reports missing keys and modules that do not load', () => {
    const ref = { a: { keys: ['K', 'L'] }, b: { keys: [] } };
    expect(compareRuntime('p', ref, { a: { keys: ['K'] }, b: { error: 'E' } })).toEqual([
      "p 'a': missing runtime export L",
      "p 'b': does not load (E)",
    ]);
  });
});

describe('applyAllowlist', () => {
  it('keeps unlisted differences, and reports stale entries unless pending', () => {
    const allowed = [
      { match: "p 'a*': missing runtime export L", reason: 'r' },
      { match: 'stale', reason: 'r' },
      { match: 'stale but pending', reason: 'r', pending: true },
    ];
    const { unexpected, unused } = applyAllowlist(["p 'a.js': missing runtime export L", 'other'], allowed);
    expect(unexpected).toEqual(['other']);
    expect(unused.map((a) => a.match)).toEqual(['stale']);
  });
});

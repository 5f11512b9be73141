import { describe, expect, test } from 'vitest';
import type { IR, IRObject, IRType } from '../ir/types.js';
import { Hoister, type PrintScope, printType } from './type-printer.js';

const p = '#';
const ir = {
  schemas: {
    Inline: {
      name: 'Inline',
      source: '',
      pointer: p,
      type: {
        kind: 'object',
        pointer: p,
        properties: [{ name: 'x', type: { kind: 'string', pointer: p }, required: true, pointer: p }],
      },
    },
  },
} as unknown as IR;

function scope(request = false): PrintScope {
  return {
    schemas: ir.schemas,
    homes: {
      Local: { module: 'a', name: 'Local' },
      Far: { module: 'b/c', name: 'Far' },
      Inline: { module: 'a', name: 'Parent.Params', inline: true },
    },
    module: 'a',
    aliases: new Map([['b/c', 'CAPI']]),
    request,
    uses: new Set(),
    errorClass: 'E',
  };
}

const obj = (name: string): IRObject => ({
  kind: 'object',
  pointer: p,
  properties: [{ name, type: { kind: 'number', pointer: p }, required: false, pointer: p }],
});

const cases: { name: string; type: IRType; request?: boolean; want: string; hoisted?: string[] }[] = [
  { name: 'local ref', type: { kind: 'ref', name: 'Local', pointer: p }, want: 'Local' },
  { name: 'ref into another module', type: { kind: 'ref', name: 'Far', pointer: p }, want: 'CAPI.Far' },
  {
    name: 'string literal is quoted',
    type: { kind: 'literal', value: "it's", pointer: p },
    want: "'it\\'s'",
  },
  {
    name: 'array',
    type: { kind: 'array', items: { kind: 'string', pointer: p }, pointer: p },
    want: 'Array<string>',
  },
  {
    name: 'binary in a request',
    type: { kind: 'string', format: 'binary', pointer: p },
    request: true,
    want: 'Uploadable',
  },
  { name: 'binary in a response', type: { kind: 'string', format: 'binary', pointer: p }, want: 'string' },
  {
    name: 'union dedupes',
    type: {
      kind: 'union',
      pointer: p,
      variants: [
        { kind: 'string', pointer: p },
        { kind: 'string', pointer: p },
        { kind: 'null', pointer: p },
      ],
    },
    want: 'string | null',
  },
  {
    name: 'object is hoisted under the hint',
    type: obj('a'),
    want: 'Parent.Metadata',
    hoisted: ['Metadata'],
  },
  {
    name: 'nullable object keeps the property name',
    type: { kind: 'union', pointer: p, variants: [obj('a'), { kind: 'null', pointer: p }] },
    want: 'Parent.Metadata | null',
    hoisted: ['Metadata'],
  },
  {
    name: 'tagged union members are named by their tag',
    type: {
      kind: 'union',
      pointer: p,
      variants: [
        {
          ...obj('a'),
          properties: [
            {
              name: 'type',
              type: { kind: 'literal', value: 'tool_use', pointer: p },
              required: true,
              pointer: p,
            },
          ],
        },
        obj('b'),
      ],
    },
    want: 'Parent.ToolUse | Parent.UnionMember1',
    hoisted: ['ToolUse', 'UnionMember1'],
  },
  {
    name: 'dotted inline schema is hoisted under its last segment',
    type: { kind: 'ref', name: 'Inline', pointer: p },
    want: 'Parent.Params',
    hoisted: ['Params'],
  },
];

describe('printType', () => {
  test.each(cases)('$name', ({ type, request, want, hoisted }) => {
    const s = scope(request);
    const h = new Hoister('Parent');
    expect(printType(type, s, 'metadata', h)).toBe(want);
    expect(h.children.map((c) => c.name)).toEqual(hoisted ?? []);
    if (request && want === 'Uploadable') expect(s.uses.has('Uploadable')).toBe(true);
  });

  test('without a hoister objects print inline', () => {
    expect(printType(obj('a'), scope(), 'x')).toBe('{ a?: number }');
  });
});

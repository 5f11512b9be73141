import { describe, expect, test } from 'vitest';
import { Warnings } from '../errors.js';
import type { IRType } from '../ir/types.js';
import { schemaObject } from './schema-object.js';

const doc = {
  components: { schemas: { Pet: { type: 'object' }, Alias: { $ref: '#/components/schemas/Pet' } } },
};

/** Drops pointers so expectations stay short. */
function shape(t: IRType): unknown {
  return JSON.parse(JSON.stringify(t, (k, v) => (k === 'pointer' ? undefined : v)));
}

const cases: { name: string; schema: unknown; want: unknown; warns?: RegExp }[] = [
  { name: 'string', schema: { type: 'string' }, want: { kind: 'string' } },
  {
    name: 'integer keeps its bounds',
    schema: { type: 'integer', minimum: 1 },
    want: { kind: 'number', integer: true, minimum: 1 },
  },
  {
    name: '3.1 nullable type list',
    schema: { type: ['string', 'null'] },
    want: { kind: 'union', variants: [{ kind: 'string' }, { kind: 'null' }] },
  },
  {
    name: '3.0 nullable flag',
    schema: { type: 'boolean', nullable: true },
    want: { kind: 'union', variants: [{ kind: 'boolean' }, { kind: 'null' }] },
  },
  { name: 'const', schema: { const: 'text' }, want: { kind: 'literal', value: 'text' } },
  {
    name: 'one-value enum is a literal',
    schema: { type: 'string', enum: ['a'] },
    want: { kind: 'literal', value: 'a' },
  },
  {
    name: 'enum',
    schema: { type: 'string', enum: ['a', 'b'] },
    want: {
      kind: 'union',
      variants: [
        { kind: 'literal', value: 'a' },
        { kind: 'literal', value: 'b' },
      ],
    },
  },
  { name: 'component ref', schema: { $ref: '#/components/schemas/Pet' }, want: { kind: 'ref', name: 'Pet' } },
  {
    name: 'oneOf with discriminator',
    schema: {
      oneOf: [{ $ref: '#/components/schemas/Pet' }, { type: 'string' }],
      discriminator: { propertyName: 'type' },
    },
    want: {
      kind: 'union',
      variants: [{ kind: 'ref', name: 'Pet' }, { kind: 'string' }],
      discriminator: 'type',
    },
  },
  {
    name: 'allOf',
    schema: {
      allOf: [
        { $ref: '#/components/schemas/Pet' },
        { type: 'object', properties: { a: { type: 'string' } } },
      ],
    },
    want: {
      kind: 'intersection',
      members: [
        { kind: 'ref', name: 'Pet' },
        { kind: 'object', properties: [{ name: 'a', type: { kind: 'string' }, required: false }] },
      ],
    },
  },
  {
    name: 'object with required, docs and additionalProperties',
    schema: {
      type: 'object',
      required: ['id'],
      properties: { id: { type: 'string', description: 'ID.' } },
      additionalProperties: { type: 'number' },
    },
    want: {
      kind: 'object',
      properties: [
        { name: 'id', type: { kind: 'string', description: 'ID.' }, required: true, description: 'ID.' },
      ],
      additionalProperties: { kind: 'number', integer: false },
    },
  },
  {
    name: 'empty object is a string map',
    schema: { type: 'object' },
    want: { kind: 'object', properties: [], additionalProperties: { kind: 'unknown' } },
  },
  {
    name: '`not` degrades to unknown',
    schema: { not: { type: 'string' } },
    want: { kind: 'unknown' },
    warns: /"not" is not supported/,
  },
  {
    name: 'unknown type degrades',
    schema: { type: 'file' },
    want: { kind: 'unknown' },
    warns: /unknown type "file"/,
  },
];

describe('schemaObject', () => {
  test.each(cases)('$name', ({ schema, want, warns }) => {
    const warnings = new Warnings();
    const got = schemaObject({ doc, warnings }, schema, '#/x');
    expect(shape(got)).toEqual(want);
    if (warns) expect(warnings.format().join('\n')).toMatch(warns);
    else expect(warnings.list).toEqual([]);
  });

  test('a dangling local ref is a normalize error with the pointer of the ref', () => {
    expect(() =>
      schemaObject(
        { doc, warnings: new Warnings() },
        { $ref: '#/components/schemas/Nope' },
        '#/paths/~1a/get',
      ),
    ).toThrow('normalize: #/paths/~1a/get: dangling $ref "#/components/schemas/Nope"');
  });
});

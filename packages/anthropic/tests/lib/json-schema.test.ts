import { describe, expect, it } from 'vitest';
import { formatSchemaIssues, validateJSONSchema } from '../../src/lib/json-schema-validator.js';
import { transformJSONSchema } from '../../src/lib/transform-json-schema.js';

describe('transformJSONSchema', () => {
  // Expected outputs as @anthropic-ai/sdk@0.74.0's transformJSONSchema returned them (key order included).
  it('closes objects, keeps supported keywords and describes the rest, enum and $schema included', () => {
    const input = {
      $schema: 'https://json-schema.org/draft/2020-12/schema',
      type: 'object',
      description: 'A person',
      properties: {
        name: { type: 'string', minLength: 1 },
        email: { type: 'string', format: 'email' },
        handle: { type: 'string', format: 'hostname-ish' },
        tags: { type: 'array', items: { type: 'string' }, minItems: 1, maxItems: 5 },
        role: { type: 'string', enum: ['admin', 'user'] },
        age: { type: 'integer', minimum: 0 },
      },
      required: ['name'],
      additionalProperties: true,
    };
    const snapshot = structuredClone(input);
    const output = transformJSONSchema(input);
    expect(output).toEqual({
      type: 'object',
      description: 'A person\n\n{$schema: "https://json-schema.org/draft/2020-12/schema"}',
      properties: {
        name: { type: 'string', description: '{minLength: 1}' },
        email: { type: 'string', format: 'email' },
        handle: { type: 'string', description: '{format: "hostname-ish"}' },
        tags: { type: 'array', items: { type: 'string' }, minItems: 1, description: '{maxItems: 5}' },
        role: { type: 'string', description: '{enum: ["admin","user"]}' },
        age: { type: 'integer', description: '{minimum: 0}' },
      },
      additionalProperties: false,
      required: ['name'],
    });
    expect(Object.keys(output)).toEqual([
      'type',
      'description',
      'properties',
      'additionalProperties',
      'required',
    ]);
    expect(input).toEqual(snapshot);
  });

  it('turns oneOf into anyOf, keeps $ref/$defs, describes const and removes default', () => {
    expect(
      transformJSONSchema({
        $defs: { Point: { type: 'object', properties: { x: { type: 'number' } } } },
        oneOf: [{ $ref: '#/$defs/Point' }, { type: 'string', const: 'origin', default: 'origin' }],
      }),
    ).toEqual({
      $defs: {
        Point: { type: 'object', properties: { x: { type: 'number' } }, additionalProperties: false },
      },
      anyOf: [
        { $ref: '#/$defs/Point' },
        { type: 'string', description: '{const: "origin", default: "origin"}' },
      ],
    });
  });

  it('requires a type when nothing else constrains the value', () => {
    expect(() => transformJSONSchema({ description: 'anything' })).toThrow(
      'JSON schema must have a type defined if anyOf/oneOf/allOf are not used',
    );
    expect(() => transformJSONSchema({ const: 'origin' })).toThrow(/must have a type/);
  });
});

describe('validateJSONSchema', () => {
  const schema = {
    type: 'object',
    properties: {
      city: { type: 'string', minLength: 2 },
      days: { type: 'integer', minimum: 1, maximum: 14 },
      unit: { enum: ['c', 'f'] },
      stops: { type: 'array', items: { $ref: '#/$defs/Stop' }, maxItems: 2 },
    },
    required: ['city', 'days'],
    additionalProperties: false,
    $defs: { Stop: { type: 'object', properties: { name: { type: 'string' } }, required: ['name'] } },
  };

  it('accepts valid input', () => {
    expect(
      validateJSONSchema(schema, { city: 'Paris', days: 3, unit: 'c', stops: [{ name: 'Louvre' }] }),
    ).toEqual([]);
  });

  it.each([
    [{ days: 3 }, '/city', "missing required property 'city'"],
    [{ city: 'Paris', days: '3' }, '/days', 'expected integer, got string'],
    [{ city: 'Paris', days: 1.5 }, '/days', 'expected integer, got number'],
    [{ city: 'Paris', days: 30 }, '/days', 'must be <= 14'],
    [{ city: 'P', days: 3 }, '/city', 'must be at least 2 characters'],
    [{ city: 'Paris', days: 3, unit: 'k' }, '/unit', 'must be one of "c", "f"'],
    [{ city: 'Paris', days: 3, extra: 1 }, '/extra', "unexpected property 'extra'"],
    [{ city: 'Paris', days: 3, stops: [{}] }, '/stops/0/name', "missing required property 'name'"],
    [
      { city: 'Paris', days: 3, stops: [{ name: 'a' }, { name: 'b' }, { name: 'c' }] },
      '/stops',
      'must have at most 2 items',
    ],
    [[], '', 'expected object, got array'],
  ])('reports %j', (value, issuePath, message) => {
    expect(validateJSONSchema(schema, value)).toContainEqual({ path: issuePath, message });
  });

  it('handles combinators and formats issues', () => {
    const either = { anyOf: [{ type: 'string' }, { type: 'number' }] };
    expect(validateJSONSchema(either, 1)).toEqual([]);
    expect(formatSchemaIssues(validateJSONSchema(either, true))).toBe(
      '(root): does not match any of the allowed schemas (anyOf)',
    );
    expect(validateJSONSchema({ oneOf: [{ type: 'number' }, { type: 'integer' }] }, 2)).toHaveLength(1);
    expect(validateJSONSchema({ not: { type: 'null' } }, null)).toHaveLength(1);
    expect(validateJSONSchema({ type: ['string', 'null'] }, null)).toEqual([]);
  });
});

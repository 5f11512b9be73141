import { describe, expect, it } from 'vitest';
import { checkAlias, checkClass, checkGaCounterpart, isNullable } from '../scripts/lib/facts.js';
import type { SeedClass } from '../scripts/lib/seed-parser.js';

const doc = {
  components: {
    schemas: {
      Batch: {
        type: 'object',
        required: ['id', 'ended_at'],
        properties: {
          id: { type: 'string' },
          ended_at: { type: ['string', 'null'] },
          note: { type: 'string' },
        },
      },
      Lit: {
        type: 'object',
        properties: {
          note: { type: 'string' },
          status: { type: 'string', enum: ['a', 'b'] },
          kind: { anyOf: [{ type: 'string', enum: ['x'] }, { type: 'string' }] },
        },
      },
      Alias: { $ref: '#/components/schemas/Batch' },
      BetaBatch: { $ref: '#/components/schemas/Batch' },
      Union: { oneOf: [{ $ref: '#/components/schemas/Batch' }] },
    },
  },
};
/** Problems other than "property not in the seed" (tests below give only some fields). */
const own = (r: { problems: string[] }) => r.problems.filter((p) => !p.endsWith('is not in the seed'));
const cls = (name: string, ...fields: [string, boolean][]): SeedClass => ({
  name,
  fields: fields.map(([n, optional]) => ({ name: n, type: optional ? 'Optional[str]' : 'str', optional })),
});

describe('checkClass', () => {
  it('passes when fields and requiredness agree (nullable counts as Optional)', () => {
    const r = checkClass(doc, cls('Batch', ['id', false], ['ended_at', true], ['note', true]));
    expect(r.problems).toEqual([]);
  });

  it('reports schema properties the seed does not have', () => {
    const r = checkClass(doc, cls('Batch', ['id', false], ['ended_at', true]));
    expect(r.problems).toEqual(['field note is not in the seed']);
  });

  it('follows $ref aliases', () => {
    expect(own(checkClass(doc, cls('Alias', ['id', false])))).toEqual([]);
  });

  it.each([
    [cls('Nope'), 'schema Nope missing'],
    [cls('Batch', ['size', false]), 'field size missing'],
    [cls('Batch', ['note', false]), 'field note must be required and non-null'],
    [cls('Batch', ['ended_at', false]), 'field ended_at must be required and non-null'],
    [cls('Batch', ['id', true]), 'field id must be optional or nullable'],
    [cls('Union', ['id', false]), 'schema Union is not an object schema'],
  ])('reports %j', (seedClass, message) => {
    expect(checkClass(doc, seedClass).problems.join('\n')).toContain(message);
  });

  it('moves allowlisted problems out of the failures', () => {
    const r = checkClass(doc, cls('Batch', ['size', false]), [
      { class: 'Batch', field: 'size', reason: 'test' },
    ]);
    expect(own(r)).toEqual([]);
    expect(r.allowed[0]).toContain('allowed: test');
  });
});

describe('literal values', () => {
  const lit = (name: string, values: string[]) => ({
    name: 'Lit',
    fields: [{ name, type: 'Literal[...]', optional: true, values }],
  });

  it.each([
    [lit('status', ['a', 'b']), []],
    [lit('status', ['a', 'b', 'c']), ['field status must allow exactly [a, b, c] (spec: [a, b])']],
    [lit('kind', ['x']), ['field kind must allow only [x] (spec also accepts any string)']],
    [lit('note', ['n']), ['field note must allow exactly [n] (spec has no literal values)']],
  ])('checks %j', (seedClass, problems) => {
    expect(own(checkClass(doc, seedClass))).toEqual(problems);
  });

  it('accepts a GA subset of the beta values', () => {
    const beta = { ...lit('status', ['a', 'b', 'beta_only']), name: 'BetaLit' };
    expect(checkGaCounterpart(doc, beta)?.problems.filter((p) => p.includes('status'))).toEqual([]);
    expect(own(checkClass(doc, lit('status', ['a', 'b', 'beta_only'])))).toHaveLength(1);
  });
});

describe('helpers', () => {
  it('detects 3.1 nullability forms', () => {
    expect(isNullable(doc, { type: ['string', 'null'] })).toBe(true);
    expect(isNullable(doc, { anyOf: [{ type: 'string' }, { type: 'null' }] })).toBe(true);
    expect(isNullable(doc, { type: 'string' })).toBe(false);
  });

  it('checks aliases exist', () => {
    expect(checkAlias(doc, 'Union').problems).toEqual([]);
    expect(checkAlias(doc, 'Missing').problems).toEqual(['schema Missing missing']);
  });
});

describe('checkGaCounterpart', () => {
  it('accepts a GA schema whose fields are a subset of the beta class', () => {
    const r = checkGaCounterpart(
      doc,
      cls('BetaBatch', ['id', false], ['ended_at', true], ['note', true], ['beta_only', true]),
    );
    expect(r?.problems).toEqual([]);
    expect(r?.name).toBe('Batch (GA of BetaBatch)');
  });

  it('flags GA-only fields and requiredness drift', () => {
    const r = checkGaCounterpart(doc, cls('BetaBatch', ['id', true], ['ended_at', true]));
    expect(r?.problems).toEqual([
      'field id must be optional or nullable (seed: Optional[str]; spec: required, non-null)',
      "field note is not in the seed's BetaBatch",
    ]);
  });

  it('skips classes without a GA schema', () => {
    expect(checkGaCounterpart(doc, cls('BetaNothing'))).toBeUndefined();
    expect(checkGaCounterpart(doc, cls('Batch'))).toBeUndefined();
  });
});

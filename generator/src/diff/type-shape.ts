import type { IRType } from '../ir/types.js';

/**
 * Helpers that look at IR types as shapes: docs and pointers stripped, printed short, split into the alternatives
 * a value may take. `compare-types.ts` builds its verdicts from these.
 */

/** Keys that describe a node rather than its shape; they never affect compatibility. */
export const DOC_KEYS = new Set([
  'pointer',
  'description',
  'title',
  'deprecated',
  'default',
  'example',
  'summary',
]);

/** Keys that carry the structure compared elsewhere (properties, variants, items, ...). */
const STRUCTURE_KEYS = new Set([
  'kind',
  'properties',
  'additionalProperties',
  'items',
  'variants',
  'members',
  'name',
]);

/** A canonical JSON text of a type's shape (docs and pointers dropped, keys sorted): equal texts, equal shapes. */
export function shapeKey(value: unknown): string {
  return JSON.stringify(canonical(value));
}

function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value).sort()) {
    if (!DOC_KEYS.has(key)) out[key] = canonical((value as Record<string, unknown>)[key]);
  }
  return out;
}

/**
 * Scalar facets of a node that are not structure: `format`, `integer`, `minLength`, ... Used to spot
 * constraint-only changes.
 */
export function facets(t: IRType): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(t)) {
    if (!DOC_KEYS.has(key) && !STRUCTURE_KEYS.has(key) && key !== 'value') out[key] = value;
  }
  return out;
}

/** Short TypeScript-like rendering for reports: `string`, `'a' | 'b'`, `Array<Message>`, `{ id, type }`. */
export function printType(t: IRType, depth = 0): string {
  switch (t.kind) {
    case 'ref':
      return t.name;
    case 'literal':
      return typeof t.value === 'string' ? `'${t.value}'` : String(t.value);
    case 'array':
      return `Array<${printType(t.items, depth + 1)}>`;
    case 'union':
      return t.variants.map((v) => printType(v, depth + 1)).join(' | ');
    case 'intersection':
      return t.members.map((m) => printType(m, depth + 1)).join(' & ');
    case 'object': {
      if (t.properties.length === 0)
        return t.additionalProperties
          ? `Record<string, ${printType(t.additionalProperties, depth + 1)}>`
          : '{}';
      if (depth > 1 || t.properties.length > 4) return '{ ... }';
      return `{ ${t.properties.map((p) => p.name).join(', ')} }`;
    }
    case 'number':
      return (t as { integer?: boolean }).integer ? 'integer' : 'number';
    default:
      return t.kind;
  }
}

/** The alternatives of a type: a union's variants (flattened), otherwise the type itself. */
export function alternatives(t: IRType): IRType[] {
  return t.kind === 'union' ? t.variants.flatMap(alternatives) : [t];
}

/**
 * A key that pairs an old alternative with its new counterpart: same ref name, same literal, same primitive kind,
 * or the same discriminator value for inline objects. Unpaired alternatives were added or removed.
 */
export function alternativeKey(t: IRType, discriminator?: string): string {
  switch (t.kind) {
    case 'ref':
      return `ref:${t.name}`;
    case 'literal':
      return `literal:${JSON.stringify(t.value)}`;
    case 'object': {
      const tag = discriminator ?? 'type';
      const prop = t.properties.find((p) => p.name === tag);
      return prop?.type.kind === 'literal' ? `object:${tag}=${JSON.stringify(prop.type.value)}` : 'object';
    }
    default:
      return t.kind;
  }
}

/**
 * True when every value of `inner` is also a value of `outer` without the two being paired: a literal under its
 * primitive (`'a'` under `string`), an integer under a number, anything under `unknown`.
 */
export function covers(outer: IRType, inner: IRType): boolean {
  if (outer.kind === 'unknown') return true;
  if (inner.kind === 'literal') {
    const v = inner.value;
    return (
      (outer.kind === 'string' && typeof v === 'string') ||
      (outer.kind === 'number' && typeof v === 'number') ||
      (outer.kind === 'boolean' && typeof v === 'boolean') ||
      (outer.kind === 'null' && v === null)
    );
  }
  return false;
}

import type { IR, IRType } from '../ir/types.js';

/** Marker for an example file upload; emit renders it as `await toFile(...)`. */
export const FILE_MARKER = '$sdkgen:file';

/**
 * Synthesizes an example value for `type` that a validating mock server accepts: spec examples first,
 * then enum/const values, formats and numeric minimums. `requiredOnly` leaves optional properties out.
 */
export function exampleFor(ir: Pick<IR, 'schemas'>, type: IRType, requiredOnly: boolean, depth = 0): unknown {
  if (type.kind === 'string' && type.format === 'binary') return FILE_MARKER;
  if (type.kind === 'array' && type.items.kind === 'string' && type.items.format === 'binary')
    return [FILE_MARKER];
  if (type.example !== undefined && !(requiredOnly && depth > 0 && typeof type.example === 'object'))
    return type.example;
  if (depth > 12) return undefined;
  switch (type.kind) {
    case 'ref': {
      const schema = ir.schemas[type.name];
      return schema ? exampleFor(ir, schema.type, requiredOnly, depth + 1) : undefined;
    }
    case 'literal':
      return type.value;
    case 'string':
      if (type.format === 'binary') return FILE_MARKER;
      if (type.format === 'date-time') return '2019-12-27T18:11:19.117Z';
      if (type.format === 'date') return '2019-12-27';
      return type.minLength && type.minLength > 6 ? 'x'.repeat(type.minLength) : 'string';
    case 'number':
      return type.minimum ?? 0;
    case 'boolean':
      return true;
    case 'null':
      return null;
    case 'array': {
      const item = exampleFor(ir, type.items, requiredOnly, depth + 1);
      return item === undefined ? [] : Array.from({ length: Math.max(1, type.minItems ?? 1) }, () => item);
    }
    case 'union': {
      const file = type.variants.find(
        (v) => v.kind === 'array' && v.items.kind === 'string' && v.items.format === 'binary',
      );
      if (file) return [FILE_MARKER];
      const pick =
        type.variants.find((v) => v.kind === 'literal') ??
        type.variants.find((v) => v.kind !== 'null') ??
        type.variants[0];
      return pick ? exampleFor(ir, pick, requiredOnly, depth + 1) : undefined;
    }
    case 'intersection':
      return Object.assign(
        {},
        ...type.members.map((m) => exampleFor(ir, m, requiredOnly, depth + 1)).filter(isObject),
      );
    case 'object': {
      const out: Record<string, unknown> = {};
      for (const p of type.properties) {
        if (p.readOnly || (requiredOnly && !p.required)) continue;
        const v = p.example !== undefined ? p.example : exampleFor(ir, p.type, requiredOnly, depth + 1);
        if (v !== undefined) out[p.name] = v;
      }
      return out;
    }
    default:
      return depth === 0 ? {} : undefined;
  }
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

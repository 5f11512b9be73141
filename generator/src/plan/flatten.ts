import type { IR, IRProperty, IRRef, IRType } from '../ir/types.js';

/** True when `t` is an object (or an `allOf` of objects) TypeScript can extend or spread. */
function isObjectLike(ir: Pick<IR, 'schemas'>, t: IRType, depth = 0): boolean {
  if (depth > 20) return false;
  if (t.kind === 'ref') {
    const s = ir.schemas[t.name];
    return s ? isObjectLike(ir, s.type, depth + 1) : false;
  }
  if (t.kind === 'object') return !t.additionalProperties;
  if (t.kind === 'intersection') return t.members.every((m) => isObjectLike(ir, m, depth + 1));
  return false;
}

/**
 * An `allOf` of refs and inline objects, as `interface X extends A, B { ...inline }`: the refs it extends and
 * the inline properties. Undefined when some member is not an object (a union, a map, a primitive).
 */
export function asExtension(
  ir: Pick<IR, 'schemas'>,
  t: IRType,
): { refs: IRRef[]; properties: IRProperty[] } | undefined {
  if (t.kind !== 'intersection' || !t.members.every((m) => isObjectLike(ir, m))) return undefined;
  const refs = t.members.filter((m): m is IRRef => m.kind === 'ref');
  const inline = t.members.filter((m) => m.kind !== 'ref');
  if (inline.some((m) => m.kind !== 'object')) return undefined;
  return { refs, properties: inline.flatMap((m) => (m.kind === 'object' ? m.properties : [])) };
}

/** All properties of an object-like type, following refs and `allOf` (later members win). */
export function allProperties(ir: Pick<IR, 'schemas'>, t: IRType, depth = 0): IRProperty[] | undefined {
  if (depth > 20 || !isObjectLike(ir, t)) return undefined;
  if (t.kind === 'ref') return allProperties(ir, ir.schemas[t.name]!.type, depth + 1);
  if (t.kind === 'object') return t.properties;
  if (t.kind !== 'intersection') return undefined;
  const byName = new Map<string, IRProperty>();
  for (const m of t.members) for (const p of allProperties(ir, m, depth + 1) ?? []) byName.set(p.name, p);
  return [...byName.values()];
}

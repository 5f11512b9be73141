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
  const properties = inline.flatMap((m) => (m.kind === 'object' ? m.properties : []));
  // `interface X extends A, B` fails (TS2430/TS2320) when members declare one property with different types;
  // such an `allOf` is printed as the intersection it is.
  if (conflicting([...refs.map((r) => allProperties(ir, r) ?? []), properties])) return undefined;
  return { refs, properties };
}

/** True when two members declare one property name with different types or optionality (pointers aside). */
function conflicting(members: IRProperty[][]): boolean {
  const seen = new Map<string, string>();
  for (const props of members) {
    for (const p of props) {
      const type = JSON.stringify(p.type, (k, v) => (k === 'pointer' || k === 'description' ? undefined : v));
      const shape = `${p.required}:${type}`;
      const before = seen.get(p.name);
      if (before !== undefined && before !== shape) return true;
      seen.set(p.name, shape);
    }
  }
  return false;
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

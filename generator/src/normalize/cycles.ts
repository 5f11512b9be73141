import { GeneratorError } from '../errors.js';
import type { IRSchema, IRType } from '../ir/types.js';

/**
 * TypeScript type aliases may not refer to themselves except through an object or array type, so a
 * cycle of schemas linked only by bare refs, unions or intersections cannot be emitted
 * (`type A = B; type B = A`). Interfaces and arrays break cycles and are fine.
 */
export function checkAliasCycles(schemas: Record<string, IRSchema>): void {
  const state = new Map<string, 'visiting' | 'done'>();
  const visit = (name: string, trail: string[]): void => {
    if (state.get(name) === 'done' || !schemas[name]) return;
    if (state.get(name) === 'visiting') {
      const cycle = [...trail.slice(trail.indexOf(name)), name];
      throw new GeneratorError(
        'normalize',
        schemas[name]!.pointer,
        `cycle the emitter cannot express: ${cycle.join(' -> ')}`,
      );
    }
    state.set(name, 'visiting');
    for (const next of directRefs(schemas[name]!.type)) visit(next, [...trail, name]);
    state.set(name, 'done');
  };
  for (const name of Object.keys(schemas).sort()) visit(name, []);
}

function directRefs(type: IRType): string[] {
  switch (type.kind) {
    case 'ref':
      return [type.name];
    case 'union':
      return type.variants.flatMap(directRefs);
    case 'intersection':
      return type.members.flatMap(directRefs);
    default:
      return [];
  }
}

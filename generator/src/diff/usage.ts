import type { IR, IRType } from '../ir/types.js';
import type { Direction } from './compare-types.js';

/** Calls `visit` for every component schema name referenced anywhere inside `t`. */
export function forEachRef(t: IRType | undefined, visit: (name: string) => void): void {
  if (!t) return;
  if (t.kind === 'ref') visit(t.name);
  else if (t.kind === 'array') forEachRef(t.items, visit);
  else if (t.kind === 'union') for (const v of t.variants) forEachRef(v, visit);
  else if (t.kind === 'intersection') for (const m of t.members) forEachRef(m, visit);
  else if (t.kind === 'object') {
    for (const p of t.properties) forEachRef(p.type, visit);
    forEachRef(t.additionalProperties, visit);
  }
}

/**
 * For each component schema, whether it is sent (reachable from a parameter or request body), returned (reachable
 * from a response, stream event or page item), or both. Schemas no operation reaches get no entry; callers treat
 * that as "both", the cautious reading.
 *
 * @example
 * ```ts
 * schemaUsage(ir).get('MessageParam'); // Set { 'input' }
 * ```
 */
export function schemaUsage(ir: IR): Map<string, Set<Direction>> {
  const usage = new Map<string, Set<Direction>>();
  const mark = (t: IRType | undefined, dir: Direction) =>
    forEachRef(t, (name) => {
      const dirs = usage.get(name) ?? new Set<Direction>();
      if (dirs.has(dir)) return;
      dirs.add(dir);
      usage.set(name, dirs);
      mark(ir.schemas[name]?.type, dir);
    });
  for (const op of Object.values(ir.operations)) {
    for (const p of [...op.params.path, ...op.params.query, ...op.params.header]) mark(p.type, 'input');
    mark(op.body?.type, 'input');
    mark(op.response.type, 'output');
    mark(op.response.eventType, 'output');
    mark(op.pagination?.item, 'output');
  }
  return usage;
}

import type { IR, IRType } from '../ir/types.js';
import { pascalCase } from './names.js';
import type { PlannedModule, PlannedType, TypeHome } from './types.js';

/** Every IR type a declaration prints (its properties, `extends`, alias target, namespace members). */
export function declTypes(t: PlannedType): IRType[] {
  const out: IRType[] = [];
  if (t.decl.kind === 'interface') {
    out.push(...t.decl.properties.map((p) => p.type), ...(t.decl.extendsRefs ?? []));
    if (t.decl.additional) out.push(t.decl.additional);
  } else {
    if (t.decl.type) out.push(t.decl.type);
    if (t.decl.generic) out.push(t.decl.generic.arg);
  }
  for (const m of t.members ?? []) if (m.type) out.push(m.type);
  return out;
}

/** Every IR type a resource class prints in its method signatures. */
export function classTypes(m: PlannedModule): IRType[] {
  const out: IRType[] = [];
  for (const me of m.resource?.methods ?? []) {
    out.push(...me.pathParams.map((p) => p.type));
    for (const t of [me.wholeBody, me.response.type, me.response.eventType, me.page?.item])
      if (t) out.push(t);
  }
  return out;
}

/** The declared (not inline) homes that `types` refer to, following inline homes, which print in place. */
export function reachedHomes(ir: IR, homes: Record<string, TypeHome>, types: IRType[]): TypeHome[] {
  const found: TypeHome[] = [];
  const seenInline = new Set<string>();
  const walk = (t: IRType): void => {
    switch (t.kind) {
      case 'ref': {
        const home = homes[t.name];
        if (!home) return;
        if (home.inline) {
          if (seenInline.has(t.name)) return;
          seenInline.add(t.name);
          const schema = ir.schemas[t.name];
          if (schema) walk(schema.type);
          return;
        }
        found.push(home);
        return;
      }
      case 'array':
        walk(t.items);
        return;
      case 'object':
        for (const p of t.properties) walk(p.type);
        if (t.additionalProperties) walk(t.additionalProperties);
        return;
      case 'union':
        for (const v of t.variants) walk(v);
        return;
      case 'intersection':
        for (const m of t.members) walk(m);
        return;
    }
  };
  for (const t of types) walk(t);
  return found;
}

/** Modules whose types `mod` refers to (its declarations and its class's signatures). */
export function referencedModules(ir: IR, homes: Record<string, TypeHome>, mod: PlannedModule): Set<string> {
  const types = [...mod.types.flatMap(declTypes), ...classTypes(mod)];
  return new Set(reachedHomes(ir, homes, types).flatMap((h) => (h.module === mod.path ? [] : [h.module])));
}

/** `beta/messages/batches` -> `BatchesAPI`; the long form (`BetaMessagesBatchesAPI`) breaks ties. */
export function importAlias(module: string, long: boolean): string {
  const segs = module.split('/');
  const deduped = segs.filter((s, i) => s !== segs[i - 1]);
  const alias = long ? `${deduped.map(pascalCase).join('')}API` : `${pascalCase(segs[segs.length - 1]!)}API`;
  // A module named after a path segment such as `2fa` would give an alias that is not an identifier.
  return /^[0-9]/.test(alias) ? `_${alias}` : alias;
}

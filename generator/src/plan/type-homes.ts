import type { ResolvedConfig } from '../config/index.js';
import type { IR, IRType } from '../ir/types.js';
import { schemaTypeName } from './names.js';
import type { BoundResource, TypeHome } from './types.js';

/**
 * Decides the module and SDK name of every component schema: `typeNames` renames, then the first
 * `typeModules` glob matching the schema's source file; otherwise the module of the first resource (in
 * config order) whose operations reach the schema; otherwise `defaultTypeModule`.
 */
export function typeHomes(
  ir: IR,
  config: ResolvedConfig,
  resources: BoundResource[],
): Record<string, TypeHome> {
  const globs = config.typeModules.map((tm) => ({ re: globToRegExp(tm.files), module: tm.module }));
  const homes: Record<string, TypeHome> = {};
  const auto = autoModules(ir, resources);
  const used = new Set<string>();
  for (const schema of Object.values(ir.schemas)) {
    // A dotted name (from `typeNames` only) is printed at each use (inline). Printing the spec's own dotted
    // schemas inline expanded a spec whose 113 dotted schemas refer to each other without end (presalytics.io).
    const base = schemaTypeName(schema.name, config.typeNames);
    let name = base;
    const glob = globs.find((g) => g.re.test(schema.source));
    const module = glob?.module ?? auto.get(schema.name) ?? config.defaultTypeModule;
    // Spec names that differ only in punctuation (`Endpoint-get-users`, `Endpoint-get-users--`) are numbered
    // within a module; a clash the config asks for (`typeNames`) is left for the collision check to report.
    if (config.typeNames[schema.name] === undefined)
      for (let i = 2; used.has(`${module}#${name}`); i++) name = `${base}${i}`;
    used.add(`${module}#${name}`);
    homes[schema.name] =
      name.includes('.') || glob?.module === null ? { module, name, inline: true } : { module, name };
  }
  return homes;
}

/** `schemas/messages/**` -> a RegExp over `/`-separated relative paths. */
export function globToRegExp(glob: string): RegExp {
  const body = glob
    .replace(/^\.\//, '')
    .split(/(\*\*\/?|\*)/)
    .map((part) =>
      part.startsWith('**') ? '.*' : part === '*' ? '[^/]*' : part.replace(/[.+^${}()|[\]\\?]/g, '\\$&'),
    )
    .join('');
  return new RegExp(`^${body}$`);
}

function autoModules(ir: IR, resources: BoundResource[]): Map<string, string> {
  const owner = new Map<string, string>();
  const visit = (r: BoundResource) => {
    for (const m of r.methods) {
      const op = m.operation;
      const roots: IRType[] = [
        ...Object.values(op.params)
          .flat()
          .map((p) => p.type),
        ...[op.body?.type, op.response.type, op.response.eventType, op.pagination?.item].filter(
          (t): t is IRType => !!t,
        ),
      ];
      for (const name of reachable(ir, roots)) if (!owner.has(name)) owner.set(name, r.module);
    }
    r.subresources.forEach(visit);
  };
  resources.forEach(visit);
  return owner;
}

/** Names of component schemas reachable from `roots`, nearest first. */
export function reachable(ir: Pick<IR, 'schemas'>, roots: IRType[]): string[] {
  const seen = new Set<string>();
  const queue = [...roots];
  while (queue.length > 0) {
    const t = queue.shift()!;
    for (const name of refsIn(t)) {
      if (seen.has(name) || !ir.schemas[name]) continue;
      seen.add(name);
      queue.push(ir.schemas[name]!.type);
    }
  }
  return [...seen];
}

/** Component names referenced directly inside `t` (not following refs). */
export function refsIn(t: IRType): string[] {
  switch (t.kind) {
    case 'ref':
      return [t.name];
    case 'array':
      return refsIn(t.items);
    case 'object':
      return [
        ...t.properties.flatMap((p) => refsIn(p.type)),
        ...(t.additionalProperties ? refsIn(t.additionalProperties) : []),
      ];
    case 'union':
      return t.variants.flatMap(refsIn);
    case 'intersection':
      return t.members.flatMap(refsIn);
    default:
      return [];
  }
}

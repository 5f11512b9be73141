import { dirname } from 'node:path/posix';
import { compareStrings } from '../errors.js';
import type { BoundResource, PlannedIndex, PlannedModule } from './types.js';

/**
 * Re-export files that keep deep import paths stable: `resources/index.ts` (everything top-level),
 * `<folder>/index.ts` for each resource with sub-resources, the `<folder>.ts` shim next to the folder,
 * and `top-level.ts` for operations bound to the client itself (none yet).
 */
export function planIndexes(resources: BoundResource[], modules: PlannedModule[]): PlannedIndex[] {
  const out: PlannedIndex[] = [];
  const root: PlannedIndex = { path: 'index', entries: [] };
  for (const m of modules)
    if (!m.resource && !isOwnedByFolder(m.path, resources))
      root.entries.push({ from: m.path, module: m.path, kind: 'star' });
  for (const r of [...resources].sort((a, b) => compareStrings(a.name, b.name))) {
    root.entries.push({ from: r.module, module: r.module, kind: 'named' });
  }
  out.push(root);
  const visit = (r: BoundResource) => {
    if (r.subresources.length > 0) {
      const dir = dirname(r.module);
      const entries: PlannedIndex['entries'] = [{ from: r.module, module: r.module, kind: 'named' }];
      for (const s of [...r.subresources].sort((a, b) => compareStrings(a.name, b.name))) {
        entries.push({
          from: s.subresources.length > 0 ? `${dirname(s.module)}/index` : s.module,
          module: s.module,
          kind: 'named',
        });
      }
      out.push({ path: `${dir}/index`, entries: entries.sort((a, b) => compareStrings(a.from, b.from)) });
      out.push({ path: dir, entries: [{ from: `${dir}/index`, module: r.module, kind: 'star' }] });
    }
    r.subresources.forEach(visit);
  };
  resources.forEach(visit);
  out.push({ path: 'top-level', entries: [] });
  for (const index of out) nameEntries(index, modules);
  return out;
}

/** The names each `named` entry exports: the module's class and types, each name once per file (first wins). */
function nameEntries(index: PlannedIndex, modules: PlannedModule[]): void {
  const exported = new Set<string>();
  const once = (name: string) => !exported.has(name) && !!exported.add(name);
  for (const e of index.entries) {
    if (e.kind !== 'named') continue;
    const mod = modules.find((m) => m.path === e.module);
    e.names = [
      ...(mod?.resource ? [mod.resource.className] : [])
        .filter(once)
        .map((name) => ({ name, typeOnly: false })),
      ...(mod?.types ?? [])
        .map((t) => t.name)
        .filter(once)
        .map((name) => ({ name, typeOnly: true })),
    ];
  }
}

/** Types-only modules inside a resource folder are reached through that resource's types, not the root. */
function isOwnedByFolder(path: string, resources: BoundResource[]): boolean {
  return path.includes('/') && resources.some((r) => path.startsWith(`${dirname(r.module)}/`));
}

import type { Plan, PlannedIndex } from '../plan/types.js';
import { specifier } from './runtime-imports.js';

/** Text of one re-export file (`resources/index.ts`, `resources/beta/index.ts`, `resources/beta.ts`). */
export function indexModule(index: PlannedIndex, plan: Plan): string {
  const file = `resources/${index.path}`;
  if (index.entries.length === 0) return 'export {};\n';
  // A name two modules export (`OrderCancelled` from `order-cancelled` and from `OrderCancelled`) is re-exported
  // once, from the first; the other stays in its own module.
  const exported = new Set<string>();
  const once = (name: string) => {
    if (exported.has(name)) return false;
    exported.add(name);
    return true;
  };
  const lines = index.entries.map((e) => {
    const from = specifier(file, `resources/${e.from}`);
    if (e.kind === 'star') return `export * from '${from}';`;
    const mod = plan.modules.find((m) => m.path === e.module);
    const names = [
      ...(mod?.resource ? [mod.resource.className] : []).filter(once),
      ...(mod?.types ?? [])
        .map((t) => t.name)
        .filter(once)
        .map((t) => `type ${t}`),
    ];
    if (names.length === 0) return `export {} from '${from}';`;
    return `export {\n${names.map((n) => `  ${n},`).join('\n')}\n} from '${from}';`;
  });
  return `${lines.join('\n')}\n`;
}

import type { Plan, PlannedIndex } from '../plan/types.js';
import { specifier } from './runtime-imports.js';

/** Text of one re-export file (`resources/index.ts`, `resources/beta/index.ts`, `resources/beta.ts`). */
export function indexModule(index: PlannedIndex, plan: Plan): string {
  const file = `resources/${index.path}`;
  if (index.entries.length === 0) return 'export {};\n';
  const lines = index.entries.map((e) => {
    const from = specifier(file, `resources/${e.from}`);
    if (e.kind === 'star') return `export * from '${from}';`;
    const mod = plan.modules.find((m) => m.path === e.module);
    const names = [
      ...(mod?.resource ? [mod.resource.className] : []),
      ...(mod?.types ?? []).map((t) => `type ${t.name}`),
    ];
    return `export {\n${names.map((n) => `  ${n},`).join('\n')}\n} from '${from}';`;
  });
  return `${lines.join('\n')}\n`;
}

import type { PlannedIndex } from '../plan/types.js';
import { specifier } from './runtime-imports.js';

/** Text of one re-export file (`resources/index.ts`, `resources/beta/index.ts`, `resources/beta.ts`). */
export function indexModule(index: PlannedIndex): string {
  const file = `resources/${index.path}`;
  if (index.entries.length === 0) return 'export {};\n';
  const lines = index.entries.map((e) => {
    const from = specifier(file, `resources/${e.from}`);
    if (e.kind === 'star') return `export * from '${from}';`;
    const names = (e.names ?? []).map((n) => (n.typeOnly ? `type ${n.name}` : n.name));
    if (names.length === 0) return `export {} from '${from}';`;
    return `export {\n${names.map((n) => `  ${n},`).join('\n')}\n} from '${from}';`;
  });
  return `${lines.join('\n')}\n`;
}

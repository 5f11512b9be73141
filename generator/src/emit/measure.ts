import type { ModuleSizes } from '../plan/layout.js';
import type { Plan } from '../plan/types.js';
import { formatTypeScript } from './format.js';
import { printSource } from './print.js';
import { classPart, declarationOf, moduleScope } from './resource-module.js';

/** A comment line between measured statements; printed as it is, so the lines between two of them are counted. */
const MARK = '// @sdkgen-measure';

/**
 * Prints and formats each module's class part and each of its declarations the way its file will print them, and
 * counts the lines (blank separator included), for `plan/layout.ts` to decide the files by. Imports are not measured: the
 * layout counts them itself.
 */
export function measure(plan: Plan, errorClass: string): Map<string, ModuleSizes> {
  const scopeFor = moduleScope(plan, errorClass);
  const out = new Map<string, ModuleSizes>();
  for (const mod of plan.modules) {
    const scope = scopeFor(mod.path);
    const statements: Parameters<typeof printSource>[2]['statements'] = [];
    if (mod.resource) {
      const part = classPart(mod, { plan, scope });
      statements.push(...part.head, part.cls, ...part.tail);
    }
    for (const t of mod.types) statements.push(MARK, ...declarationOf(t, plan, scope));
    statements.push(MARK);
    // Measured as written: printed, then laid out by the formatter (which keeps the marker lines).
    const path = `resources/${mod.path}.ts`;
    const text = formatTypeScript(path, printSource(path, '', { statements }));
    const pieces = text.split(`${MARK}\n`);
    const count = (piece: string) => {
      const body = piece.replace(/^\s+|\s+$/g, '');
      return body ? body.split('\n').length + 1 : 0;
    };
    out.set(mod.path, {
      classLines: count(pieces[0]!),
      typeLines: pieces.slice(1, 1 + mod.types.length).map(count),
    });
  }
  return out;
}

import type { PlannedMethod } from '../plan/types.js';
import { literal, type PrintScope } from './type-printer.js';

/** Module-level table of deprecated values (model -> end-of-life date) read by the deprecation warning. */
export const DEPRECATED_TABLE = 'DEPRECATED_MODELS';

/** `{model}`-style placeholders -> a template literal reading `values`. */
function template(message: string, values: Record<string, string>): string {
  const body = message
    .replace(/[`\\$]/g, '\\$&')
    .replace(/\n/g, '\\n')
    .replace(/\{(\w+)\}/g, (m, k: string) => (values[k] ? `\${${values[k]}}` : m));
  return `\`${body}\``;
}

function access(target: string, path: string): string {
  return `${target}.${path.split('.').join('?.')}`;
}

/**
 * Statements a method runs before sending (config `requestRules`): warn on deprecated values, warn on a
 * discouraged combination, and move a deprecated param to its new place (error when both are given).
 * `target` is the variable holding the request body; moves reassign it, so it must be `let`.
 */
export function ruleLines(m: PlannedMethod, target: string, scope: PrintScope): string[] {
  const r = m.rules;
  if (!r) return [];
  const lines: string[] = [];
  if (r.deprecated) {
    const v = `${target}.${r.deprecated.param}`;
    // The date is a local: a formatter keeps `${date}` on the line but breaks `${TABLE[model]}` apart.
    const msg = template(r.deprecated.message, { model: v, date: 'date' });
    lines.push(
      `if (${v} in ${DEPRECATED_TABLE}) {`,
      `  const date = ${DEPRECATED_TABLE}[${v}];`,
      `  console.warn(${msg});`,
      '}',
    );
  }
  for (const w of r.warnings) {
    const v = `${target}.${w.param}`;
    const models = `[${w.models.map(literal).join(', ')}]`;
    const msg = template(w.message, { model: v });
    lines.push(
      `if (${models}.includes(${v}) && ${access(target, w.path)} === ${literal(w.equals)}) {`,
      `  console.warn(${msg});`,
      '}',
    );
  }
  for (const mv of r.moves) {
    scope.uses.add('ErrorClass');
    const [head, ...rest] = mv.to.split('.');
    const moved =
      rest.length === 0
        ? `${head}: ${mv.from}`
        : `${head}: { ...(${target} as any).${head}, ${rest.join('.')}: ${mv.from} }`;
    lines.push(
      `if ((${target} as any).${mv.from} != null) {`,
      `  if ((${access(`(${target} as any)`, mv.to)}) != null) {`,
      `    throw new ${scope.errorClass}(${literal(mv.conflictError)});`,
      '  }',
      `  const { ${mv.from}, ...moved } = ${target} as any;`,
      `  ${target} = { ...moved, ${moved} };`,
      '}',
    );
  }
  return lines;
}

/** The `DEPRECATED_MODELS` table for a module whose methods warn on deprecated values. */
export function deprecatedTable(methods: PlannedMethod[]): string[] {
  const table = methods.find((m) => m.rules?.deprecated)?.rules?.deprecated?.table;
  if (!table) return [];
  const entries = Object.entries(table).map(([k, v]) => `  ${literal(k)}: ${literal(v)},`);
  return [
    `/** Deprecated values and their end-of-life dates (from the SDK config). */\nconst ${DEPRECATED_TABLE}: Record<string, string> = {\n${entries.join('\n')}\n};`,
  ];
}

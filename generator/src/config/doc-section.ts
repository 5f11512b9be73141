export { configReference } from './doc.js';

/** Markers around the generated config reference in generator/README.md. */
export const START =
  '<!-- config-reference:start (generated from src/config/schema.ts by `pnpm --filter @sdkgen/generator config-doc`; do not edit) -->';
export const END = '<!-- config-reference:end -->';

/** `text` with the marked section replaced by `table`; throws when the markers are missing. */
export function replaceReference(text: string, table: string): string {
  const start = text.indexOf(START);
  const end = text.indexOf(END);
  if (start === -1 || end < start) throw new Error('config-doc: README has no config-reference markers');
  return `${text.slice(0, start + START.length)}\n\n${table}\n\n${text.slice(end)}`;
}

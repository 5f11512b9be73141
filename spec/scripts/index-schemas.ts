/**
 * Rewrites the schema index in spec/openapi.yaml: one `components.schemas` entry per schema defined in
 * spec/schemas/**. Usage: `pnpm spec:index` (write) or `pnpm spec:index --check` (exit 1 when stale).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { ROOT_DOC } from './lib/paths.js';
import { collectSchemas, renderIndex, replaceIndex } from './lib/schema-index.js';

const entries = collectSchemas();
const before = readFileSync(ROOT_DOC, 'utf8');
const after = replaceIndex(before, renderIndex(entries));
if (process.argv.includes('--check')) {
  if (before !== after) {
    console.error('spec/openapi.yaml schema index is stale; run `pnpm spec:index`');
    process.exit(1);
  }
  console.log(`schema index up to date (${entries.length} schemas)`);
} else {
  writeFileSync(ROOT_DOC, after);
  console.log(`wrote ${entries.length} schema entries to spec/openapi.yaml`);
}

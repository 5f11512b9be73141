#!/usr/bin/env node
// Rewrites the config reference in generator/README.md (between the config-reference markers) from the zod
// schema's descriptions (src/config/schema.ts). `--check` only compares and exits 1 when the section is stale.
import { readFileSync, writeFileSync } from 'node:fs';
import { register } from 'tsx/esm/api';

register();
const { configReference, replaceReference } = await import('../src/config/doc-section.ts');
const readme = new URL('../README.md', import.meta.url);
const text = readFileSync(readme, 'utf8');
const next = replaceReference(text, configReference());
if (process.argv.includes('--check')) {
  if (next !== text) {
    console.error(
      'config-doc: generator/README.md config reference is stale; run `pnpm --filter @sdkgen/generator config-doc`',
    );
    process.exit(1);
  }
  process.exit(0);
}
if (next !== text) writeFileSync(readme, next);
console.error(`config-doc: generator/README.md ${next === text ? 'up to date' : 'rewritten'}`);

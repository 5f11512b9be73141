/**
 * `pnpm spec:lint`: redocly's recommended rules (see spec/redocly.yaml) plus our bundling contract
 * (every ref becomes a plain `#/components/...` ref, no renamed duplicates) and a fresh schema index.
 * Exits 1 on any error.
 */
import { readFileSync } from 'node:fs';
import { bundleDefects, bundleSpec } from './lib/bundle.js';
import { lintSpec } from './lib/lint.js';
import { ROOT_DOC } from './lib/paths.js';
import { collectSchemas, renderIndex, replaceIndex } from './lib/schema-index.js';

const findings = await lintSpec();
for (const f of findings)
  console.log(`${f.severity.padEnd(5)} ${f.ruleId}: ${f.message}\n      at ${f.where}`);
const errors = findings.filter((f) => f.severity === 'error').length;
const warnings = findings.length - errors;

const { doc } = await bundleSpec();
const defects = bundleDefects(doc);
for (const d of defects) console.log(`error bundle: ${d}`);

const root = readFileSync(ROOT_DOC, 'utf8');
const stale = replaceIndex(root, renderIndex(collectSchemas())) !== root;
if (stale) console.log('error index: spec/openapi.yaml schema index is stale; run `pnpm spec:index`');

const total = errors + defects.length + (stale ? 1 : 0);
console.log(`spec:lint: ${total} error(s), ${warnings} warning(s)`);
process.exit(total > 0 ? 1 : 0);

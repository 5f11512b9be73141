/**
 * `pnpm spec:bundle [out.yaml|out.json]`: bundles spec/openapi.yaml into one document. Writes YAML to stdout,
 * or to the given path (JSON when it ends in `.json`). Exits 1 when redocly reports an error.
 */
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { stringify } from 'yaml';
import { bundleSpec } from './lib/bundle.js';

const out = process.argv[2];
const { doc, problems } = await bundleSpec();
for (const p of problems) console.error(`${p.severity}: ${p.message}`);
const text = out?.endsWith('.json') ? `${JSON.stringify(doc, null, 2)}\n` : stringify(doc, { lineWidth: 0 });
if (out) writeFileSync(resolve(process.env.INIT_CWD ?? process.cwd(), out), text);
else process.stdout.write(text);
process.exit(problems.some((p) => p.severity === 'error') ? 1 : 0);

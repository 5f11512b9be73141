// `pnpm bench [name...] [--quick]`: runs the benches (each subject in a fresh process), merges the results
// into results/latest.json, and regenerates RESULTS.md and results/scaling.svg from it.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import type { BenchDef } from './harness/bench.js';
import { panelsOf, renderSvg } from './harness/chart.js';
import { appendHistory, loadHistory, renderHistory } from './harness/history.js';
import { type Results, renderMarkdown } from './harness/report.js';
import { runBench } from './harness/runner.js';
import { BENCH_DIR, SDK_SUBJECTS } from './harness/subjects.js';
import { targetLines } from './harness/targets.js';

const ORDER = [
  'sse-decode',
  'tool-input',
  'text-stream',
  'batch-results',
  'sequential-create',
  'footprint',
  'generation',
];
const RESULTS = `${BENCH_DIR}results/latest.json`;
const HISTORY = `${BENCH_DIR}results/history.jsonl`;

function load(): Results {
  const fresh = { meta: { node: '', cpus: '', platform: '', updatedAt: '' }, benches: [] };
  return existsSync(RESULTS) ? (JSON.parse(readFileSync(RESULTS, 'utf8')) as Results) : fresh;
}

/** The commit the measured workspace was at (ours is measured from the working tree). */
function gitCommit(): string {
  const r = spawnSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: BENCH_DIR, encoding: 'utf8' });
  return r.status === 0 ? r.stdout.trim() : 'unknown';
}

function save(results: Results): void {
  mkdirSync(`${BENCH_DIR}results`, { recursive: true });
  const cpu = cpus();
  results.meta = {
    node: process.version,
    cpus: `${cpu.length} x ${cpu[0]?.model.trim() ?? 'cpu'}`,
    platform: `${process.platform}-${process.arch}`,
    updatedAt: new Date().toISOString(),
    commit: gitCommit(),
  };
  results.benches.sort((a, b) => ORDER.indexOf(a.name) - ORDER.indexOf(b.name));
  writeFileSync(RESULTS, `${JSON.stringify(results, null, 2)}\n`);
  writeFileSync(`${BENCH_DIR}RESULTS.md`, renderMarkdown(results, renderHistory(loadHistory(HISTORY))));
  const versions = Object.assign({}, ...results.benches.map((b) => b.versions)) as Record<string, string>;
  writeFileSync(
    `${BENCH_DIR}results/scaling.svg`,
    renderSvg(panelsOf(results.benches), SDK_SUBJECTS, versions),
  );
}

const args = process.argv.slice(2);
const quick = args.includes('--quick');
// --only=ours,lean: run just these subjects and print the tables; latest.json is left alone.
const only = args
  .find((a) => a.startsWith('--only='))
  ?.slice('--only='.length)
  .split(',');
const names = args.filter((a) => !a.startsWith('--'));
const unknown = names.filter((n) => !ORDER.includes(n));
if (unknown.length > 0) {
  process.stderr.write(`unknown bench: ${unknown.join(', ')}; choose from ${ORDER.join(', ')}\n`);
  process.exit(2);
}
const results = load();
for (const name of names.length > 0 ? names : ORDER) {
  const file = `${BENCH_DIR}src/benches/${name}.ts`;
  if (!existsSync(file)) {
    process.stderr.write(`[${name}] not written yet, skipped\n`);
    continue;
  }
  const def = (await import(file)).default as BenchDef;
  const result = await runBench(def, quick, only);
  for (const line of targetLines(result.checks ?? [])) process.stderr.write(`[${name}] ${line}\n`);
  if (only) {
    process.stdout.write(
      renderMarkdown({ ...results, benches: [result] })
        .split('\n## ')[1]!
        .replace(/^/, '## '),
    );
    continue;
  }
  results.benches = [...results.benches.filter((b) => b.name !== name), result];
  save(results);
}
// A full run (every bench, full sizes, every subject) is one point of the targets' history.
if (!only && !quick && names.length === 0) {
  const checks = Object.fromEntries(results.benches.map((b) => [b.name, b.checks ?? []]));
  appendHistory(HISTORY, { at: results.meta.updatedAt, commit: results.meta.commit ?? 'unknown', checks });
  save(results);
}
if (!only) process.stderr.write(`wrote ${RESULTS}, RESULTS.md and results/scaling.svg\n`);

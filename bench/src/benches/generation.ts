import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BenchDef } from '../harness/bench.js';
import { writeGithubConfig } from '../harness/github-config.js';
import { measureProcess } from '../harness/spawn-measure.js';
import { median } from '../harness/stats.js';
import { BENCH_DIR } from '../harness/subjects.js';

const ROOT = join(BENCH_DIR, '..');
const SPECS: Record<string, { spec: string; config: string }> = {
  'our spec': { spec: join(ROOT, 'spec/openapi.yaml'), config: join(ROOT, 'spec/sdk.config.yaml') },
  "GitHub's spec (@octokit/openapi)": {
    spec: join(BENCH_DIR, 'node_modules/@octokit/openapi/generated/api.github.com.json'),
    // Written by the worker before the runs (see harness/github-config.ts).
    config: join(tmpdir(), 'sdkgen-bench-github.sdk.config.yaml'),
  },
};
// GitHub's spec is large (13 MB): one run per tool keeps the suite within its time.
const runs = (quick: boolean, part: string) => (quick || part.startsWith('GitHub') ? 1 : 3);
const TIMEOUT_MS = 180_000;

/** How to run sdkgen: its built bin if there is one, else its CLI source through tsx. */
function sdkgenEntry(): string[] | null {
  for (const bin of ['generator/bin/sdkgen.mjs', 'generator/bin/sdkgen.js'])
    if (existsSync(join(ROOT, bin))) return [join(ROOT, bin)];
  const cli = join(ROOT, 'generator/src/cli.ts');
  return existsSync(cli) ? ['--import', 'tsx', cli] : null;
}

/** The argv (after `node`) of one tool on one spec, writing into `out`; a string explains why it cannot run. */
function command(subject: string, part: string, out: string): string[] | string {
  const { spec, config } = SPECS[part]!;
  if (subject === 'openapi-typescript')
    return [
      join(BENCH_DIR, 'node_modules/openapi-typescript/bin/cli.js'),
      spec,
      '-o',
      join(out, 'schema.ts'),
    ];
  if (subject === 'hey-api') {
    const run = join(BENCH_DIR, 'node_modules/@hey-api/openapi-ts/dist/run.mjs');
    return [run, '-i', spec, '-o', out, '-c', '@hey-api/client-fetch', '--no-log-file'];
  }
  const entry = sdkgenEntry();
  if (!entry) return 'sdkgen CLI not built yet (no generator/bin/sdkgen.* or generator/src/cli.ts)';
  return [...entry, 'generate', '--spec', spec, '--config', config, '--out', out];
}

/** Runs one tool `count` times, each into a fresh temporary directory: wall times (ms) and peak RSS (bytes). */
async function runTool(
  subject: string,
  part: string,
  count: number,
): Promise<{ times: number[]; rss: number[] }> {
  const times: number[] = [];
  const rss: number[] = [];
  for (let i = 0; i < count; i++) {
    const out = mkdtempSync(join(tmpdir(), 'sdkgen-gen-'));
    try {
      const run = await measureProcess(command(subject, part, out) as string[], ROOT, TIMEOUT_MS);
      times.push(run.ms);
      rss.push(run.peakRss);
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  }
  return { times, rss };
}

/** 7. Generation: wall time and peak RSS of each generator on each spec. */
const bench: BenchDef = {
  name: 'generation',
  title: '7. Generation: sdkgen vs openapi-typescript and @hey-api/openapi-ts',
  subjects: ['ours', 'openapi-typescript', 'hey-api'],
  parts: () => Object.keys(SPECS),
  rounds: () => 1,
  timeoutMs: () => 900_000,
  target:
    "at most 3 s on our spec. Issue 12 (item 7): at most 1 s on our spec; GitHub's spec no slower than openapi-typescript in the same run and at most 500 MB peak RSS.",
  notes: (quick) => [
    `Each tool runs as a fresh \`node\` process on the same spec, writing into an empty temporary directory; wall time (\`process.hrtime.bigint\` around the process) is the median of ${runs(quick, 'our spec')} run(s) on our spec and of 1 on GitHub's, peak RSS the largest \`maxRSS\` of any node process of the run (reported by a preloaded exit hook).`,
    'sdkgen: `sdkgen generate --spec <spec> --config <config> --out <tmp>` (full SDK: types, resources, client, docs). openapi-typescript: `openapi-typescript <spec> -o <tmp>/schema.ts` (types only). @hey-api/openapi-ts: `openapi-ts -i <spec> -o <tmp> -c @hey-api/client-fetch` (types + SDK functions + client).',
    "Our spec: `spec/openapi.yaml` (multi-file, bundled by each tool). GitHub's spec: `api.github.com.json` from `@octokit/openapi`.",
  ],
  async run(subject, opts, emit) {
    const argv = command(subject, opts.part, '');
    if (typeof argv === 'string') {
      emit({ unavailable: argv });
      return;
    }
    if (subject === 'ours' && opts.part.startsWith('GitHub')) {
      const { spec, config } = SPECS[opts.part]!;
      writeGithubConfig(spec, config);
      emit({
        note: "sdkgen on GitHub's spec: config derived mechanically (one resource `<Group>Resource` per operationId prefix, no pagination/streaming hooks).",
      });
    }
    const base = { case: opts.part, better: 'lower' as const };
    try {
      const { times, rss } = await runTool(subject, opts.part, runs(opts.quick, opts.part));
      emit({ figure: { ...base, metric: 'wall s', value: median(times) / 1e3, samples: times } });
      emit({ figure: { ...base, metric: 'peak RSS (MiB)', value: median(rss) / 1024 / 1024 } });
    } catch (err) {
      const note = (err instanceof Error ? err.message : String(err)).split('\n')[0]!.slice(0, 200);
      for (const metric of ['wall s', 'peak RSS (MiB)'])
        emit({ figure: { ...base, metric, value: null, status: 'error', note } });
    }
  },
};

export default bench;

import type { BenchDef } from '../harness/bench.js';
import { mbPerSec, perSec, runCase, runSettings, sizeLabel } from '../harness/run-case.js';
import { clientFactory, expectCount } from '../harness/sdk-bench.js';
import { SDK_SUBJECTS } from '../harness/subjects.js';
import type { Budget } from '../harness/timing.js';
import { leanBatchResults } from '../lean/client.js';
import { BATCH_ID } from '../payloads/jsonl.js';

/** The two shapes of the same bytes: many ~870 B lines, or 25 huge lines. */
function shapes(quick: boolean): Record<string, { lines: number; lineBytes: number }> {
  const lines = quick ? 10_000 : 100_000;
  const total = lines * 871;
  return {
    [`${lines / 1000}k lines of 870 B`]: { lines, lineBytes: 870 },
    [`25 lines of ${sizeLabel(total / 25)}`]: { lines: 25, lineBytes: total / 25 - 1 },
  };
}

const prefix = (part: string) => part.replace(/[^a-z0-9]+/gi, '-');
const mb = (bytes: number) => bytes / 1024 / 1024;

/** 4. `batches.results()`: JSONL decoding, small and huge lines, with peak RSS. */
const bench: BenchDef = {
  name: 'batch-results',
  title: '4. messages.batches.results(): JSONL decode',
  subjects: SDK_SUBJECTS,
  parts: (quick) => Object.keys(shapes(quick)),
  server: (quick) => ({
    chunkSize: 65_536,
    routes: Object.fromEntries(
      Object.entries(shapes(quick)).map(([part, p]) => [prefix(part), { kind: 'batch-results', params: p }]),
    ),
  }),
  target: 'at least the lean reference on both shapes.',
  notes: (quick) => {
    const [small, big] = Object.values(shapes(quick));
    return [
      `Same bytes two ways: ${small!.lines} lines of 870 B, and 25 lines of ${sizeLabel(big!.lineBytes)} (${sizeLabel(small!.lines * 871)} of JSONL, served in 64 KiB writes). Each result line is a succeeded message result.`,
      'SDKs: `client.messages.batches.results(id)` (GET the batch, then its `results_url`) iterated with `for await`; lean fetch: the same two GETs, the minimal splitter and one `JSON.parse` per line. The line count is checked.',
      'Peak RSS: `process.resourceUsage().maxRSS` of the worker process (one process per subject and shape, `--expose-gc`, GC between runs); "over baseline" subtracts the RSS measured just before the first run.',
    ];
  },
  async run(subject, opts, emit) {
    const make = await clientFactory(subject, emit);
    if (!make) return;
    const base = `${opts.origin}/${prefix(opts.part)}`;
    const { bytes, units } = opts.sizes[`/${prefix(opts.part)}/results.jsonl`]!;
    const body = async (budget: Budget) => {
      const results =
        make === 'lean'
          ? await leanBatchResults(base, BATCH_ID)
          : await make(base).messages.batches.results(BATCH_ID);
      let n = 0;
      for await (const _ of results) if ((++n & 63) === 0) budget.check();
      expectCount('lines', n, units);
    };
    const baseline = process.memoryUsage().rss;
    const label = opts.part;
    const also = [{ metric: 'MB/s', better: 'higher' as const, fromMs: mbPerSec(bytes) }];
    await runCase(
      { case: label, metric: 'lines/s', better: 'higher', fromMs: perSec(units!), also },
      body,
      runSettings(opts.quick),
      emit,
    );
    const peak = process.resourceUsage().maxRSS * 1024;
    emit({ figure: { case: label, metric: 'peak RSS (MiB)', better: 'lower', value: mb(peak) } });
    emit({
      figure: {
        case: label,
        metric: 'peak RSS over baseline (MiB)',
        better: 'lower',
        value: mb(peak - baseline),
      },
    });
  },
};

export default bench;

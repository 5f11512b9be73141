import type { BenchDef } from '../harness/bench.js';
import { runScaled, runSettings, type SeriesState, sizeLabel } from '../harness/run-case.js';
import { clientFactory } from '../harness/sdk-bench.js';
import { SDK_SUBJECTS, type SdkClient } from '../harness/subjects.js';
import type { Budget } from '../harness/timing.js';
import { leanEvents, leanPost } from '../lean/client.js';
import { requestBody } from '../payloads/message.js';
import { toolInput } from '../payloads/sse.js';

const sizes = (quick: boolean) => (quick ? [10e3, 100e3, 1e6] : [10e3, 100e3, 1e6, 4e6]);
const budgetMs = (quick: boolean) => (quick ? 3_000 : 10_000);

/** Lean: raw event iteration, `partial_json` pieces collected, one `JSON.parse` at the block's end. */
async function leanRun(base: string, budget: Budget): Promise<number> {
  let pieces: string[] = [];
  let rows = -1;
  let n = 0;
  for await (const ev of leanEvents(await leanPost(base, requestBody, budget.signal))) {
    if ((++n & 15) === 0) budget.check();
    if (ev.type === 'content_block_delta' && ev.delta.type === 'input_json_delta')
      pieces.push(ev.delta.partial_json);
    else if (ev.type === 'content_block_stop') {
      rows = (JSON.parse(pieces.join('')) as { rows: unknown[] }).rows.length;
      pieces = [];
    }
  }
  return rows;
}

/** SDK: `messages.stream()` iterated with `for await`; optionally with an `inputJson` listener. */
async function sdkRun(client: SdkClient, listener: boolean, budget: Budget): Promise<number> {
  const stream = client.messages.stream(requestBody, { signal: budget.signal });
  stream.on('error', () => {});
  let calls = 0;
  if (listener) stream.on('inputJson', () => void calls++);
  let n = 0;
  try {
    for await (const _ of stream) if ((++n & 15) === 0) budget.check();
  } catch (err) {
    stream.abort();
    throw err;
  }
  const message = await stream.finalMessage();
  if (listener && calls === 0) throw new Error('inputJson listener never called');
  return (message.content[0].input as { rows: unknown[] }).rows.length;
}

/** 2. `messages.stream()` with a large tool_use input in 16-char `input_json_delta`s. */
const bench: BenchDef = {
  name: 'tool-input',
  title: '2. messages.stream(): tool_use input in 16-char input_json_deltas',
  subjects: SDK_SUBJECTS,
  parts: () => ['without listener', 'with inputJson listener'],
  server: (quick) => ({
    chunkSize: 16_384,
    routes: Object.fromEntries(
      sizes(quick).map((n) => [`t${n}`, { kind: 'sse-tool', params: { inputBytes: n } }]),
    ),
  }),
  notes: (quick) => [
    `Tool input: a JSON object of ${sizes(quick).map(sizeLabel).join(' / ')} (rows of small records) streamed as 16-char \`input_json_delta\`s; time to the end of the stream, and the final input is checked.`,
    'SDKs: `client.messages.stream(...)` iterated with `for await`, with or without `stream.on("inputJson", ...)`. Lean fetch: raw SSE iteration that joins the pieces and parses once at `content_block_stop` (it has no listener; the same code serves both parts).',
    `A run past ${budgetMs(quick) / 1000} s is stopped (the stream is aborted) and recorded as "> budget"; larger sizes are then skipped for that subject.`,
  ],
  async run(subject, opts, emit) {
    const make = await clientFactory(subject, emit);
    if (!make) return;
    const listener = opts.part.startsWith('with ');
    const state: SeriesState = { over: false, skip: opts.skip };
    for (const n of sizes(opts.quick)) {
      const base = `${opts.origin}/t${n}`;
      const rows = toolInput(n).rows.length;
      const spec = {
        case: `${sizeLabel(n)} input, ${opts.part}`,
        metric: 'ms',
        better: 'lower' as const,
        series: `tool input, ${opts.part}`,
        size: n,
      };
      const body = async (budget: Budget) => {
        const got =
          make === 'lean' ? await leanRun(base, budget) : await sdkRun(make(base), listener, budget);
        if (got !== rows) throw new Error(`tool input has ${got} rows, expected ${rows}`);
      };
      await runScaled(spec, body, runSettings(opts.quick, budgetMs(opts.quick)), emit, state);
    }
  },
};

export default bench;

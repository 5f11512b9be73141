import type { BenchDef } from '../harness/bench.js';
import { subjectLabel } from '../harness/labels.js';
import { runScaled, runSettings, type SeriesState, sizeLabel } from '../harness/run-case.js';
import { clientFactory } from '../harness/sdk-bench.js';
import { formatNumber } from '../harness/stats.js';
import { SDK_SUBJECTS, type SdkClient } from '../harness/subjects.js';
import type { Budget } from '../harness/timing.js';
import { leanEvents, leanPost } from '../lean/client.js';
import { requestBody } from '../payloads/message.js';
import { toolInput } from '../payloads/sse.js';

const sizes = (quick: boolean) => (quick ? [10e3, 100e3, 1e6] : [10e3, 100e3, 1e6, 4e6]);
const budgetMs = (quick: boolean) => (quick ? 3_000 : 10_000);

const RAW = 'raw create({ stream: true })';

/**
 * Raw iteration: events as decoded (by the lean reader, or by an SDK's `messages.create({ stream: true })`),
 * `partial_json` pieces collected, one `JSON.parse` at the block's end.
 */
async function rawRun(events: AsyncIterable<any>, budget: Budget): Promise<number> {
  let pieces: string[] = [];
  let rows = -1;
  let n = 0;
  for await (const ev of events) {
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

function leanRun(base: string, budget: Budget): Promise<number> {
  return leanPost(base, requestBody, budget.signal).then((res) => rawRun(leanEvents(res), budget));
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
  parts: () => [RAW, 'without listener', 'with inputJson listener'],
  server: (quick) => ({
    chunkSize: 16_384,
    routes: Object.fromEntries(
      sizes(quick).map((n) => [`t${n}`, { kind: 'sse-tool', params: { inputBytes: n } }]),
    ),
  }),
  target: 'linear in input size, and with the `inputJson` listener at most 2x the raw iteration at 1 MB.',
  summary: (rows) => {
    const at = (part: string) =>
      rows.find((r) => r.case === `${sizeLabel(1e6)} input, ${part}` && r.metric === 'ms');
    const [listener, raw] = [at('with inputJson listener'), at(RAW)];
    if (!listener || !raw) return [];
    const ratios = ['ours', 'sdk-0.74.0', 'sdk-latest'].map((s) => {
      const [l, r] = [listener.values[s]?.value, raw.values[s]?.value];
      return `${subjectLabel(s)} ${l && r ? `${formatNumber(l / r)}x` : 'n/a'}`;
    });
    return [
      `With the listener vs raw iteration at 1 MB (time ratio, each SDK against its own raw iteration): ${ratios.join(', ')}.`,
    ];
  },
  notes: (quick) => [
    `Tool input: a JSON object of ${sizes(quick).map(sizeLabel).join(' / ')} (rows of small records) streamed as 16-char \`input_json_delta\`s; time to the end of the stream, and the final input is checked.`,
    `Three parts, each subject in its own process per part: "${RAW}" iterates the SDK's raw event stream, collecting the \`partial_json\` pieces and parsing once at \`content_block_stop\` (the baseline the listener target is measured against); the other two use \`client.messages.stream(...)\` iterated with \`for await\`, without or with \`stream.on("inputJson", ...)\`. Lean fetch runs the raw iteration over its own SSE reader in every part.`,
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
        let got: number;
        if (make === 'lean') got = await leanRun(base, budget);
        else if (opts.part === RAW) {
          const body = { ...requestBody, stream: true };
          got = await rawRun(await make(base).messages.create(body, { signal: budget.signal }), budget);
        } else got = await sdkRun(make(base), listener, budget);
        if (got !== rows) throw new Error(`tool input has ${got} rows, expected ${rows}`);
      };
      await runScaled(spec, body, runSettings(opts.quick, budgetMs(opts.quick)), emit, state);
    }
  },
};

export default bench;

import type { BenchDef } from '../harness/bench.js';
import {
  type CaseSpec,
  mbPerSec,
  runCase,
  runScaled,
  runSettings,
  type SeriesState,
  sizeLabel,
} from '../harness/run-case.js';
import { clientFactory, expectCount } from '../harness/sdk-bench.js';
import { SDK_SUBJECTS } from '../harness/subjects.js';
import type { Budget } from '../harness/timing.js';
import { leanEvents, leanPost } from '../lean/client.js';
import { requestBody } from '../payloads/message.js';

const CHUNK = 16_384;
const textBytes = (quick: boolean) => (quick ? 5e6 : 50e6);
const eventSizes = (quick: boolean) => (quick ? [1e6, 4e6] : [1e6, 4e6, 16e6]);
const body = { ...requestBody, stream: true };
const eventBudgetMs = (quick: boolean) => (quick ? 5_000 : 15_000);

/** 1. SSE decode: raw `messages.create({ stream: true })` iteration, bulk and one huge event. */
const bench: BenchDef = {
  name: 'sse-decode',
  title: '1. SSE decode: messages.create({ stream: true })',
  subjects: SDK_SUBJECTS,
  server: (quick) => ({
    chunkSize: CHUNK,
    routes: {
      text: { kind: 'sse-text', params: { wireBytes: textBytes(quick) } },
      ...Object.fromEntries(
        eventSizes(quick).map((n) => [`ev${n}`, { kind: 'sse-big-event', params: { eventBytes: n } }]),
      ),
    },
  }),
  target: "at least the lean reference's MB/s, and linear in event size (growth exponent about 1).",
  notes: (quick) => [
    `Bulk: ${sizeLabel(textBytes(quick))} on the wire of \`content_block_delta\` events with 16-char \`text_delta\`s; MB/s of wire bytes.`,
    `Single event: one \`text_delta\` event carrying ${eventSizes(quick).map(sizeLabel).join(' / ')} of text; time to iterate the whole stream. A run past ${eventBudgetMs(quick) / 1000} s is aborted at the deadline (the request's \`signal\`) and recorded as "> budget"; larger events are then skipped for that subject.`,
    `Server writes ${CHUNK / 1024} KiB per socket write; each client iterates with \`for await\` and counts events (checked against the server's count).`,
  ],
  async run(subject, opts, emit) {
    const make = await clientFactory(subject, emit);
    if (!make) return;
    const iterate = async (prefix: string, budget: Budget) => {
      const base = `${opts.origin}/${prefix}`;
      const stream =
        make === 'lean'
          ? leanEvents(await leanPost(base, body, budget.signal))
          : await make(base).messages.create(body, { signal: budget.signal });
      let n = 0;
      for await (const _ of stream as AsyncIterable<unknown>) if ((++n & 255) === 0) budget.check();
      expectCount('events', n, opts.sizes[`/${prefix}/v1/messages`]?.units);
    };
    const bulk = opts.sizes['/text/v1/messages']!;
    const spec: CaseSpec = {
      case: `${sizeLabel(bulk.bytes)} of 16-char text deltas`,
      metric: 'MB/s',
      better: 'higher',
      fromMs: mbPerSec(bulk.bytes),
    };
    await runCase(spec, (b) => iterate('text', b), runSettings(opts.quick), emit);
    const state: SeriesState = { over: false, skip: opts.skip };
    for (const n of eventSizes(opts.quick)) {
      const spec: CaseSpec = {
        case: `one ${sizeLabel(n)} event`,
        metric: 'ms',
        better: 'lower',
        series: 'single event',
        size: n,
      };
      await runScaled(
        spec,
        (b) => iterate(`ev${n}`, b),
        runSettings(opts.quick, eventBudgetMs(opts.quick)),
        emit,
        state,
      );
    }
  },
};

export default bench;

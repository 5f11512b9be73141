import type { BenchDef } from '../harness/bench.js';
import { perSec, runCase, runSettings } from '../harness/run-case.js';
import { clientFactory, expectCount } from '../harness/sdk-bench.js';
import { SDK_SUBJECTS } from '../harness/subjects.js';
import type { Budget } from '../harness/timing.js';
import { leanEvents, leanPost } from '../lean/client.js';
import { requestBody } from '../payloads/message.js';

const TEXT_BYTES = 1e6;

/** 3. `messages.stream()` over 1 MB of 16-char text deltas: events per second. */
const bench: BenchDef = {
  name: 'text-stream',
  title: '3. messages.stream(): 1 MB of 16-char text deltas',
  subjects: SDK_SUBJECTS,
  server: () => ({
    chunkSize: 16_384,
    routes: { text: { kind: 'sse-text', params: { textBytes: TEXT_BYTES } } },
  }),
  target: 'at least 1.5x the events/s of the latest official SDK.',
  notes: () => [
    `1 MB of text as ${TEXT_BYTES / 16} \`text_delta\` events of 16 chars (plus 5 framing events); events/s = events yielded / time to the end of the stream.`,
    'SDKs: `client.messages.stream(...)` iterated with `for await` (the stream accumulates the message); the final text length is checked. Lean fetch: raw SSE iteration appending each delta to an array, joined once at the end.',
  ],
  async run(subject, opts, emit) {
    const make = await clientFactory(subject, emit);
    if (!make) return;
    const base = `${opts.origin}/text`;
    const units = opts.sizes['/text/v1/messages']!.units!;
    const body = async (budget: Budget) => {
      let n = 0;
      let text: string;
      if (make === 'lean') {
        const parts: string[] = [];
        for await (const ev of leanEvents(await leanPost(base, requestBody, budget.signal))) {
          if ((++n & 255) === 0) budget.check();
          if (ev.type === 'content_block_delta') parts.push(ev.delta.text);
        }
        text = parts.join('');
      } else {
        const stream = make(base).messages.stream(requestBody, { signal: budget.signal });
        for await (const _ of stream) if ((++n & 255) === 0) budget.check();
        text = (await stream.finalMessage()).content[0].text;
      }
      expectCount('events', n, units);
      expectCount('text length', text.length, TEXT_BYTES);
    };
    await runCase(
      { case: `${units} events`, metric: 'events/s', better: 'higher', fromMs: perSec(units) },
      body,
      runSettings(opts.quick),
      emit,
    );
  },
};

export default bench;

import type { BenchDef } from '../harness/bench.js';
import { subjectLabel } from '../harness/labels.js';
import { perSec, runCase, runSettings } from '../harness/run-case.js';
import { clientFactory } from '../harness/sdk-bench.js';
import { SDK_SUBJECTS } from '../harness/subjects.js';
import type { Budget } from '../harness/timing.js';
import { leanCreate } from '../lean/client.js';
import { requestBody } from '../payloads/message.js';

const calls = (quick: boolean) => (quick ? 300 : 2_000);

/** 5. Sequential non-streaming `messages.create`: requests per second against raw `fetch`. */
const bench: BenchDef = {
  name: 'sequential-create',
  title: '5. 2,000 sequential messages.create (non-streaming)',
  subjects: SDK_SUBJECTS,
  server: () => ({ chunkSize: 65_536, routes: { msg: { kind: 'message', params: {} } } }),
  target: 'at least 0.9x the requests/s of raw `fetch`.',
  targets: [
    {
      label: 'sequential creates ≥ 0.9x raw fetch',
      case: `${calls(false)} calls`,
      metric: 'requests/s',
      kind: 'min-ratio',
      limit: 0.9,
      vs: 'lean',
    },
  ],
  notes: (quick) => [
    `${calls(quick)} sequential \`await client.messages.create(...)\` calls on one client (keep-alive), each answered with a ~400 B JSON message (content-length); requests/s of a whole loop. Lean fetch: \`fetch\` POST + \`res.json()\`.`,
  ],
  async run(subject, opts, emit) {
    const make = await clientFactory(subject, emit);
    if (!make) return;
    const base = `${opts.origin}/msg`;
    const client = make === 'lean' ? null : make(base);
    const n = calls(opts.quick);
    // Client CPU (user + system of this process) per request, per run: the server is another process.
    const cpuPerRequest: number[] = [];
    const body = async (budget: Budget) => {
      const cpu0 = process.cpuUsage();
      for (let i = 0; i < n; i++) {
        const msg = client ? await client.messages.create(requestBody) : await leanCreate(base, requestBody);
        if (msg.content[0].type !== 'text') throw new Error('unexpected response');
        if ((i & 63) === 0) budget.check();
      }
      const cpu = process.cpuUsage(cpu0);
      cpuPerRequest.push((cpu.user + cpu.system) / n);
    };
    const settings = { ...runSettings(opts.quick), runs: opts.quick ? 3 : 5 };
    await runCase(
      { case: `${n} calls`, metric: 'requests/s', better: 'higher', fromMs: perSec(n) },
      body,
      settings,
      emit,
    );
    // The first run is the warmup.
    const measured = cpuPerRequest.slice(1).sort((a, b) => a - b);
    if (measured.length > 0) {
      const us = measured[measured.length >> 1]!;
      emit({ note: `client CPU per request (median of runs): ${subjectLabel(subject)} ${us.toFixed(0)} µs` });
    }
  },
};

export default bench;

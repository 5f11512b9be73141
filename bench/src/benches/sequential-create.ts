import type { BenchDef } from '../harness/bench.js';
import { subjectLabel } from '../harness/labels.js';
import { perSec, runCase, runSettings } from '../harness/run-case.js';
import { clientFactory } from '../harness/sdk-bench.js';
import { SDK_SUBJECTS } from '../harness/subjects.js';
import type { Budget } from '../harness/timing.js';
import { kyCreate, leanCreate } from '../lean/client.js';
import { requestBody } from '../payloads/message.js';

const calls = (quick: boolean) => (quick ? 300 : 2_000);

type Loop = { perSec: number; cpuUs: number };

/** Runs each of `calls` `n` times in a row, alternating them `runs` times after one warmup each: medians. */
async function alternated(calls: (() => Promise<unknown>)[], n: number, runs: number): Promise<Loop[]> {
  const loop = async (call: () => Promise<unknown>): Promise<Loop> => {
    const cpu0 = process.cpuUsage();
    const t0 = performance.now();
    for (let i = 0; i < n; i++) await call();
    const ms = performance.now() - t0;
    const cpu = process.cpuUsage(cpu0);
    return { perSec: (n * 1000) / ms, cpuUs: (cpu.user + cpu.system) / n };
  };
  const results: Loop[][] = calls.map(() => []);
  for (const call of calls) await loop(call);
  for (let r = 0; r < runs; r++) for (const [i, call] of calls.entries()) results[i]!.push(await loop(call));
  const med = (xs: number[]) => xs.sort((a, b) => a - b)[xs.length >> 1]!;
  return results.map((rs) => ({ perSec: med(rs.map((x) => x.perSec)), cpuUs: med(rs.map((x) => x.cpuUs)) }));
}

/**
 * Where the gap to raw `fetch` is: the same loop through ky alone (the SDK's transport, driven as the SDK drives
 * it), alternated with raw `fetch` in one process.
 */
async function transportShare(base: string, n: number, runs: number): Promise<string> {
  const [f, k] = await alternated(
    [() => leanCreate(base, requestBody), () => kyCreate(base, requestBody)],
    n,
    runs,
  );
  return (
    `transport alone: the same ${n} calls through ky only (its Request, the clone it keeps for retries, its timeout ` +
    `controller; no SDK code), alternated with raw fetch: ${k!.perSec.toFixed(0)} vs ${f!.perSec.toFixed(0)} requests/s ` +
    `(×${(k!.perSec / f!.perSec).toFixed(3)}), client CPU ${k!.cpuUs.toFixed(0)} vs ${f!.cpuUs.toFixed(0)} µs per request`
  );
}

/** What one pass-through middleware costs: the same client with and without it, alternated in one process. */
async function middlewareCost(client: any, n: number, runs: number): Promise<string> {
  const withOne = client.withOptions({
    middleware: [(request: unknown, next: (r: unknown) => unknown) => next(request)],
  });
  const [plain, wrapped] = await alternated(
    [() => client.messages.create(requestBody), () => withOne.messages.create(requestBody)],
    n,
    runs,
  );
  return (
    `one pass-through middleware: ${wrapped!.perSec.toFixed(0)} vs ${plain!.perSec.toFixed(0)} requests/s without ` +
    `(×${(wrapped!.perSec / plain!.perSec).toFixed(3)}, alternated in one process), client CPU ` +
    `${wrapped!.cpuUs.toFixed(0)} vs ${plain!.cpuUs.toFixed(0)} µs per request`
  );
}

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
      whenMissed:
        "the gap has two parts, both measured in this run: what ky alone loses to raw fetch (the note \"transport alone\": each ky call builds a Request, keeps a clone of it for retries and arms a timeout controller), which stays while ky is the transport, and the SDK code per request (ours' CPU per request minus ky alone's: headers, body encoding, the attempt's signals, response guard, parse). Where ky alone is itself near or below 0.9x (the note), 0.9x needs the SDK's own CPU per request (ours' minus ky alone's) brought close to nothing, or a first attempt that reaches fetch without ky's Request and clone (ky kept for retries).",
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
    if (make === 'lean') emit({ note: await transportShare(base, n, settings.runs) });
    if (subject === 'ours' && client) emit({ note: await middlewareCost(client, n, settings.runs) });
  },
};

export default bench;

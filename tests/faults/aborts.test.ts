/**
 * Fault matrix, aborts at every phase: before sending, waiting for headers, during a retry wait, mid-body and
 * mid-stream (through `signal`, `stream.controller.abort()`, `MessageStream.abort()` and `break`).
 */
import type Anthropic from '@sdkgen/anthropic';
import { APIUserAbortError } from '@sdkgen/anthropic';
import { describe, expect, it } from 'vitest';
import { json, type Reply, retryable, stall, stallMidBody } from '../helpers/fault-server.js';
import { type Ctx, runScenario, type Scenario } from './harness.js';
import { batch, events, head, params, resultLine, sseText, stream, textEvents } from './kit.js';

const SSE = { 'content-type': 'text/event-stream' };
/** Headers and the first events, then nothing more until the client gives up. */
const stalledStream = (): Reply => stallMidBody(sseText(head()), SSE);
/** A stream that keeps going for a while, a delta every 5 ms. */
const longStream = (): Reply =>
  stream([...head(), ...Array.from({ length: 200 }, (_, i) => events.delta(`${i}`))], { chunkDelayMs: 5 });
/** A signal aborted once the server has received `n` requests (and `ms` more have passed). */
function abortOnceSent({ server }: Ctx, ms = 30, n = 1): AbortSignal {
  const controller = new AbortController();
  const poll = () => {
    if (server.requests.length < n) return void setTimeout(poll, 5);
    setTimeout(() => controller.abort(), ms);
  };
  poll();
  return controller.signal;
}
const aborted = () => AbortSignal.abort();
const equals = (want: unknown) => (value: unknown) => void expect(value).toEqual(want);

/** Raw iteration that calls `stop` once it has seen `after` events, and returns the types it saw. */
async function iterate(client: Anthropic, stop: (s: { controller: AbortController }) => void, after = 3) {
  const s = await client.messages.create({ ...params, stream: true });
  const types: string[] = [];
  for await (const event of s) {
    types.push(event.type);
    if (types.length === after) stop(s);
  }
  return types;
}

/** A MessageStream stopped by `stop` after its first text delta: what it says afterwards. */
async function stopMessageStream(client: Anthropic, stop: 'abort' | 'break') {
  const s = client.messages.stream(params);
  if (stop === 'abort') s.once('text', () => s.abort());
  else for await (const event of s) if (event.type === 'content_block_delta') break;
  const done = await s.done().then(
    () => 'resolved',
    (err: unknown) => err,
  );
  return { aborted: s.aborted, done };
}

const requests: Scenario[] = [
  {
    name: 'an aborted signal before sending: nothing is sent',
    replies: [stall()],
    call: ({ client }) => client.messages.create(params, { signal: aborted() }),
    expect: { rejects: APIUserAbortError, requests: 0 },
  },
  {
    name: 'while waiting for headers',
    replies: [stall()],
    call: (ctx) => ctx.client.messages.create(params, { signal: abortOnceSent(ctx) }),
    expect: { rejects: APIUserAbortError, requests: 1, withinMs: 1_000 },
  },
  {
    name: 'during a retry-after wait: no further attempt',
    replies: [retryable(529, { retryAfterMs: '5000' }), stall()],
    call: (ctx) => ctx.client.messages.create(params, { signal: abortOnceSent(ctx) }),
    expect: { rejects: APIUserAbortError, requests: 1, withinMs: 1_000 },
  },
  {
    name: 'during the backoff after a stream opened with overloaded_error',
    replies: [stream([events.error('overloaded_error')]), stalledStream()],
    call: (ctx) =>
      ctx.client.messages.create({ ...params, stream: true }, { signal: abortOnceSent(ctx, 50) }),
    expect: { rejects: APIUserAbortError, requests: 1, withinMs: 1_000 },
  },
  {
    name: 'while waiting for a stream to start',
    replies: [stall()],
    call: (ctx) => ctx.client.messages.create({ ...params, stream: true }, { signal: abortOnceSent(ctx) }),
    expect: { rejects: APIUserAbortError, requests: 1 },
  },
  {
    name: 'a MessageStream whose signal is already aborted',
    replies: [stall()],
    call: ({ client }) => client.messages.stream(params, { signal: aborted() }).done(),
    expect: { rejects: APIUserAbortError, requests: 0 },
  },
  {
    name: 'a MessageStream aborted while waiting for headers',
    replies: [stall()],
    call: (ctx) => {
      const s = ctx.client.messages.stream(params);
      abortOnceSent(ctx).addEventListener('abort', () => s.abort());
      return s.finalMessage();
    },
    expect: { rejects: APIUserAbortError, requests: 1 },
  },
];

const midStream: Scenario[] = [
  {
    name: 'raw iteration, stream.controller.abort() mid-stream: the loop ends quietly',
    replies: [stalledStream()],
    call: ({ client }) => iterate(client, (s) => s.controller.abort()),
    expect: { resolves: equals(['message_start', 'content_block_start', 'content_block_delta']) },
  },
  {
    name: 'raw iteration, caller signal aborted mid-stream: the loop ends quietly',
    replies: [stalledStream()],
    call: async ({ client }) => {
      const controller = new AbortController();
      const s = await client.messages.create({ ...params, stream: true }, { signal: controller.signal });
      let n = 0;
      for await (const _ of s) if (++n === 2) controller.abort();
      return n;
    },
    expect: { resolves: (n: number) => void expect(n).toBeGreaterThanOrEqual(2) },
  },
  {
    name: 'raw iteration, break out of for-await: the connection is freed',
    replies: [longStream()],
    call: async ({ client }) => {
      const s = await client.messages.create({ ...params, stream: true });
      for await (const event of s) if (event.type === 'content_block_delta') break;
      return s.controller.signal.aborted;
    },
    expect: { resolves: equals(true) },
  },
  {
    name: 'MessageStream.abort() mid-stream: aborted, done() rejects APIUserAbortError',
    replies: [stalledStream()],
    call: ({ client }) => stopMessageStream(client, 'abort'),
    expect: {
      resolves: (v: any) => void expect([v.aborted, v.done]).toEqual([true, expect.any(APIUserAbortError)]),
    },
  },
  {
    name: 'MessageStream, break out of for-await: aborted, done() rejects APIUserAbortError',
    replies: [longStream()],
    call: ({ client }) => stopMessageStream(client, 'break'),
    expect: {
      resolves: (v: any) => void expect([v.aborted, v.done]).toEqual([true, expect.any(APIUserAbortError)]),
    },
  },
  {
    name: 'MessageStream, signal aborted mid-stream: finalMessage() rejects APIUserAbortError',
    replies: [stalledStream()],
    call: ({ client }) => {
      const controller = new AbortController();
      const s = client.messages.stream(params, { signal: controller.signal });
      s.once('text', () => controller.abort());
      return s.finalMessage();
    },
    expect: { rejects: APIUserAbortError },
  },
  {
    name: 'MessageStream aborted with nobody listening: logged at debug, never unhandled',
    replies: [stalledStream()],
    call: async ({ client }) => {
      const s = client.messages.stream(params);
      s.once('text', () => s.abort());
      await new Promise((r) => setTimeout(r, 150));
      return s.aborted;
    },
    expect: {
      resolves: equals(true),
      check: ({ logs }: Ctx) => void expect(logs.filter((l) => /^(error|warn) /.test(l))).toEqual([]),
    },
  },
  {
    name: 'a finished stream, aborted afterwards: nothing happens',
    replies: [stream(textEvents('Hello'))],
    call: async ({ client }) => {
      const s = client.messages.stream(params);
      const m = await s.finalMessage();
      s.abort();
      return m.content;
    },
    expect: { resolves: [{ type: 'text', text: 'Hello' }] },
  },
];

const midBody: Scenario[] = [
  {
    name: 'a non-streaming body aborted mid-body',
    replies: [stallMidBody('{"id":"msg_1","ty', { 'content-type': 'application/json' })],
    call: (ctx) => ctx.client.messages.create(params, { signal: abortOnceSent(ctx) }),
    expect: { rejects: APIUserAbortError, withinMs: 1_000 },
  },
  {
    name: 'batch results aborted mid-body through the signal',
    replies: (_req, { index }) =>
      index === 0
        ? json(batch('/v1/messages/batches/msgbatch_1/results'))
        : stallMidBody(`${JSON.stringify(resultLine('a'))}\n`, { 'content-type': 'application/binary' }),
    call: async (ctx) => {
      const rows = await ctx.client.messages.batches.results('msgbatch_1', {
        signal: abortOnceSent(ctx, 30, 2),
      });
      for await (const _ of rows);
    },
    // As for event streams: aborting mid-iteration ends the loop quietly.
    expect: { resolves: () => undefined, requests: 2, withinMs: 1_000 },
  },
];

describe.each([
  ['requests', requests],
  ['mid-stream', midStream],
  ['mid-body', midBody],
])('fault matrix: aborts, %s', (_theme, rows) => {
  it.each(rows)('$name', (row) => runScenario(row));
});

import { describe, expect, it } from 'vitest';
import { Stream } from '../src/core/streaming.js';

function sseResponse(text: string): Response {
  return new Response(text, { headers: { 'content-type': 'text/event-stream' } });
}

const body = [1, 2, 3, 4].map((i) => `event: content_block_delta\ndata: {"i":${i}}\n\n`).join('');

async function collect(stream: AsyncIterable<unknown>): Promise<unknown[]> {
  const out: unknown[] = [];
  for await (const item of stream) out.push(item);
  return out;
}

describe('Stream utilities', () => {
  it('tee() gives two independent readers of the same events', async () => {
    const [a, b] = Stream.fromSSEResponse(sseResponse(body), new AbortController()).tee();
    const ai = a[Symbol.asyncIterator]();
    expect((await ai.next()).value).toEqual({ i: 1 });
    expect((await ai.next()).value).toEqual({ i: 2 });
    expect(await collect(b)).toEqual([{ i: 1 }, { i: 2 }, { i: 3 }, { i: 4 }]);
    expect(await collect({ [Symbol.asyncIterator]: () => ai })).toEqual([{ i: 3 }, { i: 4 }]);
  });

  it('toReadableStream() and fromReadableStream() round-trip items as NDJSON', async () => {
    const controller = new AbortController();
    const readable = Stream.fromSSEResponse(sseResponse(body), controller).toReadableStream();
    const text = await new Response(readable).text();
    expect(text).toBe('{"i":1}\n{"i":2}\n{"i":3}\n{"i":4}\n');
    const back = Stream.fromReadableStream(new Response(text).body!, controller);
    expect(await collect(back)).toEqual([{ i: 1 }, { i: 2 }, { i: 3 }, { i: 4 }]);
    expect(back.controller).toBe(controller);
  });

  it('fromServerSentEvents() applies the same event rules to pre-decoded events', async () => {
    async function* events() {
      yield { event: 'message_stop', data: '{"type":"message_stop"}', raw: [] };
      yield { event: 'ping', data: '{}', raw: [] };
      yield { event: 'error', data: '{"type":"error","error":{"message":"bad"}}', raw: [] };
    }
    const stream = Stream.fromServerSentEvents(events(), new AbortController());
    const seen: unknown[] = [];
    await expect(
      (async () => {
        for await (const e of stream) seen.push(e);
      })(),
    ).rejects.toThrow(/bad/);
    expect(seen).toEqual([{ type: 'message_stop' }]);
  });

  it('a response without a body rejects on iteration', async () => {
    const stream = Stream.fromSSEResponse(new Response(null), new AbortController());
    await expect(collect(stream)).rejects.toThrow(/no body/);
  });

  it('the constructor wraps any async iterator factory (as lib/MessageStream does)', async () => {
    async function* gen() {
      yield 1;
      yield 2;
    }
    const stream = new Stream(gen, new AbortController());
    expect(await collect(stream)).toEqual([1, 2]);
  });
});

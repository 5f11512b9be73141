import { afterEach, describe, expect, it } from 'vitest';
import { APIConnectionError, APIError, APIUserAbortError } from '../src/core/error.js';
import type { Stream } from '../src/core/streaming.js';
import { clientFor, dropMidBody, encodeSSE, type FaultServer, sse, startServer } from './client.js';

let server: FaultServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const start = { type: 'message_start', message: { id: 'msg_1' } };
const stop = { type: 'message_stop' };

async function streamFrom(reply: Parameters<typeof startServer>[0]): Promise<Stream<any>> {
  server = await startServer(reply);
  return clientFor(server).post<Stream<any>>('/v1/messages', { body: { stream: true }, stream: true });
}

async function collect(stream: AsyncIterable<unknown>): Promise<unknown[]> {
  const out: unknown[] = [];
  for await (const event of stream) out.push(event);
  return out;
}

describe('streaming events', () => {
  it('yields parsed events and skips ping', async () => {
    const stream = await streamFrom([
      sse([
        { event: 'message_start', data: start },
        { event: 'ping', data: { type: 'ping' } },
        { event: 'message_stop', data: stop },
      ]),
    ]);
    expect(await collect(stream)).toEqual([start, stop]);
  });

  it('skips unknown event types and bare named events, as 0.74.0 does', async () => {
    const future = { type: 'message_thought', text: 'hm' };
    const stream = await streamFrom([
      sse([
        { event: 'message_start', data: start },
        { event: 'message_thought', data: future },
        { event: 'weird', data: 'not json' },
        { data: { type: 'no_event_field' } },
        { event: 'message_stop', data: stop },
      ]),
    ]);
    expect(await collect(stream)).toEqual([start, stop]);
  });

  it('dispatches an event with a name and no data: ping is skipped, a message event fails to parse', async () => {
    const raw = (text: string) => [{ headers: { 'content-type': 'text/event-stream' }, body: text }];
    const ok = await streamFrom(
      raw(`${encodeSSE([{ event: 'message_start', data: start }])}event: ping\n\n`),
    );
    expect(await collect(ok)).toEqual([start]);
    const bad = await streamFrom(raw('event: content_block_stop\n\nevent: message_stop\ndata: {}\n\n'));
    await expect(collect(bad)).rejects.toThrow(SyntaxError);
  });

  it('turns event: error into an APIError thrown from the iterator, after earlier events', async () => {
    const body = { type: 'error', error: { type: 'overloaded_error', message: 'Overloaded' } };
    const stream = await streamFrom([
      sse(
        [
          { event: 'message_start', data: start },
          { event: 'error', data: body },
        ],
        { headers: { 'request-id': 'req_err' } },
      ),
    ]);
    const seen: unknown[] = [];
    const err = await (async () => {
      for await (const event of stream) seen.push(event);
    })().catch((e: any) => e);
    expect(seen).toEqual([start]);
    expect(err).toBeInstanceOf(APIError);
    expect(err).not.toBeInstanceOf(APIConnectionError);
    expect(err.error).toEqual(body);
    expect(err.message).toContain('Overloaded');
    expect(err.requestID).toBe('req_err');
  });

  it('a connection dropped mid-stream rejects with APIConnectionError (not a silent end)', async () => {
    const partial =
      encodeSSE([{ event: 'message_start', data: start }]) + 'event: content_block_delta\ndata: {"ty';
    const stream = await streamFrom([dropMidBody(partial, { 'content-type': 'text/event-stream' })]);
    const seen: unknown[] = [];
    const err = await (async () => {
      for await (const event of stream) seen.push(event);
    })().catch((e: any) => e);
    expect(seen).toEqual([start]);
    expect(err).toBeInstanceOf(APIConnectionError);
    expect(err).not.toBeInstanceOf(APIUserAbortError);
    expect(err.cause).toBeDefined();
  });

  it('invalid JSON in a known event throws', async () => {
    const stream = await streamFrom([sse('event: message_start\ndata: {nope\n\n')]);
    await expect(collect(stream)).rejects.toBeInstanceOf(SyntaxError);
  });

  it('a stream can only be iterated once', async () => {
    const stream = await streamFrom([sse([{ event: 'message_stop', data: stop }])]);
    await collect(stream);
    await expect(collect(stream)).rejects.toThrow(/Cannot iterate over a consumed stream/);
  });

  it('slow chunks arrive as they are sent', async () => {
    const events = [0, 1, 2].map((i) => ({
      event: 'content_block_delta',
      data: { type: 'content_block_delta', index: i },
    }));
    const stream = await streamFrom([sse(events, { chunkSize: 10, chunkDelayMs: 5 })]);
    expect(await collect(stream)).toEqual(events.map((e) => e.data));
  });
});

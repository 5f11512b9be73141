import { afterEach, describe, expect, it } from 'vitest';
import { APIConnectionTimeoutError, APIIdleTimeoutError } from '../src/core/error.js';
import type { Stream } from '../src/core/streaming.js';
import { clientFor, type FaultServer, sse, stallMidBody, startServer } from './client.js';

let server: FaultServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const timers = () => process.getActiveResourcesInfo().filter((r) => r === 'Timeout').length;
const delta = (i: number) => ({
  type: 'content_block_delta',
  index: 0,
  delta: { type: 'text_delta', text: `${i}` },
});

describe('idle timeout on response bodies', () => {
  it('fails a stream that stops sending bytes with APIIdleTimeoutError and closes the connection', async () => {
    const first = sse([{ event: 'content_block_delta', data: delta(0) }]).chunks![0]!;
    server = await startServer([stallMidBody(first, { 'content-type': 'text/event-stream' })]);
    const baseline = timers();
    const stream = await clientFor(server, { idleTimeout: 200 }).post<Stream<unknown>>('/v1/messages', {
      body: {},
      stream: true,
    });
    const seen: unknown[] = [];
    const start = Date.now();
    const err = await (async () => {
      for await (const event of stream) seen.push(event);
    })().catch((e: unknown) => e);
    expect(err).toBeInstanceOf(APIIdleTimeoutError);
    expect(err).toBeInstanceOf(APIConnectionTimeoutError);
    expect((err as APIIdleTimeoutError).idleMs).toBe(200);
    expect((err as Error).message).toBe('No data received for 200 ms; the connection was closed.');
    expect(seen).toEqual([delta(0)]);
    expect(Date.now() - start).toBeLessThan(2_000);
    await server.waitForNoSockets();
    expect(timers()).toBeLessThanOrEqual(baseline);
  });

  it('never cuts a slow but live stream: gaps shorter than the limit pass', async () => {
    const events = Array.from({ length: 6 }, (_, i) => ({ event: 'content_block_delta', data: delta(i) }));
    server = await startServer([sse(events, { chunkSize: 40, chunkDelayMs: 60 })]);
    const stream = await clientFor(server, { idleTimeout: 400 }).post<Stream<unknown>>('/v1/messages', {
      body: {},
      stream: true,
    });
    const seen: unknown[] = [];
    for await (const event of stream) seen.push(event);
    expect(seen).toEqual(events.map((e) => e.data));
  });

  it('does not count time the consumer spends between reads', async () => {
    const events = Array.from({ length: 3 }, (_, i) => ({ event: 'content_block_delta', data: delta(i) }));
    server = await startServer([sse(events)]);
    const stream = await clientFor(server, { idleTimeout: 100 }).post<Stream<unknown>>('/v1/messages', {
      body: {},
      stream: true,
    });
    const seen: unknown[] = [];
    for await (const event of stream) {
      seen.push(event);
      await new Promise((r) => setTimeout(r, 250));
    }
    expect(seen).toHaveLength(3);
  });

  it('a per-request idleTimeout overrides the client option, and 0 turns it off', async () => {
    const first = sse([{ event: 'content_block_delta', data: delta(0) }]).chunks![0]!;
    server = await startServer([stallMidBody(first, { 'content-type': 'text/event-stream' })]);
    const client = clientFor(server, { idleTimeout: 0 });
    const stream = await client.post<Stream<unknown>>('/v1/messages', {
      body: {},
      stream: true,
      idleTimeout: 150,
    });
    await expect(
      (async () => {
        for await (const _ of stream) void _;
      })(),
    ).rejects.toBeInstanceOf(APIIdleTimeoutError);
  });

  it('rejects a negative or fractional idleTimeout', async () => {
    server = await startServer([{ body: {} }]);
    await expect(clientFor(server, { idleTimeout: -1 }).get('/v1/x')).rejects.toThrow(/idleTimeout/);
    await expect(clientFor(server).get('/v1/x', { idleTimeout: 1.5 })).rejects.toThrow(/idleTimeout/);
  });
});

describe('timeout covers a non-streaming body', () => {
  it('a JSON body that stalls after its headers fails at the request timeout', async () => {
    server = await startServer([stallMidBody('{"partial": ', { 'content-type': 'application/json' })]);
    const start = Date.now();
    const err = await clientFor(server, { timeout: 300, maxRetries: 0, idleTimeout: 0 })
      .get('/v1/x')
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(APIConnectionTimeoutError);
    expect(err).not.toBeInstanceOf(APIIdleTimeoutError);
    expect(Date.now() - start).toBeGreaterThanOrEqual(280);
    expect(Date.now() - start).toBeLessThan(2_000);
    await server.waitForNoSockets();
  });

  it('the idle limit also applies to a JSON body when it is the shorter one', async () => {
    server = await startServer([stallMidBody('{"partial": ', { 'content-type': 'application/json' })]);
    const err = await clientFor(server, { timeout: 60_000, maxRetries: 0, idleTimeout: 150 })
      .get('/v1/x')
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(APIIdleTimeoutError);
  });

  it('a JSON body arriving in slow chunks within the timeout parses', async () => {
    server = await startServer([
      {
        headers: { 'content-type': 'application/json' },
        chunks: ['{"a":', '1,', '"b":2}'],
        chunkDelayMs: 50,
      },
    ]);
    await expect(clientFor(server, { timeout: 2_000, idleTimeout: 1_000 }).get('/v1/x')).resolves.toEqual({
      a: 1,
      b: 2,
    });
  });
});

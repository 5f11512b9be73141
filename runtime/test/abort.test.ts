import { afterEach, describe, expect, it } from 'vitest';
import { APIUserAbortError } from '../src/core/error.js';
import type { Stream } from '../src/core/streaming.js';
import {
  clientFor,
  type FaultServer,
  json,
  retryable,
  sse,
  stall,
  stallMidBody,
  startServer,
} from './client.js';

let server: FaultServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const timers = () => process.getActiveResourcesInfo().filter((r) => r === 'Timeout').length;
const delta = (i: number) => ({
  type: 'content_block_delta',
  index: 0,
  delta: { type: 'text_delta', text: `t${i}` },
});

describe('aborts', () => {
  it('an already-aborted signal rejects without sending anything', async () => {
    server = await startServer([json({})]);
    const controller = new AbortController();
    controller.abort();
    await expect(clientFor(server).get('/v1/x', { signal: controller.signal })).rejects.toBeInstanceOf(
      APIUserAbortError,
    );
    expect(server.requests).toHaveLength(0);
  });

  it('aborting while waiting for headers rejects with APIUserAbortError and closes the socket', async () => {
    server = await startServer([stall()]);
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 100);
    await expect(clientFor(server).get('/v1/x', { signal: controller.signal })).rejects.toBeInstanceOf(
      APIUserAbortError,
    );
    await server.waitForNoSockets();
  });

  it('aborting during a retry back-off stops retrying', async () => {
    server = await startServer([retryable(529, { retryAfterMs: '5000' }), json({})]);
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 150);
    const start = Date.now();
    await expect(clientFor(server).get('/v1/x', { signal: controller.signal })).rejects.toBeInstanceOf(
      APIUserAbortError,
    );
    expect(Date.now() - start).toBeLessThan(2_000);
    expect(server.requests).toHaveLength(1);
  });

  it('aborting mid-stream through the signal ends the loop without an error (as in 0.74.0), leaving no socket or timer open', async () => {
    const first = sse([{ event: 'content_block_delta', data: delta(0) }]).chunks![0]!;
    server = await startServer([stallMidBody(first, { 'content-type': 'text/event-stream' })]);
    const baseline = timers();
    const controller = new AbortController();
    const stream = await clientFor(server).post<Stream<unknown>>('/v1/messages', {
      body: {},
      stream: true,
      signal: controller.signal,
    });
    const seen: unknown[] = [];
    const consumed = (async () => {
      for await (const event of stream) {
        seen.push(event);
        controller.abort();
      }
    })();
    await expect(consumed).resolves.toBeUndefined();
    expect(seen).toEqual([delta(0)]);
    await server.waitForNoSockets();
    expect(timers()).toBeLessThanOrEqual(baseline);
  });

  it('stream.controller.abort() also ends the iteration quietly and frees the connection', async () => {
    const first = sse([{ event: 'content_block_delta', data: delta(0) }]).chunks![0]!;
    server = await startServer([stallMidBody(first, { 'content-type': 'text/event-stream' })]);
    const stream = await clientFor(server).post<Stream<unknown>>('/v1/messages', { body: {}, stream: true });
    const iterator = stream[Symbol.asyncIterator]();
    await expect(iterator.next()).resolves.toEqual({ done: false, value: delta(0) });
    const pending = iterator.next();
    stream.controller.abort();
    await expect(pending).resolves.toEqual({ done: true, value: undefined });
    await expect(iterator.next()).resolves.toEqual({ done: true, value: undefined });
    await server.waitForNoSockets();
  });

  it('breaking out of for-await early closes the connection', async () => {
    const events = Array.from({ length: 50 }, (_, i) => ({ event: 'content_block_delta', data: delta(i) }));
    server = await startServer([sse(events, { chunkSize: 64, chunkDelayMs: 5 })]);
    const stream = await clientFor(server).post<Stream<unknown>>('/v1/messages', { body: {}, stream: true });
    let count = 0;
    for await (const _ of stream) {
      if (++count === 3) break;
    }
    expect(count).toBe(3);
    expect(stream.controller.signal.aborted).toBe(true);
    await server.waitForNoSockets();
  });
});

import { afterEach, describe, expect, it } from 'vitest';
import {
  dropConnection,
  dropMidBody,
  type FaultServer,
  json,
  retryable,
  sse,
  stall,
  stallMidBody,
  startServer,
} from './fault-server.js';

let server: FaultServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

describe('fault server', () => {
  it('records method, url, headers and exact body bytes', async () => {
    server = await startServer([json({ ok: 1 })]);
    const body = new Uint8Array([0, 255, 10, 13]);
    const res = await fetch(`${server.url}/v1/x?a=1`, { method: 'PUT', body, headers: { 'x-t': 'v' } });
    expect(await res.json()).toEqual({ ok: 1 });
    const [req] = server.requests;
    expect([req!.method, req!.url, req!.headers['x-t']]).toEqual(['PUT', '/v1/x?a=1', 'v']);
    expect([...req!.body]).toEqual([0, 255, 10, 13]);
  });

  it('answers past the end of a script with a 500 that says so', async () => {
    server = await startServer([]);
    const res = await fetch(server.url);
    expect(res.status).toBe(500);
    expect(await res.text()).toContain('no scripted reply #0');
  });

  it('sets retry headers', async () => {
    server = await startServer([
      retryable(429, { retryAfter: '2', retryAfterMs: '5', shouldRetry: 'false' }),
    ]);
    const res = await fetch(server.url);
    expect(res.status).toBe(429);
    expect([...res.headers].filter(([k]) => k.includes('retry'))).toEqual([
      ['retry-after', '2'],
      ['retry-after-ms', '5'],
      ['x-should-retry', 'false'],
    ]);
  });

  it('streams SSE in slow chunks', async () => {
    server = await startServer([sse([{ event: 'a', data: { n: 1 } }], { chunkSize: 4, chunkDelayMs: 2 })]);
    const res = await fetch(server.url);
    expect(res.headers.get('content-type')).toBe('text/event-stream');
    expect(await res.text()).toBe('event: a\ndata: {"n":1}\n\n');
  });

  it('drops a connection before headers and in the middle of a body', async () => {
    server = await startServer([dropConnection(), dropMidBody('partial')]);
    await expect(fetch(server.url)).rejects.toThrow();
    const res = await fetch(server.url);
    await expect(res.text()).rejects.toThrow();
  });

  it('close() ends stalled requests and open bodies promptly', async () => {
    server = await startServer([stall(), stallMidBody('first')]);
    const stalled = fetch(server.url).catch((e: unknown) => e);
    const open = await fetch(server.url);
    const reader = open.body!.getReader();
    expect(new TextDecoder().decode((await reader.read()).value)).toBe('first');
    const pending = reader.read().catch((e: unknown) => e);
    await new Promise((r) => setTimeout(r, 20));
    expect(server.openSockets()).toBe(2);
    const start = Date.now();
    await server.close();
    expect(Date.now() - start).toBeLessThan(1_000);
    expect(await stalled).toBeInstanceOf(Error);
    expect(await pending).toBeInstanceOf(Error);
  });
});

import { afterEach, describe, expect, it } from 'vitest';
import { BadRequestError } from '../src/core/error.js';
import type { Middleware } from '../src/core/middleware.js';
import type { Stream } from '../src/core/streaming.js';
import {
  clientFor,
  dropConnection,
  type FaultServer,
  json,
  retryable,
  sse,
  stallMidBody,
  startServer,
  TestClient,
} from './client.js';

let server: FaultServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const ok = (body: unknown = { ok: true }) => json(body);
const fast = (status: number) => retryable(status, { retryAfterMs: '0' });

/** A middleware that records its name on the way in and out. */
const tracer =
  (name: string, log: string[]): Middleware =>
  async (request, next) => {
    log.push(`${name}>`);
    const response = await next(request);
    log.push(`<${name}`);
    return response;
  };

describe('middleware', () => {
  it('runs client middleware before request middleware, around the fetch', async () => {
    server = await startServer([ok()]);
    const log: string[] = [];
    const client = clientFor(server, { middleware: [tracer('a', log), tracer('b', log)] });
    await client.get('/v1/x', { middleware: [tracer('r', log)] });
    expect(log).toEqual(['a>', 'b>', 'r>', '<r', '<b', '<a']);
  });

  it('sees the request as it will be sent, with the call options', async () => {
    server = await startServer([ok()]);
    let seen: { url: string; method?: string | undefined; options: unknown } | undefined;
    const client = clientFor(server, {
      middleware: [
        (request, next, ctx) => {
          seen = { url: request.url, method: request.method, options: ctx.options.path };
          return next(request);
        },
      ],
    });
    await client.post('/v1/x', { body: {}, query: { q: 1 } });
    expect(seen).toEqual({ url: `${server.url}/v1/x?q=1`, method: 'POST', options: '/v1/x' });
  });

  it('can change the request: a header and the URL it adds reach the server', async () => {
    server = await startServer([ok()]);
    const client = clientFor(server, {
      middleware: [
        (request, next) => {
          request.headers.set('x-added', 'yes');
          return next({ ...request, url: `${request.url}?via=mw` });
        },
      ],
    });
    await client.get('/v1/x');
    expect(server.requests[0]!.headers['x-added']).toBe('yes');
    expect(server.requests[0]!.url).toBe('/v1/x?via=mw');
  });

  it('can answer without calling next: nothing is sent and the answer is parsed as the API would be', async () => {
    server = await startServer([ok()]);
    const client = clientFor(server, {
      middleware: [
        async () =>
          new Response(JSON.stringify({ cached: 1 }), { headers: { 'content-type': 'application/json' } }),
      ],
    });
    await expect(client.get('/v1/x')).resolves.toEqual({ cached: 1 });
    expect(server.requests).toHaveLength(0);
  });

  it('a replaced error response is what the caller gets (a 400 becomes a 200)', async () => {
    server = await startServer([retryable(400)]);
    const client = clientFor(server, {
      middleware: [
        async (request, next) => {
          const response = await next(request);
          if (response.status !== 400) return response;
          await response.body?.cancel();
          return Response.json({ fixed: true });
        },
      ],
    });
    await expect(client.get('/v1/x')).resolves.toEqual({ fixed: true });
  });

  it('runs again on every retry, with the attempt number in the context', async () => {
    server = await startServer([fast(500), fast(503), ok()]);
    const seen: number[] = [];
    const client = clientFor(server, {
      middleware: [
        (request, next, ctx) => {
          seen.push(ctx.retryCount);
          return next(request);
        },
      ],
    });
    await expect(client.get('/v1/x')).resolves.toEqual({ ok: true });
    expect(seen).toEqual([0, 1, 2]);
    expect(server.requests).toHaveLength(3);
  });

  it('a connection error from fetch is retried as without middleware', async () => {
    server = await startServer([dropConnection(), ok()]);
    let calls = 0;
    const client = clientFor(server, {
      middleware: [
        (request, next) => {
          calls++;
          return next(request);
        },
      ],
    });
    await expect(client.get('/v1/x')).resolves.toEqual({ ok: true });
    expect(calls).toBe(2);
  });

  it('an error thrown by a middleware is not retried and reaches the caller as thrown', async () => {
    server = await startServer([ok(), ok()]);
    const boom = new TypeError('middleware says no');
    let calls = 0;
    const client = clientFor(server, {
      middleware: [
        async () => {
          calls++;
          throw boom;
        },
      ],
    });
    await expect(client.get('/v1/x')).rejects.toBe(boom);
    expect(calls).toBe(1);
    expect(server.requests).toHaveLength(0);
  });

  it('an error thrown after next() is not retried either, and the status error is not made', async () => {
    server = await startServer([fast(500), ok()]);
    const boom = new Error('after');
    const client = clientFor(server, {
      middleware: [
        async (request, next) => {
          await next(request);
          throw boom;
        },
      ],
    });
    await expect(client.get('/v1/x')).rejects.toBe(boom);
    expect(server.requests).toHaveLength(1);
  });

  it("may call next() twice (its own retry); the final status error is still the SDK's", async () => {
    server = await startServer([retryable(400), retryable(400), ok()]);
    const client = clientFor(server, {
      maxRetries: 0,
      middleware: [
        async (request, next) => {
          const first = await next(request);
          if (first.status !== 400) return first;
          await first.body?.cancel();
          return next(request);
        },
      ],
    });
    await expect(client.get('/v1/x')).rejects.toBeInstanceOf(BadRequestError);
    expect(server.requests).toHaveLength(2);
  });

  it('passes a streaming body through unread: the first event arrives while the server still holds the rest', async () => {
    const first = sse([{ event: 'content_block_delta', data: { i: 0 } }]).chunks![0]!;
    server = await startServer([stallMidBody(first, { 'content-type': 'text/event-stream' })]);
    let sawStream = false;
    const client = clientFor(server, {
      middleware: [
        async (request, next, ctx) => {
          const response = await next(request);
          sawStream = ctx.options.stream === true && response.body !== null && !response.bodyUsed;
          return response;
        },
      ],
    });
    const stream = await client.post<Stream<unknown>>('/v1/messages', { body: {}, stream: true });
    const iterator = stream[Symbol.asyncIterator]();
    await expect(iterator.next()).resolves.toEqual({ done: false, value: { i: 0 } });
    expect(sawStream).toBe(true);
    stream.controller.abort();
    await server.waitForNoSockets();
  });

  it('ctx.parse reads a clone: the middleware sees the body and so does the caller', async () => {
    server = await startServer([ok({ id: 'm1' })]);
    let parsed: unknown;
    const client = clientFor(server, {
      middleware: [
        async (request, next, ctx) => {
          const response = await next(request);
          parsed = await ctx.parse(response);
          expect(await ctx.parse(response)).toBe(parsed);
          return response;
        },
      ],
    });
    await expect(client.get('/v1/x')).resolves.toEqual({ id: 'm1' });
    expect(parsed).toEqual({ id: 'm1' });
  });

  it('refuses a response whose body the middleware consumed, saying how to inspect it instead', async () => {
    server = await startServer([ok()]);
    const client = clientFor(server, {
      middleware: [
        async (request, next) => {
          const response = await next(request);
          await response.text();
          return response;
        },
      ],
    });
    await expect(client.get('/v1/x')).rejects.toThrow(/consumed the response body.*clone\(\)/);
  });

  it('withOptions() keeps the client chain; per-request middleware applies to that request only', async () => {
    server = await startServer([ok(), ok(), ok()]);
    const log: string[] = [];
    const client = clientFor(server, { middleware: [tracer('c', log)] });
    await client.withOptions({ maxRetries: 5 }).get('/v1/x');
    await client.get('/v1/x', { middleware: [tracer('r', log)] });
    await client.get('/v1/x');
    expect(log).toEqual(['c>', '<c', 'c>', 'r>', '<r', '<c', 'c>', '<c']);
  });

  it('the retry policy judges the response the chain returns: a 500 replaced by a 200 is not retried', async () => {
    server = await startServer([fast(500), ok()]);
    const client = clientFor(server, {
      middleware: [
        async (request, next) => {
          const response = await next(request);
          if (response.ok) return response;
          await response.body?.cancel();
          return Response.json({ patched: true });
        },
      ],
    });
    await expect(client.get('/v1/x')).resolves.toEqual({ patched: true });
    expect(server.requests).toHaveLength(1);
  });

  it('runs before prepareRequest: what a middleware changes in the body is what the client signs', async () => {
    server = await startServer([ok()]);
    class SigningClient extends TestClient {
      protected override async prepareRequest(request: RequestInit): Promise<void> {
        (request.headers as Headers).set('x-signature', `len:${String(request.body).length}`);
      }
    }
    const client = new SigningClient({
      apiKey: 'sk-test-key-123456',
      baseURL: server.url,
      logLevel: 'off',
      middleware: [
        (request, next) => next({ ...request, body: JSON.stringify({ edited: 'by middleware' }) }),
      ],
    });
    await client.post('/v1/x', { body: { a: 1 } });
    const seen = server.requests[0]!;
    expect(seen.json()).toEqual({ edited: 'by middleware' });
    expect(seen.headers['x-signature']).toBe(`len:${seen.body.length}`);
  });
});

import { afterEach, describe, expect, it } from 'vitest';
import { BadRequestError, InternalServerError, RateLimitError } from '../src/core/error.js';
import { clientFor, dropConnection, type FaultServer, json, retryable, startServer } from './client.js';

let server: FaultServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const ok = () => json({ ok: true });
// retry-after-ms: 0 keeps these tests fast while still going through the retry path.
const fast = (status: number) => retryable(status, { retryAfterMs: '0' });

describe('retries', () => {
  it.each([408, 409, 429, 500, 502, 503, 504, 529])(
    'retries a %i and counts the attempts',
    async (status) => {
      server = await startServer([fast(status), fast(status), ok()]);
      const result = await clientFor(server).post('/v1/x', { body: { a: 1 } });
      expect(result).toEqual({ ok: true });
      expect(server.requests).toHaveLength(3);
      expect(server.requests.map((r) => r.headers['x-stainless-retry-count'])).toEqual(['0', '1', '2']);
      // Every attempt re-sends the full body.
      expect(server.requests.map((r) => r.json())).toEqual([{ a: 1 }, { a: 1 }, { a: 1 }]);
    },
  );

  it.each([400, 401, 403, 404, 422])('does not retry a %i', async (status) => {
    server = await startServer([fast(status), ok()]);
    await expect(clientFor(server).get('/v1/x')).rejects.toMatchObject({ status });
    expect(server.requests).toHaveLength(1);
  });

  it('gives up after maxRetries and throws the last status error', async () => {
    server = await startServer([fast(529), fast(529), fast(529), ok()]);
    const err: any = await clientFor(server)
      .get('/v1/x')
      .catch((e: any) => e);
    expect(err).toBeInstanceOf(InternalServerError);
    expect(err.status).toBe(529);
    expect(server.requests).toHaveLength(3);
  });

  it('honours client and per-request maxRetries', async () => {
    server = await startServer([fast(500), fast(500), fast(500), fast(500), fast(500), ok()]);
    const client = clientFor(server, { maxRetries: 0 });
    await expect(client.get('/v1/x')).rejects.toBeInstanceOf(InternalServerError);
    expect(server.requests).toHaveLength(1);
    await expect(client.get('/v1/x', { maxRetries: 4 })).resolves.toEqual({ ok: true });
    expect(server.requests).toHaveLength(6);
  });

  it('x-should-retry: true retries a status that is otherwise final', async () => {
    server = await startServer([retryable(400, { shouldRetry: 'true', retryAfterMs: '0' }), ok()]);
    await expect(clientFor(server).get('/v1/x')).resolves.toEqual({ ok: true });
    expect(server.requests).toHaveLength(2);
  });

  it('x-should-retry: false stops a retryable status', async () => {
    server = await startServer([retryable(429, { shouldRetry: 'false' }), ok()]);
    await expect(clientFor(server).get('/v1/x')).rejects.toBeInstanceOf(RateLimitError);
    expect(server.requests).toHaveLength(1);
  });

  it('waits retry-after-ms milliseconds', async () => {
    server = await startServer([retryable(429, { retryAfterMs: '300' }), ok()]);
    const start = Date.now();
    await clientFor(server).get('/v1/x');
    expect(Date.now() - start).toBeGreaterThanOrEqual(280);
  });

  it('prefers retry-after-ms over retry-after', async () => {
    server = await startServer([retryable(503, { retryAfterMs: '10', retryAfter: '30' }), ok()]);
    const start = Date.now();
    await clientFor(server).get('/v1/x');
    expect(Date.now() - start).toBeLessThan(2_000);
  });

  it('waits retry-after seconds', async () => {
    server = await startServer([retryable(429, { retryAfter: '1' }), ok()]);
    const start = Date.now();
    await clientFor(server).get('/v1/x');
    expect(Date.now() - start).toBeGreaterThanOrEqual(950);
  });

  it('waits until a retry-after HTTP date', async () => {
    const date = new Date(Date.now() + 1_500).toUTCString(); // second precision: 0.5-1.5 s away
    server = await startServer([retryable(503, { retryAfter: date }), ok()]);
    const start = Date.now();
    await clientFor(server).get('/v1/x');
    const waited = Date.now() - start;
    expect(waited).toBeGreaterThanOrEqual(400);
    expect(waited).toBeLessThan(3_000);
  });

  it('ignores a retry-after of a minute or more and backs off 0.5 s with jitter instead', async () => {
    server = await startServer([retryable(429, { retryAfter: '120' }), ok()]);
    const start = Date.now();
    await clientFor(server).get('/v1/x');
    const waited = Date.now() - start;
    expect(waited).toBeGreaterThanOrEqual(370); // 500 ms minus at most 25% jitter
    expect(waited).toBeLessThan(2_000);
  });

  it('backs off exponentially without retry headers (0.5 s, then 1 s)', async () => {
    server = await startServer([retryable(500), retryable(500), ok()]);
    const start = Date.now();
    await clientFor(server).get('/v1/x');
    expect(Date.now() - start).toBeGreaterThanOrEqual(1_120); // (500 + 1000) * 0.75
  });

  it('retries a connection dropped before any response', async () => {
    server = await startServer([dropConnection(), ok()]);
    await expect(clientFor(server).get('/v1/x')).resolves.toEqual({ ok: true });
    expect(server.requests).toHaveLength(2);
  });

  it('surfaces the status error when the retried request also fails with a final status', async () => {
    server = await startServer([fast(500), retryable(400)]);
    await expect(clientFor(server).get('/v1/x')).rejects.toBeInstanceOf(BadRequestError);
    expect(server.requests).toHaveLength(2);
  });
});

describe('request URL', () => {
  it('is built once per attempt, and each attempt goes to it', async () => {
    server = await startServer([ok(), fast(500), fast(500), ok()]);
    const client = clientFor(server);
    let built = 0;
    const buildURL = client.buildURL.bind(client);
    client.buildURL = (...args: Parameters<typeof buildURL>) => {
      built++;
      return buildURL(...args);
    };
    // The first request also works out the credential origin of the base URL (once per client and base URL).
    await client.get('/v1/warm');
    built = 0;
    await expect(client.get('/v1/x', { query: { a: 1 } })).resolves.toEqual({ ok: true });
    expect(built).toBe(3);
    expect(server.requests.slice(1).map((r) => r.url)).toEqual(['/v1/x?a=1', '/v1/x?a=1', '/v1/x?a=1']);
  });
});

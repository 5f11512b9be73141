import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { SDKError } from '../src/core/error.js';
import { clientFor, type FaultServer, json, startServer, TestClient } from './client.js';

let server: FaultServer | undefined;
beforeEach(async () => {
  server = await startServer(() => json({ ok: true }));
});
afterEach(async () => {
  vi.unstubAllEnvs();
  await server?.close();
  server = undefined;
});

const lastHeaders = () => server!.requests.at(-1)!.headers;

describe('client options', () => {
  it('sends x-api-key, example-version, accept and a user agent', async () => {
    await clientFor(server!, { apiKey: 'sk-1' }).get('/v1/x');
    const h = lastHeaders();
    expect(h['x-api-key']).toBe('sk-1');
    expect(h['example-version']).toBe('2024-01-01');
    expect(h.accept).toBe('application/json');
    expect(h['user-agent']).toMatch(/^TestClient\/JS /);
    expect(h.authorization).toBeUndefined();
  });

  it('sends Authorization: Bearer for an auth token', async () => {
    await clientFor(server!, { apiKey: null, authToken: 'tok' }).get('/v1/x');
    expect(lastHeaders().authorization).toBe('Bearer tok');
    expect(lastHeaders()['x-api-key']).toBeUndefined();
  });

  it('reads EXAMPLE_API_KEY, EXAMPLE_AUTH_TOKEN, EXAMPLE_BASE_URL and EXAMPLE_LOG', async () => {
    vi.stubEnv('EXAMPLE_API_KEY', ' env-key ');
    vi.stubEnv('EXAMPLE_AUTH_TOKEN', 'env-token');
    vi.stubEnv('EXAMPLE_BASE_URL', server!.url);
    vi.stubEnv('EXAMPLE_LOG', 'debug');
    const client = new TestClient({ logger: { error() {}, warn() {}, info() {}, debug() {} } });
    expect([client.apiKey, client.authToken, client.baseURL, client.logLevel]).toEqual([
      'env-key',
      'env-token',
      server!.url,
      'debug',
    ]);
    await client.get('/v1/x');
    expect(lastHeaders()['x-api-key']).toBe('env-key');
  });

  it("defaults: the SDK's base URL, 10 minute timeout, 2 retries, warn level", () => {
    vi.stubEnv('EXAMPLE_BASE_URL', '');
    vi.stubEnv('EXAMPLE_LOG', '');
    const client = new TestClient({ apiKey: 'k' });
    expect([client.baseURL, client.timeout, client.maxRetries, client.logLevel]).toEqual([
      'https://api.example.com',
      600_000,
      2,
      'warn',
    ]);
  });

  it('throws a clear error when no credentials are available', async () => {
    const client = clientFor(server!, { apiKey: null, authToken: null });
    await expect(client.get('/v1/x')).rejects.toThrow(SDKError);
    await expect(client.get('/v1/x')).rejects.toThrow(/Could not resolve authentication method/);
    expect(server!.requests).toHaveLength(0);
  });

  it('a header explicitly set to null removes a default and satisfies auth validation', async () => {
    const client = clientFor(server!, { apiKey: null, defaultHeaders: { 'x-team': 'a', 'x-other': 'b' } });
    await client.get('/v1/x', { headers: { 'x-api-key': null, 'x-other': null, 'X-Team': 'c' } });
    const h = lastHeaders();
    expect([h['x-team'], h['x-other'], h['x-api-key']]).toEqual(['c', undefined, undefined]);
  });

  it('merges defaultQuery with per-request query, dropping undefined', async () => {
    const client = clientFor(server!, { defaultQuery: { a: '1', b: '2' } });
    await client.get('/v1/x', { query: { b: undefined, c: 3, d: null } });
    expect(server!.requests.at(-1)!.url).toBe('/v1/x?a=1&c=3&d=');
  });

  it('keeps a query that is part of the path (beta operations) and appends the query object', async () => {
    const client = clientFor(server!);
    await client.get('/v1/files?beta=true', { query: { limit: 2, after_id: undefined } });
    await client.get('/v1/files?beta=true', { query: {} });
    expect(server!.requests.map((r) => r.url)).toEqual([
      '/v1/files?beta=true&limit=2',
      '/v1/files?beta=true',
    ]);
  });

  it('an apiKey function is called before each request', async () => {
    let n = 0;
    const client = clientFor(server!, { apiKey: async () => `rotating-${++n}` });
    await client.get('/v1/x');
    await client.get('/v1/x');
    expect(server!.requests.map((r) => r.headers['x-api-key'])).toEqual(['rotating-1', 'rotating-2']);
    const bad = clientFor(server!, { apiKey: async () => '' });
    await expect(bad.get('/v1/x')).rejects.toThrow(/non-empty string/);
  });

  it('withOptions() returns a new client of the same class with overrides, keeping the rest', async () => {
    const base = clientFor(server!, { apiKey: 'sk-base', maxRetries: 1, defaultHeaders: { 'x-a': '1' } });
    const derived = base.withOptions({ timeout: 1234, apiKey: 'sk-derived' });
    expect(derived).toBeInstanceOf(TestClient);
    expect(derived).not.toBe(base);
    expect([derived.timeout, derived.maxRetries, derived.baseURL]).toEqual([1234, 1, server!.url]);
    expect(base.timeout).toBe(600_000);
    await derived.get('/v1/x');
    expect(lastHeaders()['x-api-key']).toBe('sk-derived');
    expect(lastHeaders()['x-a']).toBe('1');
  });

  it('uses a custom fetch, and passes fetchOptions through', async () => {
    const seen: Array<{ url: string; init: RequestInit }> = [];
    const client = clientFor(server!, {
      fetch: (url, init) => {
        seen.push({ url: String(url), init: init! });
        return fetch(url, init);
      },
      fetchOptions: { keepalive: false, cache: 'no-store' },
    });
    await client.post('/v1/x', { body: { a: 1 }, fetchOptions: { cache: 'no-cache' } });
    expect(seen).toHaveLength(1);
    expect(seen[0]!.url).toBe(`${server!.url}/v1/x`);
    expect(seen[0]!.init.method).toBe('POST');
    expect(seen[0]!.init.body).toBe('{"a":1}');
    expect(seen[0]!.init.cache).toBe('no-cache');
    expect(seen[0]!.init.keepalive).toBe(false);
  });

  it('joins a base URL that has a path and trailing slash', async () => {
    const client = clientFor(server!, { baseURL: `${server!.url}/proxy/` });
    await client.get('/v1/x');
    expect(server!.requests.at(-1)!.url).toBe('/proxy/v1/x');
  });
});

import { afterEach, describe, expect, it } from 'vitest';
import { APIConnectionError, APIConnectionTimeoutError } from '../src/core/error.js';
import { clientFor, type FaultServer, json, stall, startServer } from './client.js';

let server: FaultServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const timers = () => process.getActiveResourcesInfo().filter((r) => r === 'Timeout').length;

describe('timeouts', () => {
  it('rejects with APIConnectionTimeoutError when headers do not arrive in time', async () => {
    server = await startServer([stall()]);
    const start = Date.now();
    const err: any = await clientFor(server, { timeout: 200, maxRetries: 0 })
      .get('/v1/x')
      .catch((e: any) => e);
    expect(err).toBeInstanceOf(APIConnectionTimeoutError);
    expect(err).toBeInstanceOf(APIConnectionError);
    expect(err.cause).toBeDefined();
    expect(Date.now() - start).toBeGreaterThanOrEqual(190);
    expect(Date.now() - start).toBeLessThan(2_000);
    expect(server.requests).toHaveLength(1);
  });

  it('retries timeouts like connection errors', async () => {
    server = await startServer([stall(), json({ ok: true })]);
    const client = clientFor(server, { timeout: 1_000, maxRetries: 1 });
    await expect(client.get('/v1/x')).resolves.toEqual({ ok: true });
    expect(server.requests).toHaveLength(2);
  });

  it('a per-request timeout overrides the client default', async () => {
    server = await startServer([stall(), stall()]);
    const client = clientFor(server, { timeout: 60_000, maxRetries: 0 });
    await expect(client.get('/v1/x', { timeout: 100 })).rejects.toBeInstanceOf(APIConnectionTimeoutError);
  });

  it('a stall shorter than the timeout succeeds', async () => {
    server = await startServer([stall(100, json({ ok: true }))]);
    await expect(clientFor(server, { timeout: 2_000 }).get('/v1/x')).resolves.toEqual({ ok: true });
  });

  it('sends the timeout in seconds as a header', async () => {
    server = await startServer([json({})]);
    await clientFor(server, { timeout: 42_000 }).get('/v1/x');
    expect(server.requests[0]!.headers['x-stainless-timeout']).toBe('42');
  });

  it('leaves no timer behind after a successful or timed-out request', async () => {
    server = await startServer([json({ ok: true }), stall()]);
    const before = timers();
    const client = clientFor(server, { timeout: 100, maxRetries: 0 });
    await client.get('/v1/x');
    await client.get('/v1/x').catch(() => undefined);
    await new Promise((r) => setImmediate(r));
    expect(timers()).toBeLessThanOrEqual(before);
  });

  it('rejects a non-integer timeout', async () => {
    server = await startServer([json({})]);
    await expect(clientFor(server).get('/v1/x', { timeout: 1.5 })).rejects.toThrow(
      /timeout must be an integer/,
    );
  });
});

describe('timeout classification is by error type, not message text', () => {
  const failingWith = (error: unknown) => async () => {
    throw error;
  };

  it.each([
    ['an error quoting the x-stainless-timeout header', new TypeError('invalid header: x-stainless-timeout')],
    [
      'a reset whose cause mentions "timed out" in prose',
      new TypeError('fetch failed', { cause: new Error('it timed out?') }),
    ],
  ])('%s is a connection error, not a timeout', async (_label, error) => {
    server = await startServer([json({})]);
    const err: any = await clientFor(server, { maxRetries: 0, fetch: failingWith(error) })
      .get('/v1/x')
      .catch((e: any) => e);
    expect(err).toBeInstanceOf(APIConnectionError);
    expect(err).not.toBeInstanceOf(APIConnectionTimeoutError);
    expect(err.message).toBe('Connection error.');
    expect(err.cause).toBe(error);
  });

  it.each([
    ['a DOMException TimeoutError', new DOMException('The operation timed out.', 'TimeoutError')],
    [
      'undici ConnectTimeoutError as cause',
      new TypeError('fetch failed', {
        cause: Object.assign(new Error('Connect Timeout Error'), {
          name: 'ConnectTimeoutError',
          code: 'UND_ERR_CONNECT_TIMEOUT',
        }),
      }),
    ],
    [
      'an ETIMEDOUT socket error as cause',
      new TypeError('fetch failed', {
        cause: Object.assign(new Error('connect ETIMEDOUT'), { code: 'ETIMEDOUT' }),
      }),
    ],
  ])('%s is a timeout', async (_label, error) => {
    server = await startServer([json({})]);
    const err: any = await clientFor(server, { maxRetries: 0, fetch: failingWith(error) })
      .get('/v1/x')
      .catch((e: any) => e);
    expect(err).toBeInstanceOf(APIConnectionTimeoutError);
  });
});

import { inspect } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { clientFor, type FaultServer, json, retryable, startServer } from './client.js';

let server: FaultServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const KEY = 'sk-ant-secret-KEY-0123456789';
const TOKEN = 'tok-secret-TOKEN-9876543210';

function captureLogger() {
  const lines: string[] = [];
  const push =
    (level: string) =>
    (...args: unknown[]) =>
      lines.push(`${level} ${args.map((a) => (typeof a === 'string' ? a : JSON.stringify(a))).join(' ')}`);
  return {
    lines,
    logger: { error: push('error'), warn: push('warn'), info: push('info'), debug: push('debug') },
  };
}

describe('secrets never leak', () => {
  it('debug logs mask x-api-key and authorization in every line', async () => {
    server = await startServer([retryable(529, { retryAfterMs: '0' }), json({ echo: 'ok' })]);
    const { lines, logger } = captureLogger();
    const client = clientFor(server, { apiKey: KEY, authToken: TOKEN, logger, logLevel: 'debug' });
    await client.post('/v1/x', { body: { hello: 'world' } });
    expect(lines.length).toBeGreaterThan(4);
    expect(lines.some((l) => l.includes('"x-api-key":"***"'))).toBe(true);
    expect(lines.some((l) => l.includes('"authorization":"***"'))).toBe(true);
    expect(lines.some((l) => l.includes('retrying'))).toBe(true);
    for (const line of lines) {
      expect(line).not.toContain(KEY);
      expect(line).not.toContain(TOKEN);
    }
    // ...while the server did receive them.
    expect(server.requests[0]!.headers['x-api-key']).toBe(KEY);
    expect(server.requests[0]!.headers.authorization).toBe(`Bearer ${TOKEN}`);
  });

  it('a key echoed back in an error body is masked in the error and in logs', async () => {
    server = await startServer([
      { status: 401, headers: { 'content-type': 'text/plain' }, body: `invalid x-api-key: ${KEY}` },
      {
        status: 400,
        body: { type: 'error', error: { type: 'invalid_request_error', message: `bad key ${KEY}` } },
      },
    ]);
    const { lines, logger } = captureLogger();
    const client = clientFor(server, { apiKey: KEY, logger, logLevel: 'debug' });
    for (const expected of ['invalid x-api-key: ***', 'bad key ***']) {
      const err: any = await client.get('/v1/x').catch((e: any) => e);
      expect(err.message).toContain(expected);
      expect(err.message).not.toContain(KEY);
      expect(JSON.stringify(err.error ?? null)).not.toContain(KEY);
    }
    for (const line of lines) expect(line).not.toContain(KEY);
  });

  it('a message that embeds the key is masked even when logged by the SDK at warn level', async () => {
    const { lines, logger } = captureLogger();
    // An invalid log level is reported through the client's logger; the key is in no line.
    clientFor({ url: 'http://127.0.0.1:1' } as FaultServer, { apiKey: KEY, logger, logLevel: KEY as never });
    expect(lines.length).toBe(1);
    expect(lines[0]).toContain('ClientOptions.logLevel');
    expect(lines[0]).not.toContain(KEY);
  });

  it('logLevel off logs nothing', async () => {
    server = await startServer([json({})]);
    const { lines, logger } = captureLogger();
    await clientFor(server, { logger, logLevel: 'off' }).get('/v1/x');
    expect(lines).toEqual([]);
  });

  it('info level logs one summary per attempt but no debug details', async () => {
    server = await startServer([json({})]);
    const { lines, logger } = captureLogger();
    await clientFor(server, { logger, logLevel: 'info' }).get('/v1/x');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(
      /^info \[log_[0-9a-f]{6}\] GET http:\/\/127\.0\.0\.1:\d+\/v1\/x succeeded with status 200/,
    );
  });
});

describe('secrets never appear in errors the runtime raises', () => {
  const shown = (err: unknown) => `${String(err)}\n${(err as Error).stack}\n${inspect(err, { depth: 5 })}`;

  it.each([
    ['LF', `sk-ant\n${KEY}`],
    ['CRLF', `${KEY}\r\nX-Injected: 1`],
    ['CR', `sk-ant\r${KEY}`],
  ])(
    'an API key with %s fails with "invalid value for header x-api-key", without the value',
    async (_l, key) => {
      server = await startServer([json({})]);
      const err = await clientFor(server, { apiKey: key, maxRetries: 0 })
        .get('/v1/x')
        .catch((e: unknown) => e);
      expect(err).toBeInstanceOf(TypeError);
      expect((err as Error).message).toBe('invalid value for header x-api-key');
      expect(shown(err)).not.toContain(KEY);
      expect(server.requests).toHaveLength(0);
    },
  );

  it('a fetch error that quotes the key is masked along its cause chain', async () => {
    server = await startServer([json({})]);
    const fetch = async () => {
      throw new TypeError('fetch failed', { cause: new Error(`socket hang up sending x-api-key: ${KEY}`) });
    };
    const err = await clientFor(server, { apiKey: KEY, maxRetries: 0, fetch })
      .get('/v1/x')
      .catch((e: unknown) => e);
    expect((err as Error).name).toBe('Error');
    expect(shown(err)).not.toContain(KEY);
    expect(((err as Error).cause as Error).message).toBe('fetch failed');
    expect((((err as Error).cause as Error).cause as Error).message).toBe(
      'socket hang up sending x-api-key: ***',
    );
  });
});

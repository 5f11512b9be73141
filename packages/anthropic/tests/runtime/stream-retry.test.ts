/**
 * Retry before content: an `overloaded_error` / `api_error` event that opens a stream (before `message_start`)
 * is retried like a 529, within `maxRetries`; once content has arrived, the error surfaces as before.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import Anthropic, { APIError } from '@sdkgen/anthropic';
import { afterEach, describe, expect, it } from 'vitest';
import { type FaultServer, startServer } from './client.js';

const FIXTURE = readFileSync(
  fileURLToPath(new URL('../../../../tests/fixtures/sse/text.sse', import.meta.url)),
  'utf8',
);
const TEXT = 'Hello! The capital of France is Paris.';
const params = { model: 'claude-test', max_tokens: 64, messages: [{ role: 'user' as const, content: 'hi' }] };
const errorEvent = (type: string) =>
  `event: error\ndata: ${JSON.stringify({ type: 'error', error: { type, message: `${type} now` } })}\n\n`;
const sse = (body: string) => ({ headers: { 'content-type': 'text/event-stream' }, body });

let server: FaultServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});
const clientFor = (s: FaultServer, maxRetries: number) =>
  new Anthropic({ apiKey: 'sk-test', baseURL: s.url, maxRetries, logLevel: 'off' });

describe('a stream that opens with a transient error event', () => {
  it.each(['overloaded_error', 'api_error'])(
    '%s before message_start is retried and the retry streams',
    async (type) => {
      server = await startServer([sse(errorEvent(type)), sse(FIXTURE)]);
      const message = await clientFor(server, 2).messages.stream(params).finalMessage();
      expect(message.content[0]).toMatchObject({ type: 'text', text: TEXT });
      expect(server.requests).toHaveLength(2);
    },
  );

  it('raw create({ stream: true }) is retried the same way', async () => {
    server = await startServer([sse(errorEvent('overloaded_error')), sse(FIXTURE)]);
    const stream = await clientFor(server, 1).messages.create({ ...params, stream: true });
    const types: string[] = [];
    for await (const event of stream) types.push(event.type);
    expect(types[0]).toBe('message_start');
    expect(types.at(-1)).toBe('message_stop');
    expect(server.requests).toHaveLength(2);
  });

  it('shares the maxRetries budget: with none left, the error surfaces', async () => {
    server = await startServer([
      sse(errorEvent('overloaded_error')),
      sse(errorEvent('overloaded_error')),
      sse(FIXTURE),
    ]);
    const err = await clientFor(server, 1)
      .messages.stream(params)
      .finalMessage()
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(APIError);
    expect((err as Error).message).toMatch(/overloaded_error now/);
    expect(server.requests).toHaveLength(2);
  });

  it('a non-transient error event is not retried', async () => {
    server = await startServer([sse(errorEvent('invalid_request_error')), sse(FIXTURE)]);
    await expect(clientFor(server, 2).messages.stream(params).finalMessage()).rejects.toThrow(
      /invalid_request_error/,
    );
    expect(server.requests).toHaveLength(1);
  });

  it('an error after message_start is not retried: content had arrived', async () => {
    const start = FIXTURE.slice(0, FIXTURE.indexOf('event: content_block_start'));
    server = await startServer([sse(start + errorEvent('overloaded_error')), sse(FIXTURE)]);
    await expect(clientFor(server, 2).messages.stream(params).finalMessage()).rejects.toThrow(
      /overloaded_error now/,
    );
    expect(server.requests).toHaveLength(1);
  });

  it('an abort during the backoff rejects at once with APIUserAbortError', async () => {
    server = await startServer([sse(errorEvent('overloaded_error')), sse(FIXTURE)]);
    const controller = new AbortController();
    const pending = clientFor(server, 2).messages.create(
      { ...params, stream: true },
      { signal: controller.signal },
    );
    setTimeout(() => controller.abort(), 100);
    const started = Date.now();
    await expect(pending).rejects.toThrow(/aborted/);
    expect(Date.now() - started).toBeLessThan(400);
    expect(server.requests).toHaveLength(1);
  });
});

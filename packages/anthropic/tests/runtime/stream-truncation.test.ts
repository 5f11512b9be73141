/**
 * Streams fail loudly instead of losing data: a stream that ends cleanly before its terminal event
 * (`message_stop`, from the SDK config) rejects, and a streaming request answered with JSON or HTML instead of
 * an event stream raises an error carrying that body. Full client, real local server.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import Anthropic, { APIConnectionError, APIError } from '@sdkgen/anthropic';
import { afterEach, describe, expect, it } from 'vitest';
import { type FaultServer, json, startServer } from './client.js';

const FIXTURE = readFileSync(
  fileURLToPath(new URL('../../../../tests/fixtures/sse/text.sse', import.meta.url)),
  'utf8',
);
/** The fixture up to, not including, its `message_stop` event. */
const WITHOUT_STOP = FIXTURE.slice(0, FIXTURE.indexOf('event: message_stop'));
const params = { model: 'claude-test', max_tokens: 64, messages: [{ role: 'user' as const, content: 'hi' }] };

let server: FaultServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const sse = (body: string) => ({ headers: { 'content-type': 'text/event-stream' }, body });
const clientFor = (s: FaultServer) =>
  new Anthropic({ apiKey: 'sk-test', baseURL: s.url, maxRetries: 0, logLevel: 'off' });

describe('a stream that stops before message_stop', () => {
  it('rejects raw iteration after yielding what arrived', async () => {
    server = await startServer([sse(WITHOUT_STOP)]);
    const stream = await clientFor(server).messages.create({ ...params, stream: true });
    const types: string[] = [];
    const err = await (async () => {
      for await (const event of stream) types.push(event.type);
    })().catch((e: unknown) => e);
    expect(err).toBeInstanceOf(APIConnectionError);
    expect((err as Error).message).toBe(
      'The stream ended before its `message_stop` event: the response is incomplete.',
    );
    expect(types.at(-1)).toBe('message_delta');
  });

  it('rejects finalMessage() and done() of messages.stream(), keeping the text that arrived', async () => {
    server = await startServer([sse(WITHOUT_STOP)]);
    const stream = clientFor(server).messages.stream(params);
    let text = '';
    stream.on('text', (delta) => {
      text += delta;
    });
    await expect(stream.finalMessage()).rejects.toThrow(/ended before its `message_stop` event/);
    await expect(stream.done()).rejects.toBeInstanceOf(APIConnectionError);
    expect(text).toBe('Hello! The capital of France is Paris.');
  });

  it('the beta stream too', async () => {
    server = await startServer([sse(WITHOUT_STOP)]);
    await expect(clientFor(server).beta.messages.stream(params).finalMessage()).rejects.toThrow(
      /message_stop/,
    );
  });

  it('a complete stream still ends quietly', async () => {
    server = await startServer([sse(FIXTURE)]);
    const message = await clientFor(server).messages.stream(params).finalMessage();
    expect(message.content).toEqual([
      { type: 'text', text: 'Hello! The capital of France is Paris.', citations: null },
    ]);
  });
});

describe('a streaming request answered without an event stream', () => {
  it.each([
    [
      'JSON',
      json({ type: 'error', error: { type: 'proxy_error', message: 'upstream closed' } }),
      'application/json',
    ],
    [
      'HTML',
      { headers: { 'content-type': 'text/html' }, body: '<html><body>Bad gateway page</body></html>' },
      'text/html',
    ],
  ])('a %s body fails the request with an APIError that carries it', async (_kind, reply, mediaType) => {
    server = await startServer([reply]);
    const err = await clientFor(server)
      .messages.create({ ...params, stream: true })
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(APIError);
    expect((err as APIError).status).toBe(200);
    expect((err as Error).message).toContain(
      `Expected a text/event-stream response to a streaming request, got ${mediaType}`,
    );
    expect((err as Error).message).toMatch(/upstream closed|Bad gateway page/);
  });

  it('messages.stream() reports it as its error', async () => {
    server = await startServer([json({ unexpected: true })]);
    await expect(clientFor(server).messages.stream(params).finalMessage()).rejects.toThrow(
      /"unexpected":true/,
    );
  });
});

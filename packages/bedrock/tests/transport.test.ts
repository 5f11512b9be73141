import {
  APIConnectionError,
  APIError,
  PermissionDeniedError,
  RateLimitError,
} from '@sdkgen/anthropic/core/error';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { BedrockBase, type ClientOptions } from '../src/base-client.js';
import {
  type BedrockReply,
  type SeenRequest,
  startBedrockServer,
  TEST_CREDENTIALS,
} from './helpers/bedrock-server.js';
import { helloEvents } from './helpers/event-stream-frames.js';

const MODEL = 'anthropic.claude-3-5-sonnet-20241022-v2:0';
const params = { model: MODEL, max_tokens: 64, messages: [{ role: 'user', content: 'Hi' }] };
const message = {
  id: 'msg_1',
  type: 'message',
  role: 'assistant',
  content: [{ type: 'text', text: 'Hello' }],
};

let server: Awaited<ReturnType<typeof startBedrockServer>> | undefined;
afterEach(async () => {
  vi.unstubAllEnvs();
  await server?.close();
  server = undefined;
});

async function setup(
  handler: (req: SeenRequest) => BedrockReply,
  opts: Partial<ClientOptions> = {},
  skew = 0,
) {
  server = await startBedrockServer({ handler, clockSkewMs: skew });
  const client = new BedrockBase({
    baseURL: server.url,
    awsRegion: 'us-east-1',
    awsAccessKey: TEST_CREDENTIALS.accessKeyId,
    awsSecretKey: TEST_CREDENTIALS.secretAccessKey,
    maxRetries: 0,
    ...opts,
  } as ClientOptions);
  return { client, server };
}

async function collect(stream: AsyncIterable<unknown>): Promise<unknown[]> {
  const out: unknown[] = [];
  for await (const event of stream) out.push(event);
  return out;
}

describe('Bedrock transport', () => {
  it('sends a signed invoke request with the model in the path and the version in the body', async () => {
    const { client, server } = await setup(() => ({ kind: 'json', body: message }));
    const result = await client.post('/v1/messages', { body: params });
    expect(result).toMatchObject(message);
    const seen = server.requests[0]!;
    expect(seen.verdict).toEqual({ ok: true });
    expect(seen.target).toBe(`/model/${MODEL}/invoke`);
    expect(seen.json).toEqual({
      max_tokens: 64,
      messages: params.messages,
      anthropic_version: 'bedrock-2023-05-31',
    });
    expect(params).toHaveProperty('model', MODEL);
  });

  it('decodes a streamed reply in event-stream framing into the same events as SSE', async () => {
    const { client, server } = await setup(() => ({ kind: 'stream', events: helloEvents(MODEL) }));
    const stream = await client.post<AsyncIterable<unknown>>('/v1/messages', {
      body: { ...params, stream: true },
      stream: true,
    });
    const events = await collect(stream);
    expect(events).toEqual(helloEvents(MODEL).filter((e: any) => e.type !== 'ping'));
    expect(server.requests[0]!.target).toBe(`/model/${MODEL}/invoke-with-response-stream`);
    expect(server.requests[0]!.json).not.toHaveProperty('stream');
  });

  it('rejects an event stream that ends before message_stop, as on the Anthropic API', async () => {
    const events = helloEvents(MODEL).filter((e: any) => e.type !== 'message_stop');
    const { client } = await setup(() => ({ kind: 'stream', events }));
    const stream = await client.post<AsyncIterable<unknown>>('/v1/messages', {
      body: { ...params, stream: true },
      stream: true,
      __streamEnd: 'message_stop',
    });
    const err = await collect(stream).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(APIConnectionError);
    expect((err as Error).message).toMatch(/ended before its `message_stop` event/);
  });

  it('moves anthropic-beta into the body before signing', async () => {
    const { client, server } = await setup(() => ({ kind: 'json', body: message }));
    await client.post('/v1/messages?beta=true', {
      body: params,
      headers: { 'anthropic-beta': 'token-efficient-tools-2025-02-19, interleaved-thinking-2025-05-14' },
    });
    const seen = server.requests[0]!;
    expect(seen.verdict).toEqual({ ok: true });
    expect(seen.json.anthropic_beta).toEqual([
      'token-efficient-tools-2025-02-19',
      'interleaved-thinking-2025-05-14',
    ]);
  });

  it('turns an exception frame into the matching APIError subclass', async () => {
    const { client } = await setup(() => ({
      kind: 'stream',
      events: helloEvents(MODEL).slice(0, 3),
      exception: { type: 'throttlingException', message: 'Too many tokens, please wait.' },
    }));
    const stream = await client.post<AsyncIterable<unknown>>('/v1/messages', {
      body: { ...params, stream: true },
      stream: true,
    });
    const err = await collect(stream).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(RateLimitError);
    expect((err as APIError).message).toContain('bedrock throttlingException: Too many tokens');
  });

  it('throws an error event carried in a chunk as APIError', async () => {
    const overloaded = { type: 'error', error: { type: 'overloaded_error', message: 'Overloaded' } };
    const { client } = await setup(() => ({ kind: 'stream', events: [helloEvents(MODEL)[0], overloaded] }));
    const stream = await client.post<AsyncIterable<unknown>>('/v1/messages', {
      body: { ...params, stream: true },
      stream: true,
    });
    const err = await collect(stream).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(APIError);
    expect((err as APIError).error).toEqual(overloaded);
  });

  it('rejects a request whose body is altered in transit', async () => {
    const tamper: typeof fetch = (url, init) =>
      fetch(url, { ...init, body: String(init?.body).replace('"max_tokens":64', '"max_tokens":65') });
    const { client, server } = await setup(() => ({ kind: 'json', body: message }), { fetch: tamper });
    await expect(client.post('/v1/messages', { body: params })).rejects.toBeInstanceOf(PermissionDeniedError);
    expect(server.requests[0]!.verdict).toMatchObject({ ok: false, reason: 'body hash mismatch' });
  });

  it('gets a 403 when the signature has expired by the server clock, without echoing secrets', async () => {
    const { client } = await setup(() => ({ kind: 'json', body: message }), {}, 20 * 60_000);
    const err = await client.post('/v1/messages', { body: params }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(PermissionDeniedError);
    expect((err as Error).message).toContain('Signature expired');
    expect((err as Error).message).not.toContain(TEST_CREDENTIALS.secretAccessKey);
  });

  it('keeps ANTHROPIC_API_KEY from the environment away from AWS', async () => {
    vi.stubEnv('ANTHROPIC_API_KEY', 'sk-ant-should-not-leak');
    const { client, server } = await setup(() => ({ kind: 'json', body: message }));
    await client.post('/v1/messages', { body: params });
    expect(server.requests[0]!.headers['x-api-key']).toBeUndefined();
  });

  it('signs every retry afresh', async () => {
    let calls = 0;
    const { client, server } = await setup(
      () =>
        ++calls === 1
          ? {
              kind: 'json',
              status: 503,
              body: { message: 'ServiceUnavailable' },
              headers: { 'retry-after-ms': '10' },
            }
          : { kind: 'json', body: message },
      { maxRetries: 2 },
    );
    await expect(client.post('/v1/messages', { body: params })).resolves.toMatchObject(message);
    expect(server.requests.map((r) => r.verdict.ok)).toEqual([true, true]);
    expect(server.requests[1]!.headers['x-stainless-retry-count']).toBe('1');
    expect(server.requests[1]!.target).toBe(`/model/${MODEL}/invoke`);
  });

  it('keeps AWS options across withOptions()', async () => {
    const { client, server } = await setup(() => ({ kind: 'json', body: message }));
    const copy = client.withOptions({ timeout: 5_000 });
    expect(copy.awsRegion).toBe('us-east-1');
    await copy.post('/v1/messages', { body: params });
    expect(server.requests[0]!.verdict).toEqual({ ok: true });
  });
});

import type { Middleware } from '@sdkgen/anthropic';
import { afterEach, describe, expect, it } from 'vitest';
import { AnthropicBedrock } from '../src/index.js';
import { type BedrockReply, startBedrockServer, TEST_CREDENTIALS } from './helpers/bedrock-server.js';

const MODEL = 'anthropic.claude-3-5-sonnet-20241022-v2:0';
const message = {
  id: 'msg_m',
  type: 'message',
  role: 'assistant',
  model: MODEL,
  content: [{ type: 'text', text: 'ok' }],
  stop_reason: 'end_turn',
  stop_sequence: null,
  usage: { input_tokens: 1, output_tokens: 1 },
};
const ok: BedrockReply = { kind: 'json', body: message };

let server: Awaited<ReturnType<typeof startBedrockServer>> | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

/** A client for the verifying server with the test credentials and `middleware`. */
const clientWith = (middleware: Middleware[], maxRetries = 0) =>
  new AnthropicBedrock({
    baseURL: server!.url,
    awsRegion: 'us-east-1',
    awsAccessKey: TEST_CREDENTIALS.accessKeyId,
    awsSecretKey: TEST_CREDENTIALS.secretAccessKey,
    maxRetries,
    middleware,
  });

describe('AnthropicBedrock with middleware', () => {
  it('signs after the middleware: a body it edits still carries a valid SigV4 signature (AWS SDK verifier)', async () => {
    server = await startBedrockServer({ handler: () => ok });
    const client = clientWith(
      [
        async (request, next) => {
          const body = JSON.parse(String(request.body));
          request.headers.set('x-edited', '1');
          return next({ ...request, body: JSON.stringify({ ...body, max_tokens: 99 }) });
        },
      ],
      0,
    );
    await client.messages.create({
      model: MODEL,
      max_tokens: 16,
      messages: [{ role: 'user', content: 'Hi' }],
    });
    const seen = server.requests[0]!;
    expect(seen.verdict).toEqual({ ok: true });
    expect(JSON.parse(Buffer.from(seen.body).toString('utf8')).max_tokens).toBe(99);
    expect(seen.headers['x-edited']).toBe('1');
  });

  it('each retry is signed again, after the chain runs again', async () => {
    let n = 0;
    server = await startBedrockServer({
      handler: () => (n++ === 0 ? { kind: 'json', status: 500, body: { message: 'try again' } } : ok),
    });
    let calls = 0;
    const client = clientWith(
      [
        async (request, next) => {
          calls++;
          request.headers.set('x-attempt', String(calls));
          return next(request);
        },
      ],
      1,
    );
    await client.messages.create({
      model: MODEL,
      max_tokens: 16,
      messages: [{ role: 'user', content: 'Hi' }],
    });
    expect(calls).toBe(2);
    expect(server.requests.map((r) => r.verdict)).toEqual([{ ok: true }, { ok: true }]);
  });
});

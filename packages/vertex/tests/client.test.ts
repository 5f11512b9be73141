import { afterEach, describe, expect, it } from 'vitest';
import { AnthropicVertex, UnsupportedOnPlatformError } from '../src/index.js';
import { startVertexServer, type VertexReply, type VertexRequest } from './helpers/vertex-server.js';

const TOKEN = 'ya29.client-test-token-abcdef';
const MODEL = 'claude-sonnet-4@20250514';
const messages = [{ role: 'user' as const, content: 'Hi' }];
const message = {
  id: 'msg_v',
  type: 'message',
  role: 'assistant',
  model: MODEL,
  content: [{ type: 'text', text: 'Hello' }],
  stop_reason: 'end_turn',
  stop_sequence: null,
  usage: { input_tokens: 3, output_tokens: 1 },
};
const events = [
  { type: 'message_start', message: { ...message, content: [], stop_reason: null } },
  { type: 'content_block_start', index: 0, content_block: { type: 'text', text: '' } },
  { type: 'content_block_delta', index: 0, delta: { type: 'text_delta', text: 'Hel' } },
  { type: 'content_block_delta', index: 0, delta: { type: 'text_delta', text: 'lo' } },
  { type: 'content_block_stop', index: 0 },
  {
    type: 'message_delta',
    delta: { stop_reason: 'end_turn', stop_sequence: null },
    usage: { output_tokens: 2 },
  },
  { type: 'message_stop' },
];

let server: Awaited<ReturnType<typeof startVertexServer>> | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function setup(handler: (req: VertexRequest) => VertexReply) {
  server = await startVertexServer({ token: TOKEN, handler });
  const client = new AnthropicVertex({
    baseURL: `${server.url}/v1`,
    region: 'europe-west1',
    projectId: 'proj-1',
    accessToken: TOKEN,
    maxRetries: 0,
  });
  return { client, server };
}

describe('AnthropicVertex resources', () => {
  it('messages.create posts to the model :rawPredict', async () => {
    const { client, server } = await setup(() => ({ kind: 'json', body: message }));
    const result = await client.messages.create({ model: MODEL, max_tokens: 8, messages });
    expect(result.content).toEqual(message.content);
    expect(server.requests[0]!.route).toEqual({
      project: 'proj-1',
      region: 'europe-west1',
      model: MODEL,
      verb: 'rawPredict',
    });
  });

  it('messages.stream() reads :streamRawPredict with MessageStream', async () => {
    const { client, server } = await setup(() => ({ kind: 'sse', events, chunkSize: 5 }));
    const final = await client.messages.stream({ model: MODEL, max_tokens: 8, messages }).finalMessage();
    expect(final.content).toEqual([{ type: 'text', text: 'Hello' }]);
    expect(server.requests[0]!.route?.verb).toBe('streamRawPredict');
    expect(server.requests[0]!.json).toMatchObject({ stream: true, anthropic_version: 'vertex-2023-10-16' });
  });

  it('messages.countTokens goes to count-tokens:rawPredict', async () => {
    const { client, server } = await setup(() => ({ kind: 'json', body: { input_tokens: 11 } }));
    const result = await client.messages.countTokens({ model: MODEL, messages });
    expect(result.input_tokens).toBe(11);
    expect(server.requests[0]!.route?.model).toBe('count-tokens');
  });

  it('beta.messages.create keeps the anthropic-beta header', async () => {
    const { client, server } = await setup(() => ({ kind: 'json', body: message }));
    await client.beta.messages.create({
      model: MODEL,
      max_tokens: 8,
      messages,
      betas: ['context-1m-2025-08-07'],
    });
    expect(server.requests[0]!.headers['anthropic-beta']).toBe('context-1m-2025-08-07');
    expect(server.requests[0]!.route?.verb).toBe('rawPredict');
  });

  it('refuses batches, naming Vertex, without sending', async () => {
    const { client, server } = await setup(() => ({ kind: 'json', body: {} }));
    const c = client as any;
    expect(() => c.messages.batches.list()).toThrow(UnsupportedOnPlatformError);
    expect(() => c.beta.messages.batches.create({ requests: [] })).toThrow(
      '`beta.messages.batches.create()` is not supported on Google Vertex AI.',
    );
    expect(server.requests).toHaveLength(0);
  });

  it('sends other endpoints as they are, authenticated, as the official client does', async () => {
    const { client, server } = await setup(() => ({ kind: 'json', body: { data: [], has_more: false } }));
    // The base URL ends in /v1, so the path is doubled, exactly as with the official client.
    await expect(client.beta.models.list()).rejects.toThrow(/404/);
    expect(server.requests[0]!.target).toBe('/v1/v1/models?beta=true');
    expect(server.requests[0]!.headers.authorization).toMatch(/^Bearer /);
  });
});

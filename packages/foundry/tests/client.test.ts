import { afterEach, describe, expect, it } from 'vitest';
import { AnthropicFoundry, UnsupportedOnPlatformError } from '../src/index.js';
import { type FoundryRequest, startFoundryServer } from './helpers/foundry-server.js';

const KEY = 'foundry-client-key-0123456789';
const MODEL = 'claude-sonnet-4-5';
const messages = [{ role: 'user' as const, content: 'Hi' }];
const message = {
  id: 'msg_f',
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
  { type: 'content_block_delta', index: 0, delta: { type: 'text_delta', text: 'Hello' } },
  { type: 'content_block_stop', index: 0 },
  {
    type: 'message_delta',
    delta: { stop_reason: 'end_turn', stop_sequence: null },
    usage: { output_tokens: 1 },
  },
  { type: 'message_stop' },
];

let server: Awaited<ReturnType<typeof startFoundryServer>> | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function setup(handler: (req: FoundryRequest) => object, opts: { token?: boolean } = {}) {
  server = await startFoundryServer({
    auth: opts.token ? { bearer: (t) => t === 'entra-abc' } : { apiKey: KEY },
    handler: handler as never,
  });
  const client = new AnthropicFoundry({
    baseURL: `${server.url}/anthropic/`,
    maxRetries: 0,
    ...(opts.token ? { azureADTokenProvider: async () => 'entra-abc' } : { apiKey: KEY }),
  });
  return { client, server };
}

describe('AnthropicFoundry resources', () => {
  it('messages.create posts to /anthropic/v1/messages with the key', async () => {
    const { client, server } = await setup(() => ({ json: message }));
    const result = await client.messages.create({ model: MODEL, max_tokens: 8, messages });
    expect(result.content).toEqual(message.content);
    expect(server.requests[0]!.target).toBe('/anthropic/v1/messages');
  });

  it('messages.stream() with an Entra token provider', async () => {
    const { client, server } = await setup(() => ({ sse: events }), { token: true });
    const final = await client.messages.stream({ model: MODEL, max_tokens: 8, messages }).finalMessage();
    expect(final.content).toEqual([{ type: 'text', text: 'Hello' }]);
    expect(server.requests[0]!.headers.authorization).toBe('Bearer entra-abc');
  });

  it('messages.countTokens and beta.messages.create are served as on the Anthropic API', async () => {
    const { client, server } = await setup((req) =>
      req.target.includes('count_tokens') ? { json: { input_tokens: 4 } } : { json: message },
    );
    expect((await client.messages.countTokens({ model: MODEL, messages })).input_tokens).toBe(4);
    await client.beta.messages.create({
      model: MODEL,
      max_tokens: 8,
      messages,
      betas: ['context-1m-2025-08-07'],
    });
    expect(server.requests.map((r) => r.target)).toEqual([
      '/anthropic/v1/messages/count_tokens',
      '/anthropic/v1/messages?beta=true',
    ]);
    expect(server.requests[1]!.headers['anthropic-beta']).toBe('context-1m-2025-08-07');
  });

  it('refuses batches and models, naming Foundry, without sending', async () => {
    const { client, server } = await setup(() => ({ json: {} }));
    const c = client as any;
    expect(() => c.messages.batches.create({ requests: [] })).toThrow(UnsupportedOnPlatformError);
    expect(() => c.beta.messages.batches.list()).toThrow(/not supported on Microsoft Foundry/);
    expect(() => c.models.list()).toThrow('`models.list()` is not supported on Microsoft Foundry.');
    expect(server.requests).toHaveLength(0);
  });

  it('sends beta.models.list() as it is, as the official client does', async () => {
    const { client, server } = await setup(() => ({ json: { data: [], has_more: false } }));
    await client.beta.models.list();
    expect(server.requests[0]!.target).toBe('/anthropic/v1/models?beta=true');
  });
});

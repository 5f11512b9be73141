import { betaTool } from '@sdkgen/anthropic/helpers/beta/json-schema';
import { afterEach, describe, expect, it } from 'vitest';
import { AnthropicBedrock, UnsupportedOnPlatformError } from '../src/index.js';
import {
  type BedrockReply,
  type SeenRequest,
  startBedrockServer,
  TEST_CREDENTIALS,
} from './helpers/bedrock-server.js';
import { helloEvents } from './helpers/event-stream-frames.js';

const MODEL = 'anthropic.claude-3-5-sonnet-20241022-v2:0';
const messages = [{ role: 'user' as const, content: 'Hi' }];
const usage = { input_tokens: 5, output_tokens: 2 };
const textMessage = (text: string) => ({
  id: 'msg_t',
  type: 'message',
  role: 'assistant',
  model: MODEL,
  content: [{ type: 'text', text }],
  stop_reason: 'end_turn',
  stop_sequence: null,
  usage,
});

let server: Awaited<ReturnType<typeof startBedrockServer>> | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function setup(handler: (req: SeenRequest) => BedrockReply) {
  server = await startBedrockServer({ handler });
  const client = new AnthropicBedrock({
    baseURL: server.url,
    awsRegion: 'us-east-1',
    awsAccessKey: TEST_CREDENTIALS.accessKeyId,
    awsSecretKey: TEST_CREDENTIALS.secretAccessKey,
    maxRetries: 0,
  });
  return { client, server };
}

describe('AnthropicBedrock resources', () => {
  it('messages.create sends a signed invoke request and returns the message', async () => {
    const { client, server } = await setup(() => ({ kind: 'json', body: textMessage('Hello') }));
    const message = await client.messages.create({ model: MODEL, max_tokens: 16, messages });
    expect(message.content).toEqual([{ type: 'text', text: 'Hello' }]);
    expect(server.requests[0]!.verdict).toEqual({ ok: true });
    expect(server.requests[0]!.target).toBe(`/model/${MODEL}/invoke`);
  });

  it('messages.stream() accumulates an event-stream reply with MessageStream unchanged', async () => {
    const { client } = await setup(() => ({
      kind: 'stream',
      events: helloEvents(MODEL),
      chunkSizes: [3, 1, 17],
    }));
    const stream = client.messages.stream({ model: MODEL, max_tokens: 16, messages });
    const texts: string[] = [];
    stream.on('text', (delta) => texts.push(delta));
    const final = await stream.finalMessage();
    expect(texts).toEqual(['Hello', ' world']);
    expect(final.content).toEqual([{ type: 'text', text: 'Hello world' }]);
    expect(final.stop_reason).toBe('end_turn');
    expect(final.usage.output_tokens).toBe(2);
  });

  it('beta.messages.create sends betas in the body', async () => {
    const { client, server } = await setup(() => ({ kind: 'json', body: textMessage('ok') }));
    await client.beta.messages.create({
      model: MODEL,
      max_tokens: 16,
      messages,
      betas: ['interleaved-thinking-2025-05-14'],
    });
    expect(server.requests[0]!.json.anthropic_beta).toEqual(['interleaved-thinking-2025-05-14']);
    expect(server.requests[0]!.verdict).toEqual({ ok: true });
  });

  it('beta.messages.toolRunner runs a tool round trip over signed requests', async () => {
    const toolUse = {
      ...textMessage(''),
      content: [{ type: 'tool_use', id: 'toolu_1', name: 'get_weather', input: { city: 'Paris' } }],
      stop_reason: 'tool_use',
    };
    const { client, server } = await setup((req) =>
      req.json.messages.length === 1
        ? { kind: 'json', body: toolUse }
        : { kind: 'json', body: textMessage('Sunny') },
    );
    const weather = betaTool({
      name: 'get_weather',
      description: 'Weather for a city',
      inputSchema: { type: 'object', properties: { city: { type: 'string' } }, required: ['city'] },
      run: ({ city }) => `Sunny in ${city}`,
    });
    const final = await client.beta.messages.toolRunner({
      model: MODEL,
      max_tokens: 64,
      messages,
      tools: [weather],
    });
    expect(final.content).toEqual([{ type: 'text', text: 'Sunny' }]);
    expect(server.requests).toHaveLength(2);
    expect(server.requests.every((r) => r.verdict.ok)).toBe(true);
    const toolResult = server.requests[1]!.json.messages[2].content[0];
    expect(toolResult).toMatchObject({ type: 'tool_result', tool_use_id: 'toolu_1' });
  });

  it('completions.create goes to the invoke endpoint', async () => {
    const completion = {
      id: 'c1',
      type: 'completion',
      completion: ' Hi',
      stop_reason: 'stop_sequence',
      model: MODEL,
    };
    const { client, server } = await setup(() => ({ kind: 'json', body: completion }));
    await client.completions.create({
      model: 'anthropic.claude-v2:1',
      max_tokens_to_sample: 8,
      prompt: '\n\nHuman: Hi\n\nAssistant:',
    });
    expect(server.requests[0]!.target).toBe('/model/anthropic.claude-v2:1/invoke');
  });

  it('refuses what Bedrock does not serve, naming Bedrock, without sending', async () => {
    const { client, server } = await setup(() => ({ kind: 'json', body: {} }));
    const c = client as any;
    expect(() => c.messages.batches.create({ requests: [] })).toThrow(UnsupportedOnPlatformError);
    expect(() => c.messages.countTokens({ model: MODEL, messages })).toThrow(
      '`messages.countTokens()` is not supported on Amazon Bedrock.',
    );
    expect(() => c.beta.messages.batches.list()).toThrow(
      /beta\.messages\.batches\.list\(\)` is not supported on Amazon Bedrock/,
    );
    expect(server.requests).toHaveLength(0);
  });
});

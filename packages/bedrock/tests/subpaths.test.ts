import { describe, expect, it } from 'vitest';

describe('the subpaths of @anthropic-ai/bedrock-sdk 0.26.3', () => {
  it('are offered with the official runtime exports', async () => {
    const client = await import('@sdkgen/anthropic-bedrock/client');
    expect(Object.keys(client).sort()).toEqual(['AnthropicBedrock', 'BaseAnthropic']);
    expect((await import('@sdkgen/anthropic-bedrock/index')).default).toBe(client.AnthropicBedrock);
    const auth = await import('@sdkgen/anthropic-bedrock/core/auth');
    expect(auth.getAuthHeaders).toBeTypeOf('function');
    const streaming = await import('@sdkgen/anthropic-bedrock/core/streaming');
    for (const name of ['Stream', 'toUtf8', 'fromUtf8', 'getMinimalSerdeContext'] as const) {
      expect(streaming[name]).toBeTypeOf('function');
    }
    expect(streaming.toUtf8(streaming.fromUtf8('héllo'))).toBe('héllo');
    const rest = await import('@sdkgen/anthropic-bedrock/AWS_restJson1');
    expect(rest.de_ResponseStream).toBeTypeOf('function');
    const error = await import('@sdkgen/anthropic-bedrock/core/error');
    expect(error.APIError).toBe((await import('@sdkgen/anthropic/core/error')).APIError);
    expect((await import('@sdkgen/anthropic-bedrock/core/pagination')).Page).toBeTypeOf('function');
  });

  it('de_ResponseStream decodes event-stream chunks with the minimal serde context', async () => {
    const { chunkFrame, joinFrames } = await import('./helpers/event-stream-frames.js');
    const { de_ResponseStream } = await import('@sdkgen/anthropic-bedrock/AWS_restJson1');
    const { getMinimalSerdeContext, toUtf8 } = await import('@sdkgen/anthropic-bedrock/core/streaming');
    async function* body() {
      yield joinFrames([chunkFrame({ type: 'ping' }), chunkFrame({ type: 'message_stop' })]);
    }
    const types: string[] = [];
    for await (const event of de_ResponseStream(body(), getMinimalSerdeContext())) {
      if ('chunk' in event) types.push(JSON.parse(toUtf8(event.chunk.bytes!)).type);
    }
    expect(types).toEqual(['ping', 'message_stop']);
  });
});

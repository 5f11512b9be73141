import { describe, expect, it } from 'vitest';

describe('the subpaths of @anthropic-ai/vertex-sdk 0.14.3', () => {
  it('are offered with the same runtime exports', async () => {
    const client = await import('@sdkgen/anthropic-vertex/client');
    expect(Object.keys(client).sort()).toEqual(['AnthropicVertex', 'BaseAnthropic']);
    const index = await import('@sdkgen/anthropic-vertex/index');
    expect(index.default).toBe(client.AnthropicVertex);
    const error = await import('@sdkgen/anthropic-vertex/core/error');
    expect(error.APIError).toBe((await import('@sdkgen/anthropic/core/error')).APIError);
    const pagination = await import('@sdkgen/anthropic-vertex/core/pagination');
    expect(pagination.Page).toBeTypeOf('function');
    const streaming = await import('@sdkgen/anthropic-vertex/core/streaming');
    expect(streaming.Stream).toBe((await import('@sdkgen/anthropic/core/streaming')).Stream);
  });
});

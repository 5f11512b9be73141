import { describe, expect, it } from 'vitest';
import { SDKError } from '../src/core/error.js';
import { TestClient } from './client.js';

const client = new TestClient({ apiKey: 'k', logLevel: 'off' });

describe('non-streaming max_tokens limit', () => {
  it('allows max_tokens whose expected time is at most 10 minutes and returns a 10-minute timeout', () => {
    // 128k tokens ~ 1 hour, so 10 minutes ~ 21,333 tokens.
    expect(client.calculateNonstreamingTimeout(21_333)).toBe(600_000);
    expect(client.calculateNonstreamingTimeout(1_024)).toBe(600_000);
  });

  it('tells the caller to stream when max_tokens implies more than 10 minutes', () => {
    const call = () => client.calculateNonstreamingTimeout(21_334);
    expect(call).toThrow(SDKError);
    expect(call).toThrow(/Streaming is required for operations that may take longer than 10 minutes/);
  });

  it("applies the model's cap passed by the generated method", () => {
    expect(client.calculateNonstreamingTimeout(8_192, 8_192)).toBe(600_000);
    expect(() => client.calculateNonstreamingTimeout(8_193, 8_192)).toThrow(/Streaming is required/);
  });

  it('is reachable through _options the way generated messages.create checks for a caller timeout', () => {
    const withTimeout = new TestClient({ apiKey: 'k', timeout: 1_000, logLevel: 'off' });
    expect((withTimeout as any)._options.timeout).toBe(1_000);
    expect((client as any)._options.timeout).toBeUndefined();
  });
});

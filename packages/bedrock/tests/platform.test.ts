import { readFileSync } from 'node:fs';
import { AnthropicError } from '@sdkgen/anthropic/core/error';
import {
  replaceSubresource,
  UnsupportedOnPlatformError,
  unsupportedResource,
  withUnserved,
} from '@sdkgen/anthropic/core/platform';
import { describe, expect, it } from 'vitest';

class Batches {
  create() {
    return 'sent';
  }
}

class Messages {
  #batches: Batches | undefined;
  get batches(): Batches {
    return (this.#batches ??= new Batches());
  }
  countTokens() {
    return 'counted';
  }
  create() {
    return 'created';
  }
}

describe('unserved members', () => {
  it('throw an error naming the platform and the call, on one instance only', () => {
    const restricted = withUnserved(new Messages(), 'Amazon Bedrock', 'messages', {
      resources: ['batches'],
      methods: ['countTokens'],
    });
    expect(() => restricted.batches.create()).toThrow(
      new UnsupportedOnPlatformError('`messages.batches.create()` is not supported on Amazon Bedrock.'),
    );
    expect(() => restricted.countTokens()).toThrow(
      /`messages.countTokens\(\)` is not supported on Amazon Bedrock/,
    );
    expect(restricted.create()).toBe('created');
    expect(new Messages().batches.create()).toBe('sent');
  });

  it('are AnthropicErrors, and the stand-in resource is not a thenable', async () => {
    const stub = unsupportedResource<{ list(): unknown }>('Google Vertex AI', 'models');
    expect(() => stub.list()).toThrow(AnthropicError);
    expect(await Promise.resolve(stub)).toBe(stub);
  });

  it('replace a lazily created sub-resource', () => {
    const replacement = new Batches();
    const messages = replaceSubresource(new Messages(), 'batches', replacement);
    expect(messages.batches).toBe(replacement);
  });
});

describe('package boundaries', () => {
  it('the main package depends on no cloud SDK', () => {
    const pkg = JSON.parse(readFileSync(new URL('../../anthropic/package.json', import.meta.url), 'utf8'));
    const deps = Object.keys({ ...pkg.dependencies, ...pkg.peerDependencies, ...pkg.optionalDependencies });
    expect(deps.filter((d) => /aws|smithy|google|azure/i.test(d))).toEqual([]);
  });
});

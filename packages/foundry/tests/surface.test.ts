import Anthropic from '@sdkgen/anthropic';
import { describe, expect, expectTypeOf, it } from 'vitest';
import DefaultFoundry, { AnthropicFoundry, type FoundryClientOptions } from '../src/index.js';

// The official AnthropicFoundry extends Anthropic, so these statics come from there.
describe('AnthropicFoundry statics, as on @anthropic-ai/foundry-sdk', () => {
  it.each(['Messages', 'Beta', 'Models', 'Completions'] as const)('%s is the SDK client class', (name) => {
    expect(AnthropicFoundry[name]).toBe(Anthropic[name]);
    expect(DefaultFoundry[name]).toBe(Anthropic[name]);
  });

  it('types the page classes as the SDK does', () => {
    expectTypeOf<typeof AnthropicFoundry.Page>().toEqualTypeOf<typeof Anthropic.Page>();
    expectTypeOf<typeof AnthropicFoundry.PageCursor>().toEqualTypeOf<typeof Anthropic.PageCursor>();
    expectTypeOf<typeof AnthropicFoundry.TokenPage>().toEqualTypeOf<typeof Anthropic.TokenPage>();
  });
});

describe('FoundryClientOptions', () => {
  it('is exported from the root and accepted by the constructor', () => {
    const opts: FoundryClientOptions = { resource: 'my-resource', apiKey: 'k' };
    expectTypeOf<ConstructorParameters<typeof AnthropicFoundry>[0]>().toEqualTypeOf<
      FoundryClientOptions | undefined
    >();
    expect(new AnthropicFoundry(opts).baseURL).toBe('https://my-resource.services.ai.azure.com/anthropic/');
  });
});

import { Anthropic } from '@sdkgen/anthropic/client';
import { replaceSubresource, unsupportedResource, withUnserved } from '@sdkgen/anthropic/core/platform';
import { BetaMessagesOverlay } from '@sdkgen/anthropic/lib/BetaMessagesOverlay';
import { MessagesOverlay } from '@sdkgen/anthropic/lib/MessagesOverlay';
import { Completions } from '@sdkgen/anthropic/resources/completions';
import { FoundryBase, PLATFORM } from './base-client.js';

export { BaseAnthropic } from '@sdkgen/anthropic/core/base-client';
export type { ClientOptions, FoundryClientOptions } from './base-client.js';

/** `client.messages` on Foundry: everything but Message Batches. */
export type MessagesResource = Omit<MessagesOverlay, 'batches'>;

/** `client.beta` on Foundry: the main client's beta resources, beta messages without batches. */
export type BetaResource = Omit<InstanceType<typeof Anthropic.Beta>, 'messages'> & {
  messages: Omit<BetaMessagesOverlay, 'batches'>;
};

const UNSERVED_ON_MESSAGES = { resources: ['batches'] } as const;

/**
 * Claude on Microsoft Foundry. The main client's resources (Messages with `stream()` and
 * `parse()`, Completions, beta Messages with the tool runner, beta files and skills) sent to your
 * Foundry resource's `/anthropic` endpoint with an API key or a Microsoft Entra ID token.
 * `messages.batches` and `models` are not served there and throw `UnsupportedOnPlatformError`
 * before sending anything; other paths are sent as they are.
 *
 * @example
 * ```ts
 * import { AnthropicFoundry } from '@sdkgen/anthropic-foundry';
 *
 * const client = new AnthropicFoundry({ resource: 'my-resource' }); // key from ANTHROPIC_FOUNDRY_API_KEY
 * const message = await client.messages.create({
 *   model: 'claude-sonnet-4-5',
 *   max_tokens: 1024,
 *   messages: [{ role: 'user', content: 'Hello, Claude' }],
 * });
 * ```
 */
export class AnthropicFoundry extends FoundryBase {
  // The official class extends `Anthropic` and so inherits its resource classes as statics.
  /** The main client's Messages resource class (`Anthropic.Messages`). */
  static Messages = Anthropic.Messages;
  /** The main client's Beta resource class (`Anthropic.Beta`). */
  static Beta = Anthropic.Beta;
  /** The main client's Models resource class (`Anthropic.Models`). */
  static Models = Anthropic.Models;
  /** The main client's Completions resource class (`Anthropic.Completions`). */
  static Completions = Anthropic.Completions;
  #messages: MessagesResource | undefined;
  #completions: Completions | undefined;
  #beta: BetaResource | undefined;

  /** Messages: `create` (streaming or not), `stream()`, `parse()`, `countTokens()`. */
  get messages(): MessagesResource {
    return (this.#messages ??= withUnserved(
      new MessagesOverlay(this),
      PLATFORM,
      'messages',
      UNSERVED_ON_MESSAGES,
    ));
  }

  /** Legacy Text Completions. */
  get completions(): Completions {
    return (this.#completions ??= new Completions(this));
  }

  /** Models are not listed on Foundry: every method throws `UnsupportedOnPlatformError`. */
  get models(): never {
    return unsupportedResource<never>(PLATFORM, 'models');
  }

  /** Beta features; `beta.messages` includes `toolRunner()`. */
  get beta(): BetaResource {
    if (!this.#beta) {
      const messages = withUnserved(
        new BetaMessagesOverlay(this),
        PLATFORM,
        'beta.messages',
        UNSERVED_ON_MESSAGES,
      );
      // The main client's Beta, so `beta.files` is its overlay (upload names helper-made files).
      this.#beta = replaceSubresource(new Anthropic.Beta(this), 'messages', messages);
    }
    return this.#beta;
  }
}

/**
 * The page classes, reachable as `AnthropicFoundry.Page` etc. in types, as on the official class
 * (which inherits them from the `Anthropic` namespace; they are not set at runtime there either).
 */
export declare namespace AnthropicFoundry {
  export import Page = Anthropic.Page;
  export import PageCursor = Anthropic.PageCursor;
  export import TokenPage = Anthropic.TokenPage;
}

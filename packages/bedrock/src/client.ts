import { replaceSubresource, withUnserved } from '@sdkgen/anthropic/core/platform';
import { BetaMessagesOverlay } from '@sdkgen/anthropic/lib/BetaMessagesOverlay';
import { MessagesOverlay } from '@sdkgen/anthropic/lib/MessagesOverlay';
import { Beta } from '@sdkgen/anthropic/resources/beta/beta';
import { Completions } from '@sdkgen/anthropic/resources/completions';
import { BedrockBase, type ClientOptions, PLATFORM } from './base-client.js';

export { BaseAnthropic } from '@sdkgen/anthropic/core/base-client';
export type { ClientOptions } from './base-client.js';

/** `client.messages` on Bedrock: no Message Batches and no token counting. */
export type MessagesResource = Omit<MessagesOverlay, 'batches' | 'countTokens'>;

/** `client.beta` on Bedrock: beta messages without batches and token counting. */
export type BetaResource = Omit<Beta, 'messages'> & {
  messages: Omit<BetaMessagesOverlay, 'batches' | 'countTokens'>;
};

const UNSERVED_ON_MESSAGES = { resources: ['batches'], methods: ['countTokens'] } as const;

/**
 * Claude on Amazon Bedrock. The same resources as the main client (Messages with `stream()` and
 * `parse()`, legacy Completions, beta Messages with the tool runner), sent to Bedrock's
 * `InvokeModel` endpoints and signed with AWS SigV4. Credentials are the static keys given, or
 * the default AWS chain (environment, shared config/SSO, web identity, container/instance role).
 * `messages.batches` and `countTokens`, which Bedrock does not serve, throw
 * `UnsupportedOnPlatformError` before sending anything; other paths are sent as they are.
 *
 * @example
 * ```ts
 * import { AnthropicBedrock } from '@sdkgen/anthropic-bedrock';
 *
 * const client = new AnthropicBedrock({ awsRegion: 'us-east-1' });
 * const message = await client.messages.create({
 *   model: 'anthropic.claude-3-5-sonnet-20241022-v2:0',
 *   max_tokens: 1024,
 *   messages: [{ role: 'user', content: 'Hello, Claude' }],
 * });
 * ```
 */
export class AnthropicBedrock extends BedrockBase {
  #messages: MessagesResource | undefined;
  #completions: Completions | undefined;
  #beta: BetaResource | undefined;

  /** @param opts see {@link ClientOptions}; region and base URL default from the environment. */
  constructor(opts: ClientOptions = {}) {
    super(opts);
  }

  /** Messages: `create` (streaming or not), `stream()`, `parse()`. */
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

  /** Beta features; `beta.messages` includes `toolRunner()`. */
  get beta(): BetaResource {
    if (!this.#beta) {
      const messages = withUnserved(
        new BetaMessagesOverlay(this),
        PLATFORM,
        'beta.messages',
        UNSERVED_ON_MESSAGES,
      );
      this.#beta = replaceSubresource(new Beta(this), 'messages', messages);
    }
    return this.#beta;
  }
}

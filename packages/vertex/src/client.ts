import { replaceSubresource, withUnserved } from '@sdkgen/anthropic/core/platform';
import { BetaMessagesOverlay } from '@sdkgen/anthropic/lib/BetaMessagesOverlay';
import { MessagesOverlay } from '@sdkgen/anthropic/lib/MessagesOverlay';
import { Beta } from '@sdkgen/anthropic/resources/beta/beta';
import { PLATFORM, VertexBase } from './base-client.js';

export { BaseAnthropic } from '@sdkgen/anthropic/core/base-client';
export type { ClientOptions } from './base-client.js';

/** `client.messages` on Vertex AI: everything but Message Batches. */
export type MessagesResource = Omit<MessagesOverlay, 'batches'>;

/** `client.beta` on Vertex AI: beta messages without batches. */
export type BetaResource = Omit<Beta, 'messages'> & { messages: Omit<BetaMessagesOverlay, 'batches'> };

const UNSERVED_ON_MESSAGES = { resources: ['batches'] } as const;

/**
 * Claude on Google Vertex AI. The main client's Messages (`create`, `stream()`, `parse()`,
 * `countTokens`) and beta Messages (with the tool runner), sent to the Anthropic publisher
 * models of your project and region. Credentials come from `authClient` or `googleAuth` when
 * given, else an `accessToken`, else Google Application Default Credentials through
 * `google-auth-library` (loaded only when needed). `messages.batches`, which Vertex AI does not
 * serve, throws `UnsupportedOnPlatformError` before sending anything; other paths are sent as
 * they are.
 *
 * @example
 * ```ts
 * import { AnthropicVertex } from '@sdkgen/anthropic-vertex';
 *
 * const client = new AnthropicVertex({ region: 'us-east5', projectId: 'my-project' });
 * const message = await client.messages.create({
 *   model: 'claude-sonnet-4@20250514',
 *   max_tokens: 1024,
 *   messages: [{ role: 'user', content: 'Hello, Claude' }],
 * });
 * ```
 */
export class AnthropicVertex extends VertexBase {
  #messages: MessagesResource | undefined;
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

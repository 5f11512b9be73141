import { replaceSubresource, withUnserved } from '@sdkgen/anthropic/core/platform';
import { BetaMessagesOverlay } from '@sdkgen/anthropic/lib/BetaMessagesOverlay';
import { MessagesOverlay } from '@sdkgen/anthropic/lib/MessagesOverlay';
import { Beta } from '@sdkgen/anthropic/resources/beta/beta';
import { Completions } from '@sdkgen/anthropic/resources/completions';
import { BedrockBase, type ClientOptions, PLATFORM } from './base-client.js';

export type { ClientOptions } from './base-client.js';

/** `client.messages` on Bedrock: no Message Batches and no token counting. */
export type MessagesResource = Omit<MessagesOverlay, 'batches' | 'countTokens'>;

/** `client.beta` on Bedrock: beta messages without batches and token counting. */
export type BetaResource = Omit<Beta, 'messages'> & {
  messages: Omit<BetaMessagesOverlay, 'batches' | 'countTokens'>;
};

type BothStaticCreds = {
  awsAccessKey: string;
  awsSecretKey: string;
  awsSessionToken?: string | null | undefined;
};
type NoStaticCreds = {
  awsAccessKey?: null | undefined;
  awsSecretKey?: null | undefined;
  awsSessionToken?: null | undefined;
};
type AccessOnly = {
  awsAccessKey: string;
  awsSecretKey?: null | undefined;
  awsSessionToken?: string | null | undefined;
};
type SecretOnly = {
  awsSecretKey: string;
  awsAccessKey?: null | undefined;
  awsSessionToken?: string | null | undefined;
};

const UNSERVED_ON_MESSAGES = { resources: ['batches'], methods: ['countTokens'] } as const;

/**
 * Claude on Amazon Bedrock. The same resources as the main client (Messages with `stream()` and
 * `parse()`, legacy Completions, beta Messages with the tool runner), sent to Bedrock's
 * `InvokeModel` endpoints and signed with AWS SigV4. Credentials are the static keys given, or
 * the default AWS chain (environment, shared config/SSO, web identity, container/instance role).
 * Methods Bedrock does not serve (batches, token counting, models, files, skills) throw
 * `UnsupportedOnPlatformError` before sending anything.
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

  /** Static credentials: both keys, optionally with a session token. */
  constructor(opts: ClientOptions & BothStaticCreds);
  /** No static keys: credentials come from the default AWS chain (or `providerChainResolver`). */
  constructor(opts?: ClientOptions & NoStaticCreds);
  /** @deprecated Only `awsAccessKey` is ignored (the default chain is used): pass both keys, or neither. */
  constructor(opts: ClientOptions & AccessOnly);
  /** @deprecated Only `awsSecretKey` is ignored (the default chain is used): pass both keys, or neither. */
  constructor(opts: ClientOptions & SecretOnly);
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

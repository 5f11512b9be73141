/**
 * `@sdkgen/anthropic/resources/messages/messages`: the generated module, with `Messages` being the class that
 * `client.messages` is (the overlay with `stream()` and `parse()`), as in 0.74.0. The explicit exports come before
 * `export *` so that CommonJS builds keep them too (tsc's `__exportStar` skips names already defined).
 */
import { Anthropic } from '../../../client.js';

export type { MessageStreamParams } from '../../../lib/MessagesOverlay.js';
/**
 * The messages resource, `client.messages`: the generated methods plus `stream()` and `parse()`; its namespace
 * holds the resource's types (`Messages.MessageParam`).
 *
 * @example
 * ```ts
 * import { Messages } from '@sdkgen/anthropic/resources/messages/messages';
 * const stream = new Messages(client).stream({ model, max_tokens: 1024, messages });
 * ```
 */
export import Messages = Anthropic.Messages;
export * from '../../../resources/messages/messages.js';

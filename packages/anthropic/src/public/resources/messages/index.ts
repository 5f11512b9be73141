/**
 * `@sdkgen/anthropic/resources/messages` (and `/index`): the generated index, with `Messages` being the overlay
 * class `client.messages` is. Explicit exports precede `export *` for the CommonJS build's sake.
 */
import { Anthropic } from '../../../client.js';

export type { MessageStreamParams } from '../../../lib/MessagesOverlay.js';
/**
 * The messages resource with `stream()` and `parse()`; see `resources/messages/messages`.
 *
 * @example
 * ```ts
 * import { Messages } from '@sdkgen/anthropic/resources/messages';
 * ```
 */
export import Messages = Anthropic.Messages;
export * from '../../../resources/messages/index.js';

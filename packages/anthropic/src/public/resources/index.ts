/**
 * `@sdkgen/anthropic/resources` (and `/index`): the generated index, with `Messages` and `Beta` being the classes
 * the client uses (overlays with the hand-written helpers). Explicit exports precede `export *` for the CommonJS
 * build's sake.
 */
import { Anthropic } from '../../client.js';

export type { MessageStreamParams } from '../../lib/MessagesOverlay.js';
/**
 * The messages resource, `client.messages`, with `stream()` and `parse()`.
 *
 * @example
 * ```ts
 * import { Messages } from '@sdkgen/anthropic/resources';
 * ```
 */
export import Messages = Anthropic.Messages;
/** The beta resource, `client.beta`, whose `messages` is the overlay. */
export import Beta = Anthropic.Beta;
export * from '../../resources/index.js';

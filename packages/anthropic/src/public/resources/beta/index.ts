/**
 * `@sdkgen/anthropic/resources/beta` (and `/index`): the generated index, with `Beta`, `Messages` and `Files` being
 * the classes the client uses. Explicit exports precede `export *` for the CommonJS build's sake.
 */
import { Anthropic } from '../../../client.js';

/**
 * The beta resource, `client.beta`, whose `messages` is the overlay.
 *
 * @example
 * ```ts
 * import { Beta } from '@sdkgen/anthropic/resources/beta';
 * ```
 */
export import Beta = Anthropic.Beta;
/** The beta messages resource with `stream()`, `parse()` and `toolRunner()`. */
export import Messages = Anthropic.Beta.Messages;
/** The beta files resource, `client.beta.files`, whose `upload()` names helper-made files. */
export import Files = Anthropic.Beta.Files;
export * from '../../../resources/beta/index.js';

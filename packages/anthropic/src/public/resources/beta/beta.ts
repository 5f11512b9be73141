/**
 * `@sdkgen/anthropic/resources/beta/beta`: the generated module, with `Beta` being the class `client.beta` is,
 * whose `messages` is the overlay. Explicit exports precede `export *` for the CommonJS build's sake.
 */
import { Anthropic } from '../../../client.js';

/**
 * The beta resource, `client.beta`; `Beta.Messages` and `beta.messages` are the overlay with the helpers.
 *
 * @example
 * ```ts
 * import { Beta } from '@sdkgen/anthropic/resources/beta/beta';
 * const stream = new Beta(client).messages.stream({ model, max_tokens: 1024, messages });
 * ```
 */
export import Beta = Anthropic.Beta;
export * from '../../../resources/beta/beta.js';

/**
 * `@sdkgen/anthropic/resources/beta/messages` (and `/index`): the generated index, with the overlay `Messages`
 * and 0.74.0's tool-runner names. Explicit exports precede `export *` for the CommonJS build's sake.
 */
import { Anthropic } from '../../../../client.js';

export { BetaToolRunner, type BetaToolRunnerParams } from '../../../../lib/tools/BetaToolRunner.js';
export { ToolError } from '../../../../lib/tools/ToolError.js';
/**
 * The beta messages resource with `stream()`, `parse()` and `toolRunner()`.
 *
 * @example
 * ```ts
 * import { Messages } from '@sdkgen/anthropic/resources/beta/messages';
 * ```
 */
export import Messages = Anthropic.Beta.Messages;
export * from '../../../../resources/beta/messages/index.js';

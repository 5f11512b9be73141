/**
 * `@sdkgen/anthropic/resources/beta/messages/messages`: the generated module, with `Messages` being the class that
 * `client.beta.messages` is (with `stream()`, `parse()` and `toolRunner()`), plus 0.74.0's tool-runner names.
 * Explicit exports precede `export *` for the CommonJS build's sake.
 */
import { Anthropic } from '../../../../client.js';

export { BetaToolRunner, type BetaToolRunnerParams } from '../../../../lib/tools/BetaToolRunner.js';
export { ToolError } from '../../../../lib/tools/ToolError.js';
/**
 * The beta messages resource, `client.beta.messages`, with the hand-written helpers; its namespace holds the
 * resource's types (`Messages.BetaMessage`).
 *
 * @example
 * ```ts
 * import { Messages } from '@sdkgen/anthropic/resources/beta/messages/messages';
 * const runner = new Messages(client).toolRunner({ model, max_tokens: 1024, messages, tools });
 * ```
 */
export import Messages = Anthropic.Beta.Messages;
export * from '../../../../resources/beta/messages/messages.js';

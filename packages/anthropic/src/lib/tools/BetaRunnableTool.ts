import type {
  BetaMemoryTool20250818,
  BetaTool,
  BetaToolBash20241022,
  BetaToolBash20250124,
  BetaToolComputerUse20241022,
  BetaToolComputerUse20250124,
  BetaToolComputerUse20251124,
  BetaToolResultContentBlockParam,
  BetaToolTextEditor20241022,
  BetaToolTextEditor20250124,
  BetaToolTextEditor20250429,
  BetaToolTextEditor20250728,
} from '../../resources/beta/messages/messages.js';

/** A value or a promise of it. */
export type Promisable<T> = T | Promise<T>;

/**
 * Tool definitions whose calls are executed by the client (custom tools and the client-side
 * bash/computer/text-editor/memory tools), as opposed to server tools the API runs itself.
 */
export type BetaClientRunnableToolType =
  | BetaTool
  | BetaMemoryTool20250818
  | BetaToolBash20241022
  | BetaToolBash20250124
  | BetaToolComputerUse20241022
  | BetaToolComputerUse20250124
  | BetaToolComputerUse20251124
  | BetaToolTextEditor20241022
  | BetaToolTextEditor20250124
  | BetaToolTextEditor20250429
  | BetaToolTextEditor20250728;

/**
 * A tool definition the tool runner can execute: the API-facing definition plus `parse` (validate and
 * convert the model's raw input; throw to reject it) and `run` (produce the tool result).
 *
 * @example
 * ```ts
 * const clock: BetaRunnableTool<{}> = {
 *   type: 'custom',
 *   name: 'clock',
 *   input_schema: { type: 'object' },
 *   parse: (input) => input as {},
 *   run: () => new Date().toISOString(),
 * };
 * ```
 */
export type BetaRunnableTool<Input = any> = BetaClientRunnableToolType & {
  run: (args: Input) => Promisable<string | Array<BetaToolResultContentBlockParam>>;
  parse: (content: unknown) => Input;
};

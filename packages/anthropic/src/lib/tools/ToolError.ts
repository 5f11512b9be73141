import type { BetaToolResultContentBlockParam } from '../../resources/beta/messages/messages.js';

/**
 * Throw this from a tool's `run` to control what the model sees as the failed tool result: the tool
 * runner sends `content` back verbatim with `is_error: true` (any other thrown error becomes a short
 * `Error: <message>` text).
 *
 * @example
 * ```ts
 * const lookup = betaTool({
 *   name: 'lookup',
 *   description: 'Looks up an order',
 *   inputSchema: { type: 'object', properties: { id: { type: 'string' } }, required: ['id'] },
 *   run: async ({ id }) => {
 *     const order = await db.find(id);
 *     if (!order) throw new ToolError(`No order with id ${id}; ask the user to check it.`);
 *     return JSON.stringify(order);
 *   },
 * });
 * ```
 */
export class ToolError extends Error {
  /** What the model receives as the tool result. */
  readonly content: string | Array<BetaToolResultContentBlockParam>;

  constructor(content: string | Array<BetaToolResultContentBlockParam>) {
    super(typeof content === 'string' ? content : summarize(content));
    this.name = 'ToolError';
    this.content = content;
  }
}

function summarize(blocks: Array<BetaToolResultContentBlockParam>): string {
  return blocks.map((block) => (block.type === 'text' ? block.text : `[${block.type}]`)).join(' ');
}

import type { BetaRunnableTool, Promisable } from '../../lib/tools/BetaRunnableTool.js';
import { ToolError } from '../../lib/tools/ToolError.js';
import type {
  BetaMemoryTool20250818Command,
  BetaToolResultContentBlockParam,
} from '../../resources/beta/messages/messages.js';

type Command = BetaMemoryTool20250818Command['command'];

/** One handler per memory command (`view`, `create`, `str_replace`, `insert`, `delete`, `rename`). */
export type MemoryToolHandlers = {
  [K in Command]: (
    command: Extract<BetaMemoryTool20250818Command, { command: K }>,
  ) => Promisable<string | Array<BetaToolResultContentBlockParam>>;
};

/** Fields each command must carry, with their JSON types; used to reject malformed calls early. */
const REQUIRED_FIELDS: Record<Command, Record<string, 'string' | 'number'>> = {
  view: { path: 'string' },
  create: { path: 'string', file_text: 'string' },
  str_replace: { path: 'string', old_str: 'string', new_str: 'string' },
  insert: { path: 'string', insert_line: 'number', insert_text: 'string' },
  delete: { path: 'string' },
  rename: { old_path: 'string', new_path: 'string' },
};

/**
 * Creates the client-side memory tool (`memory_20250818`) for the tool runner, dispatching each call to
 * the handler for its command. Malformed calls and unknown commands become `is_error` tool results.
 * For a ready-made store on disk see `BetaLocalFilesystemMemoryTool` in `helpers/beta/memory-filesystem`.
 *
 * @example
 * ```ts
 * const memory = betaMemoryTool(await BetaLocalFilesystemMemoryTool.init('./memory'));
 * await client.beta.messages.toolRunner({ model, max_tokens: 1024, messages, tools: [memory] });
 * ```
 */
export function betaMemoryTool(
  handlers: MemoryToolHandlers,
): BetaRunnableTool<BetaMemoryTool20250818Command> {
  return {
    type: 'memory_20250818',
    name: 'memory',
    parse: parseMemoryCommand,
    run: (command) => {
      const handler = handlers[command.command] as (
        c: BetaMemoryTool20250818Command,
      ) => ReturnType<MemoryToolHandlers[Command]>;
      // A plain Error, so the model reads `Error: <command> not implemented`, as from 0.74.0.
      if (typeof handler !== 'function') throw new Error(`${command.command} not implemented`);
      return handler.call(handlers, command);
    },
  };
}

function parseMemoryCommand(input: unknown): BetaMemoryTool20250818Command {
  if (typeof input !== 'object' || input === null || typeof (input as any).command !== 'string') {
    throw new ToolError("memory tool input must be an object with a string 'command'");
  }
  const record = input as Record<string, unknown>;
  const fields = REQUIRED_FIELDS[record.command as Command];
  if (!fields || !Object.hasOwn(REQUIRED_FIELDS, record.command as string)) {
    throw new ToolError(`unknown memory command '${String(record.command)}'`);
  }
  for (const [field, type] of Object.entries(fields)) {
    if (typeof record[field] !== type) {
      throw new ToolError(`memory command '${record.command}': '${field}' must be a ${type}`);
    }
  }
  return record as unknown as BetaMemoryTool20250818Command;
}

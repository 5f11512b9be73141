import type {
  BetaContentBlockParam,
  BetaMessageParam,
  BetaToolResultBlockParam,
  BetaToolUseBlockParam,
} from '../../resources/beta/messages/messages.js';
import type { BetaRunnableTool } from './BetaRunnableTool.js';
import { ToolError } from './ToolError.js';

type AnyTool = { name?: string; mcp_server_name?: string } | BetaRunnableTool<any>;

function toolName(tool: AnyTool): string | undefined {
  return 'name' in tool ? tool.name : (tool as { mcp_server_name?: string }).mcp_server_name;
}

function failure(
  toolUseId: string,
  content: NonNullable<BetaToolResultBlockParam['content']>,
): BetaToolResultBlockParam {
  return { type: 'tool_result', tool_use_id: toolUseId, content, is_error: true };
}

/** Runs one tool call; every failure (unknown tool, rejected input, thrown error) becomes an error result. */
async function runToolCall(
  tools: readonly AnyTool[],
  call: BetaToolUseBlockParam,
): Promise<BetaToolResultBlockParam> {
  const tool = tools.find((candidate) => toolName(candidate) === call.name);
  // A tool the client cannot run (no `run`) reads as not found, as in 0.74.0.
  if (!tool || !('run' in tool) || typeof tool.run !== 'function') {
    return failure(call.id, `Error: Tool '${call.name}' not found`);
  }
  try {
    const input = typeof tool.parse === 'function' ? tool.parse(call.input) : call.input;
    const content = await tool.run(input);
    return { type: 'tool_result', tool_use_id: call.id, content };
  } catch (error) {
    if (error instanceof ToolError) return failure(call.id, error.content);
    return failure(call.id, `Error: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/**
 * Executes, concurrently, every `tool_use` block of an assistant message and returns the user message
 * carrying the results in call order, or `null` if the message requests no tools.
 *
 * @example
 * ```ts
 * const reply = await generateToolResponse({ tools }, assistantMessage);
 * if (reply) messages.push(reply);
 * ```
 */
export async function generateToolResponse(
  params: { tools: readonly AnyTool[] },
  lastMessage: BetaMessageParam | undefined,
): Promise<BetaMessageParam | null> {
  if (lastMessage?.role !== 'assistant' || typeof lastMessage.content === 'string') return null;
  const calls = (lastMessage.content as BetaContentBlockParam[]).filter(
    (block): block is BetaToolUseBlockParam => block.type === 'tool_use',
  );
  if (calls.length === 0) return null;
  const content = await Promise.all(calls.map((call) => runToolCall(params.tools, call)));
  return { role: 'user', content };
}

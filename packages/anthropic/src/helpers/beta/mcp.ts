/**
 * Converters between MCP (Model Context Protocol) values and Claude API values: MCP tools become
 * runnable tools for the tool runner, MCP prompt messages and resources become message content.
 */

import {
  collectStainlessHelpers,
  SDK_HELPER_SYMBOL,
  stainlessHelperHeader,
} from '../../lib/stainless-helper-header.js';
import type { BetaRunnableTool } from '../../lib/tools/BetaRunnableTool.js';
import { ToolError } from '../../lib/tools/ToolError.js';
import type {
  BetaImageBlockParam,
  BetaMessageParam,
  BetaPlainTextSource,
  BetaRequestDocumentBlock,
  BetaTextBlockParam,
  BetaTool,
  BetaToolResultContentBlockParam,
} from '../../resources/beta/messages/messages.js';
import type {
  MCPClientLike,
  MCPPromptContentLike,
  MCPPromptMessageLike,
  MCPReadResourceResultLike,
  MCPResourceContentsLike,
  MCPToolLike,
} from './mcp-types.js';

export type * from './mcp-types.js';
export { collectStainlessHelpers, SDK_HELPER_SYMBOL, stainlessHelperHeader };

/** Thrown when an MCP value has no Claude API equivalent (audio, resource links, unsupported MIME types). */
export class UnsupportedMCPValueError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UnsupportedMCPValueError';
  }
}

/** Extra API fields (e.g. `cache_control`) merged into every block a converter produces. */
type BlockExtras = Partial<
  Omit<BetaTextBlockParam, 'type' | 'text' | 'source'> &
    Omit<BetaImageBlockParam, 'type' | 'source'> &
    Omit<BetaRequestDocumentBlock, 'type' | 'source'>
>;
type ContentBlock = BetaTextBlockParam | BetaImageBlockParam | BetaRequestDocumentBlock;

const IMAGE_TYPES = new Set(['image/jpeg', 'image/png', 'image/gif', 'image/webp']);
type ImageMediaType = 'image/jpeg' | 'image/png' | 'image/gif' | 'image/webp';

function tag<T extends object>(value: T, helper: string): T {
  return Object.assign(value, { [SDK_HELPER_SYMBOL]: helper });
}

function decodeBase64(data: string): Uint8Array {
  const binary = atob(data);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/**
 * Wraps an MCP tool as a runnable tool that forwards calls to `mcpClient.callTool()`. An MCP error
 * result becomes an `is_error` tool result; structured-only results are sent as JSON text.
 *
 * @example
 * ```ts
 * const { tools } = await mcpClient.listTools();
 * await client.beta.messages.toolRunner({ model, max_tokens: 1024, messages, tools: tools.map((t) => mcpTool(t, mcpClient)) });
 * ```
 */
export function mcpTool(
  tool: MCPToolLike,
  mcpClient: MCPClientLike,
  extraProps?: Partial<Omit<BetaTool, 'name' | 'description' | 'input_schema'>>,
): BetaRunnableTool<Record<string, unknown>> {
  const definition: BetaTool = {
    name: tool.name,
    input_schema: {
      ...tool.inputSchema,
      type: 'object',
      properties: tool.inputSchema.properties ?? null,
      required: (tool.inputSchema.required as string[] | null | undefined) ?? null,
    },
    ...(tool.description !== undefined ? { description: tool.description } : {}),
    ...extraProps,
  };
  const run = async (input: Record<string, unknown>): Promise<string | BetaToolResultContentBlockParam[]> => {
    const result = await mcpClient.callTool({ name: tool.name, arguments: input });
    const blocks = () => result.content.map((item) => mcpContent(item) as BetaToolResultContentBlockParam);
    if (result.isError) throw new ToolError(blocks());
    if (
      result.content.length === 0 &&
      result.structuredContent &&
      typeof result.structuredContent === 'object'
    ) {
      return JSON.stringify(result.structuredContent);
    }
    return blocks();
  };
  return tag({ ...definition, run, parse: (input: unknown) => input as Record<string, unknown> }, 'mcpTool');
}

/**
 * {@link mcpTool} for a list of tools.
 * @example
 * ```ts
 * const tools = mcpTools((await mcpClient.listTools()).tools, mcpClient);
 * ```
 */
export function mcpTools(
  tools: MCPToolLike[],
  mcpClient: MCPClientLike,
  extraProps?: Partial<Omit<BetaTool, 'name' | 'description' | 'input_schema'>>,
): BetaRunnableTool<Record<string, unknown>>[] {
  return tools.map((tool) => mcpTool(tool, mcpClient, extraProps));
}

/**
 * Converts an MCP prompt message to a beta message param.
 * @example
 * ```ts
 * const { messages } = await mcpClient.getPrompt({ name: 'review' });
 * await client.beta.messages.create({ model, max_tokens: 1024, messages: messages.map((m) => mcpMessage(m)) });
 * ```
 */
export function mcpMessage(message: MCPPromptMessageLike, extraProps?: BlockExtras): BetaMessageParam {
  return tag({ role: message.role, content: [mcpContent(message.content, extraProps)] }, 'mcpMessage');
}

/**
 * {@link mcpMessage} for a list of messages.
 * @example
 * ```ts
 * const messages = mcpMessages((await mcpClient.getPrompt({ name: 'review' })).messages);
 * ```
 */
export function mcpMessages(messages: MCPPromptMessageLike[], extraProps?: BlockExtras): BetaMessageParam[] {
  return messages.map((message) => mcpMessage(message, extraProps));
}

/**
 * Converts one MCP content item (text, image or embedded resource) to a content block.
 * @example
 * ```ts
 * const block = mcpContent({ type: 'text', text: 'hello' });
 * ```
 */
export function mcpContent(content: MCPPromptContentLike, extraProps?: BlockExtras): ContentBlock {
  switch (content.type) {
    case 'text':
      return tag({ type: 'text' as const, text: content.text, ...extraProps }, 'mcpContent');
    case 'image':
      if (!IMAGE_TYPES.has(content.mimeType)) {
        throw new UnsupportedMCPValueError(`Unsupported image MIME type: ${content.mimeType}`);
      }
      return tag(
        {
          type: 'image' as const,
          source: {
            type: 'base64' as const,
            data: content.data,
            media_type: content.mimeType as ImageMediaType,
          },
          ...extraProps,
        },
        'mcpContent',
      );
    case 'resource':
      return resourceBlock(content.resource, extraProps, 'mcpContent');
    default:
      throw new UnsupportedMCPValueError(
        `Unsupported MCP content type: ${(content as { type: string }).type}`,
      );
  }
}

function isSupportedMimeType(mimeType: string | undefined): boolean {
  return (
    !mimeType || mimeType.startsWith('text/') || mimeType === 'application/pdf' || IMAGE_TYPES.has(mimeType)
  );
}

function resourceBlock(
  resource: MCPResourceContentsLike,
  extraProps: BlockExtras | undefined,
  helper: string,
) {
  const mimeType = resource.mimeType;
  if (mimeType && (IMAGE_TYPES.has(mimeType) || mimeType === 'application/pdf')) {
    const isPDF = mimeType === 'application/pdf';
    if (!('blob' in resource)) {
      throw new UnsupportedMCPValueError(
        `${isPDF ? 'PDF' : 'Image'} resource must have blob data, not text. URI: ${resource.uri}`,
      );
    }
    const source = { type: 'base64' as const, data: resource.blob };
    const block = isPDF
      ? { type: 'document' as const, source: { ...source, media_type: 'application/pdf' as const } }
      : { type: 'image' as const, source: { ...source, media_type: mimeType as ImageMediaType } };
    return tag({ ...block, ...extraProps } as ContentBlock, helper);
  }
  if (!mimeType || mimeType.startsWith('text/')) {
    const data = 'text' in resource ? resource.text : new TextDecoder().decode(decodeBase64(resource.blob));
    const source: BetaPlainTextSource = { type: 'text', data, media_type: 'text/plain' };
    return tag({ type: 'document' as const, source, ...extraProps } as ContentBlock, helper);
  }
  throw new UnsupportedMCPValueError(`Unsupported MIME type "${mimeType}" for resource: ${resource.uri}`);
}

/**
 * Converts the first supported item of a `readResource()` result to a content block.
 * @example
 * ```ts
 * const block = mcpResourceToContent(await mcpClient.readResource({ uri: 'file:///notes.md' }));
 * ```
 */
export function mcpResourceToContent(
  result: MCPReadResourceResultLike,
  extraProps?: Partial<Omit<BetaRequestDocumentBlock, 'type' | 'source'>>,
): ContentBlock {
  if (result.contents.length === 0) {
    throw new UnsupportedMCPValueError('Resource contents array must contain at least one item');
  }
  const supported = result.contents.find((item) => isSupportedMimeType(item.mimeType));
  if (!supported) {
    const available = result.contents.map((item) => item.mimeType).filter((type) => type !== undefined);
    throw new UnsupportedMCPValueError(
      `No supported MIME type found in resource contents. Available: ${available.join(', ')}`,
    );
  }
  return resourceBlock(supported, extraProps as BlockExtras, 'mcpResourceToContent');
}

/**
 * Turns the first item of a `readResource()` result into a `File` for `client.beta.files.upload()`.
 * @example
 * ```ts
 * await client.beta.files.upload({ file: mcpResourceToFile(await mcpClient.readResource({ uri })) });
 * ```
 */
export function mcpResourceToFile(result: MCPReadResourceResultLike): File {
  const first = result.contents[0];
  if (!first) throw new UnsupportedMCPValueError('Resource contents array must contain at least one item');
  const name = new URL(first.uri).pathname.split('/').at(-1) || 'file';
  const bytes = 'blob' in first ? decodeBase64(first.blob) : new TextEncoder().encode(first.text);
  const file = new File([bytes as BlobPart], name, first.mimeType ? { type: first.mimeType } : undefined);
  return tag(file, 'mcpResourceToFile');
}

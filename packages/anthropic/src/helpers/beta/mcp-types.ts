/**
 * Structural stand-ins for the `@modelcontextprotocol/sdk` types the MCP helpers accept, so this package
 * needs no dependency on it: anything shaped like the MCP SDK's values fits.
 */

/** A tool definition as listed by `mcpClient.listTools()`. */
export interface MCPToolLike {
  name: string;
  description?: string | undefined;
  inputSchema: {
    type: 'object';
    properties?: Record<string, unknown> | null | undefined;
    required?: string[] | readonly string[] | null | undefined;
    [key: string]: unknown;
  };
}

/** Text content. */
export interface MCPTextContentLike {
  type: 'text';
  text: string;
}

/** Base64 image content. */
export interface MCPImageContentLike {
  type: 'image';
  data: string;
  mimeType: string;
}

/** Base64 audio content (the Claude API has no audio input, so it is rejected). */
export interface MCPAudioContentLike {
  type: 'audio';
  data: string;
  mimeType: string;
}

/** A resource embedded in a result or prompt. */
export interface MCPEmbeddedResourceLike {
  type: 'resource';
  resource: MCPResourceContentsLike;
}

/** A link to a resource (not fetched by the helpers, so rejected). */
export interface MCPResourceLinkLike {
  type: 'resource_link';
  uri: string;
  name: string;
  mimeType?: string | undefined;
}

/** Any content item of a tool result. */
export type MCPToolResultContentLike =
  | MCPTextContentLike
  | MCPImageContentLike
  | MCPAudioContentLike
  | MCPEmbeddedResourceLike
  | MCPResourceLinkLike;

/** The result of `mcpClient.callTool()`. */
export interface MCPCallToolResultLike {
  content: MCPToolResultContentLike[];
  structuredContent?: object | undefined;
  isError?: boolean | undefined;
}

/** Textual resource contents. */
export interface MCPTextResourceContentsLike {
  uri: string;
  mimeType?: string | undefined;
  text: string;
}

/** Binary resource contents, base64-encoded. */
export interface MCPBlobResourceContentsLike {
  uri: string;
  mimeType?: string | undefined;
  blob: string;
}

/** Either kind of resource contents. */
export type MCPResourceContentsLike = MCPTextResourceContentsLike | MCPBlobResourceContentsLike;

/** The part of an MCP client the tool helpers call. */
export interface MCPClientLike {
  callTool(params: { name: string; arguments?: Record<string, unknown> }): Promise<MCPCallToolResultLike>;
}

/** Content of a prompt message. */
export type MCPPromptContentLike = MCPToolResultContentLike;

/** A message of a prompt from `mcpClient.getPrompt()`. */
export interface MCPPromptMessageLike {
  role: 'user' | 'assistant';
  content: MCPPromptContentLike;
}

/** The result of `mcpClient.readResource()`. */
export interface MCPReadResourceResultLike {
  contents: MCPResourceContentsLike[];
}

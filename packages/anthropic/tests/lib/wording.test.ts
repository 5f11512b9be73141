// The errors and warnings users match on carry @anthropic-ai/sdk@0.74.0's exact wording (issue 11 item 6).
// Every expected text below was observed by running 0.74.0's built JS on the same input.
import { AnthropicError } from '@sdkgen/anthropic/core/error';
import { Page } from '@sdkgen/anthropic/core/pagination';
import { Stream } from '@sdkgen/anthropic/core/streaming';
import { toFile } from '@sdkgen/anthropic/core/uploads';
import { betaJSONSchemaOutputFormat } from '@sdkgen/anthropic/helpers/beta/json-schema';
import {
  mcpContent,
  mcpResourceToContent,
  UnsupportedMCPValueError,
} from '@sdkgen/anthropic/helpers/beta/mcp';
import { betaMemoryTool } from '@sdkgen/anthropic/helpers/beta/memory';
import { betaZodOutputFormat } from '@sdkgen/anthropic/helpers/beta/zod';
import { jsonSchemaOutputFormat } from '@sdkgen/anthropic/helpers/json-schema';
import { zodOutputFormat } from '@sdkgen/anthropic/helpers/zod';
import { maybeParseBetaMessage, parseBetaMessage } from '@sdkgen/anthropic/lib/beta-parser';
import { parseMessage } from '@sdkgen/anthropic/lib/parser';
import { compactMessages } from '@sdkgen/anthropic/lib/tools/compaction';
import { generateToolResponse } from '@sdkgen/anthropic/lib/tools/run-tools';
import { afterEach, describe, expect, it, vi } from 'vitest';
import * as z from 'zod';
import { JSONLDecoder } from '../../src/internal/decoders/jsonl.js';
import { multipartFormRequestOptions } from '../../src/internal/uploads.js';
import { clientFor, startServer } from '../runtime/client.js';

afterEach(() => {
  vi.unstubAllGlobals();
});

/** What `JSON.parse('nope')` throws on this runtime (V8 words it per version). */
const syntax = (() => {
  try {
    JSON.parse('nope');
  } catch (error) {
    return error as SyntaxError;
  }
  throw new Error('unreachable');
})();
const Answer = z.object({ a: z.number() });
const zodMessage = Answer.safeParse({ a: 'x' }).error!.message;
const zodIssue = '  - a: Invalid input: expected number, received string';

const message = (text: string): any => ({
  id: 'msg_1',
  type: 'message',
  role: 'assistant',
  model: 'claude-sonnet-4-5',
  content: [{ type: 'text', text }],
  stop_reason: 'end_turn',
  stop_sequence: null,
  usage: { input_tokens: 1, output_tokens: 1 },
});
const logger = { warn: () => {} };
const parseGA = (format: any, text: string) =>
  parseMessage(message(text), { output_config: { format } } as any, { logger });
const parseBeta = (format: any, text: string) =>
  parseBetaMessage(message(text), { output_format: format } as any, { logger });

type Case = { name: string; run: () => unknown; error: string; type?: new (...args: any[]) => Error };

const mcpCases: Case[] = [
  {
    name: 'image resource without blob',
    run: () =>
      mcpContent({ type: 'resource', resource: { uri: 'file:///a.png', mimeType: 'image/png', text: 'x' } }),
    error: 'Image resource must have blob data, not text. URI: file:///a.png',
  },
  {
    name: 'PDF resource without blob',
    run: () =>
      mcpContent({
        type: 'resource',
        resource: { uri: 'file:///a.pdf', mimeType: 'application/pdf', text: 'x' },
      }),
    error: 'PDF resource must have blob data, not text. URI: file:///a.pdf',
  },
  {
    name: 'no supported MIME type among the contents',
    run: () =>
      mcpResourceToContent({
        contents: [
          { uri: 'file:///a.zip', mimeType: 'application/zip', blob: '' },
          { uri: 'file:///b.wav', mimeType: 'audio/wav', blob: '' },
        ],
      }),
    error: 'No supported MIME type found in resource contents. Available: application/zip, audio/wav',
  },
].map((c) => ({ ...c, type: UnsupportedMCPValueError }));

const parserCases: Case[] = [
  {
    name: 'GA parser, plain JSON format, invalid JSON',
    run: () => parseGA({ type: 'json_schema', schema: {} }, 'nope'),
    error: `Failed to parse structured output: ${syntax}`,
  },
  {
    name: 'GA parser, jsonSchemaOutputFormat, invalid JSON',
    run: () => parseGA(jsonSchemaOutputFormat({ type: 'object' }), 'nope'),
    error: `Failed to parse structured output: Error: Failed to parse structured output: ${syntax.message}`,
  },
  {
    name: 'GA parser, zodOutputFormat, invalid JSON',
    run: () => parseGA(zodOutputFormat(Answer), 'nope'),
    error: `Failed to parse structured output: Error: Failed to parse structured output as JSON: ${syntax.message}`,
  },
  {
    name: 'GA parser, zodOutputFormat, schema mismatch',
    run: () => parseGA(zodOutputFormat(Answer), '{"a":"x"}'),
    error: `Failed to parse structured output: Error: Failed to parse structured output: ${zodMessage}\nValidation issues:\n${zodIssue}`,
  },
  {
    name: 'beta parser, plain JSON format, invalid JSON',
    run: () => parseBeta({ type: 'json_schema', schema: {} }, 'nope'),
    error: `Failed to parse structured output: ${syntax}`,
  },
  {
    name: 'beta parser, betaZodOutputFormat, invalid JSON',
    run: () => parseBeta(betaZodOutputFormat(Answer), 'nope'),
    error: `Failed to parse structured output: ${syntax}`,
  },
  {
    name: 'beta parser, betaZodOutputFormat, schema mismatch',
    run: () => parseBeta(betaZodOutputFormat(Answer), '{"a":"x"}'),
    error: `Failed to parse structured output: Error: Failed to parse structured output: ${zodMessage} cause: [object Object]`,
  },
];

const formatCases: Case[] = [
  {
    name: 'jsonSchemaOutputFormat of a non-object schema',
    run: () => jsonSchemaOutputFormat({ type: 'string' } as any),
    error: 'JSON schema must be an object, but got string',
  },
  {
    name: 'betaJSONSchemaOutputFormat of a non-object schema',
    run: () => betaJSONSchemaOutputFormat({ type: 'string' } as any),
    error: 'JSON schema for tool must be an object, but got string',
  },
  {
    name: 'jsonSchemaOutputFormat().parse of invalid JSON',
    run: () => jsonSchemaOutputFormat({ type: 'object' }).parse('nope'),
    error: `Failed to parse structured output: ${syntax.message}`,
  },
  {
    name: 'betaJSONSchemaOutputFormat().parse of invalid JSON',
    run: () => betaJSONSchemaOutputFormat({ type: 'object' }).parse('nope'),
    error: `Failed to parse structured output: ${syntax}`,
  },
  {
    name: 'zodOutputFormat().parse of invalid JSON',
    run: () => zodOutputFormat(Answer).parse('nope'),
    error: `Failed to parse structured output as JSON: ${syntax.message}`,
  },
  {
    name: 'zodOutputFormat().parse of a schema mismatch',
    run: () => zodOutputFormat(Answer).parse('{"a":"x"}'),
    error: `Failed to parse structured output: ${zodMessage}\nValidation issues:\n${zodIssue}`,
  },
  {
    name: 'betaZodOutputFormat().parse of a schema mismatch',
    run: () => betaZodOutputFormat(Answer).parse('{"a":"x"}'),
    error: `Failed to parse structured output: ${zodMessage} cause: [object Object]`,
  },
];

const uploadCases: Case[] = [
  {
    name: 'null form value',
    run: () => multipartFormRequestOptions({ body: { a: null } }),
    error: `Received null for "a"; to pass null in FormData, you must use the string 'null'`,
    type: TypeError,
  },
  {
    name: 'form value of an unsupported type',
    run: () => multipartFormRequestOptions({ body: { a: 10n } }),
    error:
      'Invalid value given to form, expected a string, number, boolean, object, Array, File or Blob but got 10 instead',
    type: TypeError,
  },
  {
    name: 'toFile without a global File',
    run: () => {
      vi.stubGlobal('File', undefined);
      return toFile(new Uint8Array([1]), 'a.bin');
    },
    error: '`File` is not defined as a global, which is required for file uploads.',
  },
  {
    name: 'toFile without a global File on Node < 20',
    run: () => {
      vi.stubGlobal('File', undefined);
      vi.stubGlobal('process', { ...process, versions: { ...process.versions, node: '18.20.0' } });
      return toFile(new Uint8Array([1]), 'a.bin');
    },
    error:
      "`File` is not defined as a global, which is required for file uploads. Update to Node 20 LTS or newer, or set `globalThis.File` to `import('node:buffer').File`.",
  },
];

const toolCases: Case[] = [
  {
    name: 'compaction answered without text',
    run: () =>
      compactMessages(
        async () => ({ ...message(''), content: [{ type: 'tool_use', id: 't', name: 'x', input: {} }] }),
        [],
        {
          model: 'claude-sonnet-4-5',
          max_tokens: 10,
          control: { enabled: true },
        },
      ),
    error: 'Expected text response for compaction',
  },
  {
    name: 'memory tool without a handler for the command',
    run: () => betaMemoryTool({} as any).run({ command: 'view', path: '/memories' }),
    error: 'view not implemented',
  },
];

const collect = async (stream: AsyncIterable<unknown>) => {
  for await (const _ of stream);
};
const stop = 'event: message_stop\ndata: {"type":"message_stop"}\n\n';
const noBody = 'Attempted to iterate over a response with no body';

const streamCases: Case[] = [
  {
    name: 'a stream iterated twice',
    run: async () => {
      const stream = Stream.fromSSEResponse(new Response(stop), new AbortController());
      await collect(stream);
      return collect(stream);
    },
    error: 'Cannot iterate over a consumed stream, use `.tee()` to split the stream.',
  },
  {
    name: 'an SSE response without a body',
    run: () => collect(Stream.fromSSEResponse(new Response(null), new AbortController())),
    error: noBody,
  },
  {
    name: 'a JSONL response without a body',
    run: () => JSONLDecoder.fromResponse(new Response(null), new AbortController()),
    error: noBody,
  },
  {
    name: 'a response without a body on React Native',
    run: () => {
      vi.stubGlobal('navigator', { product: 'ReactNative' });
      return collect(Stream.fromSSEResponse(new Response(null), new AbortController()));
    },
    error:
      'The default react-native fetch implementation does not support streaming. Please use expo/fetch: https://docs.expo.dev/versions/latest/sdk/expo/#expofetch-api',
  },
];

describe.each([
  ['MCP helpers', mcpCases],
  ['structured-output parsers', parserCases],
  ['output formats and tool helpers', formatCases],
  ['uploads', uploadCases],
  ['tools', toolCases],
  ['streams', streamCases],
])('%s throw 0.74.0 texts', (_group, cases) => {
  it.each(cases)('$name', async ({ run, error, type }) => {
    const thrown = await (async () => run())().then(
      () => undefined,
      (err: unknown) => err,
    );
    expect(thrown).toBeInstanceOf(type ?? Error);
    expect((thrown as Error).message).toBe(error);
  });
});

describe('texts that are not thrown', () => {
  it('a tool the client cannot run is reported as not found', async () => {
    const reply = await generateToolResponse(
      { tools: [{ name: 'web_search', type: 'web_search_20250305' }] } as any,
      {
        role: 'assistant',
        content: [{ type: 'tool_use', id: 'toolu_1', name: 'web_search', input: {} }],
      },
    );
    expect(reply?.content).toEqual([
      {
        type: 'tool_result',
        tool_use_id: 'toolu_1',
        content: "Error: Tool 'web_search' not found",
        is_error: true,
      },
    ]);
  });

  it('the deprecated `parsed` alias warns in 0.74.0 words, parsed or not', () => {
    const warn = vi.fn();
    const parsed = parseBetaMessage(
      message('{"a":1}'),
      { output_format: betaZodOutputFormat(Answer) } as any,
      {
        logger: { warn },
      },
    );
    expect((parsed.content[0] as any).parsed).toEqual({ a: 1 });
    expect(
      (maybeParseBetaMessage(message('x'), null, { logger: { warn } }).content[0] as any).parsed,
    ).toBeNull();
    const text = 'The `parsed` property on `text` blocks is deprecated, please use `parsed_output` instead.';
    expect(warn.mock.calls).toEqual([[text], [text]]);
  });

  it('getNextPage() past the last page', async () => {
    const server = await startServer([
      { body: { data: [], has_more: false, first_id: null, last_id: null } },
    ]);
    try {
      const page = await clientFor(server).getAPIList<{ id: string }, Page<{ id: string }>>(
        '/v1/items',
        Page,
      );
      await expect(page.getNextPage()).rejects.toThrow(
        new AnthropicError(
          'No next page expected; please check `.hasNextPage()` before calling `.getNextPage()`.',
        ),
      );
    } finally {
      await server.close();
    }
  });
});

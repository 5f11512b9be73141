import { betaJSONSchemaOutputFormat, betaTool } from '@sdkgen/anthropic/helpers/beta/json-schema';
import {
  mcpContent,
  mcpMessages,
  mcpResourceToContent,
  mcpResourceToFile,
  mcpTool,
  mcpTools,
  SDK_HELPER_SYMBOL,
  UnsupportedMCPValueError,
} from '@sdkgen/anthropic/helpers/beta/mcp';
import { betaZodOutputFormat, betaZodTool } from '@sdkgen/anthropic/helpers/beta/zod';
import { maybeParseBetaMessage } from '@sdkgen/anthropic/lib/beta-parser';
import { collectStainlessHelpers } from '@sdkgen/anthropic/lib/stainless-helper-header';
import { generateToolResponse } from '@sdkgen/anthropic/lib/tools/run-tools';
import { ToolError } from '@sdkgen/anthropic/lib/tools/ToolError';
import { describe, expect, it, vi } from 'vitest';
import * as z from 'zod';

describe('tool helpers', () => {
  it('betaTool keeps the schema and validates input, naming the bad field', () => {
    const tool = betaTool({
      name: 'book',
      description: 'Books a room',
      inputSchema: {
        type: 'object',
        properties: { room: { type: 'string', enum: ['a', 'b'] }, nights: { type: 'integer', minimum: 1 } },
        required: ['room', 'nights'],
      },
      run: ({ room, nights }) => `${room}:${nights}`,
    });
    expect(tool).toMatchObject({
      type: 'custom',
      name: 'book',
      input_schema: { required: ['room', 'nights'] },
    });
    expect(tool.parse({ room: 'a', nights: 2 })).toEqual({ room: 'a', nights: 2 });
    expect(() => tool.parse({ room: 'c', nights: 0 })).toThrow(ToolError);
    expect(() => tool.parse({ room: 'c', nights: 0 })).toThrow(
      /\/room: must be one of "a", "b"\n\/nights: must be >= 1/,
    );
    expect(() =>
      betaTool({ name: 'x', description: '', inputSchema: { type: 'string' } as any, run: () => '' }),
    ).toThrow(/must be an object/);
  });

  it('betaZodTool converts with z.toJSONSchema and reports zod issues by path', () => {
    const tool = betaZodTool({
      name: 'search',
      description: 'Searches',
      inputSchema: z.object({
        query: z.string().min(2),
        filters: z.object({ year: z.number().int() }).optional(),
      }),
      run: ({ query }) => query,
    });
    // Exactly z.toJSONSchema's output, $schema included, as 0.74.0 sends it.
    expect(JSON.stringify((tool as any).input_schema)).toBe(
      '{"$schema":"https://json-schema.org/draft/2020-12/schema","type":"object","properties":{"query":{"type":"string","minLength":2},"filters":{"type":"object","properties":{"year":{"type":"integer","minimum":-9007199254740991,"maximum":9007199254740991}},"required":["year"],"additionalProperties":false}},"required":["query"],"additionalProperties":false}',
    );
    expect(() => tool.parse({ query: 'x', filters: { year: 1.5 } })).toThrow(/query: .*\n.*filters\.year/);
    expect(() => betaZodTool({ name: 'n', description: '', inputSchema: z.string(), run: () => '' })).toThrow(
      'Zod schema for tool "n" must be an object, but got string',
    );
  });

  it('generateToolResponse returns null when no tool is requested', async () => {
    expect(await generateToolResponse({ tools: [] }, { role: 'assistant', content: 'plain' })).toBeNull();
    expect(await generateToolResponse({ tools: [] }, { role: 'user', content: [] })).toBeNull();
  });

  it('beta output formats transform the schema and parse', () => {
    const zodFormat = betaZodOutputFormat(z.object({ ok: z.boolean() }));
    expect(zodFormat.schema).toMatchObject({ additionalProperties: false });
    expect(zodFormat.parse('{"ok": true}')).toEqual({ ok: true });
    const jsonFormat = betaJSONSchemaOutputFormat({
      type: 'object',
      properties: { n: { type: 'number', maximum: 3 } },
    });
    expect(jsonFormat.schema).toEqual({
      type: 'object',
      properties: { n: { type: 'number', description: '{maximum: 3}' } },
      additionalProperties: false,
    });
    expect(() => jsonFormat.parse('{"n": 4}')).toThrow(/\/n: must be <= 3/);
  });

  it('the beta parser keeps the deprecated `parsed` alias, with a warning', () => {
    const warn = vi.fn();
    const format = betaZodOutputFormat(z.object({ a: z.number() }));
    const message: any = { content: [{ type: 'text', text: '{"a": 1}' }], usage: {} };
    const parsed: any = maybeParseBetaMessage(message, { output_format: format } as any, {
      logger: { warn },
    });
    expect(parsed.parsed_output).toEqual({ a: 1 });
    expect(parsed.content[0].parsed).toEqual({ a: 1 });
    expect(warn).toHaveBeenCalledOnce();
    expect(JSON.parse(JSON.stringify(parsed.content[0]))).toEqual({ type: 'text', text: '{"a": 1}' });
  });
});

describe('MCP helpers', () => {
  const listed = {
    name: 'lookup',
    description: 'Looks up',
    inputSchema: { type: 'object' as const, properties: { q: { type: 'string' } } },
  };

  it('mcpTool forwards calls and converts results', async () => {
    const callTool = vi.fn(async () => ({ content: [{ type: 'text' as const, text: 'found it' }] }));
    const tool = mcpTool(listed, { callTool }, { cache_control: { type: 'ephemeral' } });
    expect(tool).toMatchObject({
      name: 'lookup',
      description: 'Looks up',
      input_schema: { required: null },
      cache_control: { type: 'ephemeral' },
    });
    expect((tool as any)[SDK_HELPER_SYMBOL]).toBe('mcpTool');
    const result = await tool.run({ q: 'x' });
    expect(callTool).toHaveBeenCalledWith({ name: 'lookup', arguments: { q: 'x' } });
    expect(JSON.parse(JSON.stringify(result))).toEqual([{ type: 'text', text: 'found it' }]);
    expect(collectStainlessHelpers(mcpTools([listed], { callTool }), [])).toEqual(['mcpTool']);
  });

  it('mcpTool maps MCP errors to ToolError and structured-only results to JSON', async () => {
    const failing = mcpTool(listed, {
      callTool: async () => ({ isError: true, content: [{ type: 'text', text: 'nope' }] }),
    });
    await expect(failing.run({})).rejects.toBeInstanceOf(ToolError);
    const structured = mcpTool(listed, {
      callTool: async () => ({ content: [], structuredContent: { n: 1 } }),
    });
    expect(await structured.run({})).toBe('{"n":1}');
  });

  it('converts prompt content and resources, rejecting what the API cannot take', () => {
    const messages = mcpMessages([{ role: 'user', content: { type: 'text', text: 'hi' } }]);
    expect((messages[0] as any)[SDK_HELPER_SYMBOL]).toBe('mcpMessage');
    expect(JSON.parse(JSON.stringify(messages))).toEqual([
      { role: 'user', content: [{ type: 'text', text: 'hi' }] },
    ]);
    expect(mcpContent({ type: 'image', data: 'AAAA', mimeType: 'image/png' })).toMatchObject({
      type: 'image',
      source: { type: 'base64', media_type: 'image/png', data: 'AAAA' },
    });
    expect(() => mcpContent({ type: 'audio', data: '', mimeType: 'audio/wav' })).toThrow(
      UnsupportedMCPValueError,
    );
    expect(() => mcpContent({ type: 'image', data: '', mimeType: 'image/bmp' })).toThrow(/image\/bmp/);
    const blobText = { uri: 'file:///notes.md', mimeType: 'text/markdown', blob: btoa('# Notes') };
    expect(
      mcpResourceToContent({ contents: [{ uri: 'x:/a', mimeType: 'video/mp4', blob: '' }, blobText] }),
    ).toMatchObject({
      type: 'document',
      source: { type: 'text', media_type: 'text/plain', data: '# Notes' },
    });
    expect(
      mcpResourceToContent({
        contents: [{ uri: 'file:///a.pdf', mimeType: 'application/pdf', blob: 'JVBE' }],
      }),
    ).toMatchObject({
      type: 'document',
      source: { type: 'base64', media_type: 'application/pdf' },
    });
    expect(() => mcpResourceToContent({ contents: [] })).toThrow(UnsupportedMCPValueError);
  });

  it('mcpResourceToFile builds a named, typed File', async () => {
    const file = mcpResourceToFile({
      contents: [{ uri: 'file:///dir/report.txt', mimeType: 'text/plain', text: 'hello' }],
    });
    expect(file.name).toBe('report.txt');
    expect(file.type).toBe('text/plain');
    expect(await file.text()).toBe('hello');
  });
});

import Anthropic from '@sdkgen/anthropic';
import { betaZodTool } from '@sdkgen/anthropic/helpers/beta/zod';
import { jsonSchemaOutputFormat } from '@sdkgen/anthropic/helpers/json-schema';
import { zodOutputFormat } from '@sdkgen/anthropic/helpers/zod';
import { BetaMessageStream } from '@sdkgen/anthropic/lib/BetaMessageStream';
import { MessageStream } from '@sdkgen/anthropic/lib/MessageStream';
import { StructuredOutputParseError } from '@sdkgen/anthropic/lib/structured-output';
import { afterEach, describe, expect, it } from 'vitest';
import * as z from 'zod';
import type { FaultServer } from '../../../../tests/helpers/fault-server.js';
import { assistant, startScriptedAPI, toolUse } from './scripted-api.js';
import { serveFixtures } from './sse-harness.js';

let server: FaultServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const client = () => new Anthropic({ apiKey: 'sk-test', baseURL: server!.url, maxRetries: 0 });
const params = {
  model: 'claude-sonnet-4-5',
  max_tokens: 512,
  messages: [{ role: 'user' as const, content: 'Hi' }],
};

describe('overlay methods on the generated client', () => {
  it('client.messages.stream() streams through the real request path', async () => {
    server = await serveFixtures(['tool-use.sse']);
    const stream = client().messages.stream(params);
    expect(stream).toBeInstanceOf(MessageStream);
    const message = await stream.finalMessage();
    expect((message.content[1] as any).input.location).toBe('San Francisco, CA');
    const request = server.requests[0]!;
    expect(request.url).toBe('/v1/messages');
    expect(request.headers['x-stainless-helper-method']).toBe('stream');
    expect(request.json()).toMatchObject({ stream: true, max_tokens: 512 });
  });

  it('client.beta.messages.stream() accumulates compaction, container and context management', async () => {
    server = await serveFixtures(['beta-compaction.sse']);
    const stream = client().beta.messages.stream({ ...params, betas: ['compact-2026-01-12'] as any });
    expect(stream).toBeInstanceOf(BetaMessageStream);
    const compactions: string[] = [];
    stream.on('compaction', (content) => compactions.push(content));
    const message = await stream.finalMessage();
    expect(message.content[0]).toEqual({
      type: 'compaction',
      content: '<summary>The user is refactoring the billing module; tests pass.</summary>',
    });
    expect(compactions.at(-1)).toMatch(/tests pass/);
    expect(message.container).toEqual({ id: 'container_01abc', expires_at: '2026-11-21T23:00:00Z' });
    expect(message.context_management).toMatchObject({ applied_edits: [{ cleared_tool_uses: 3 }] });
    expect(message.usage).toMatchObject({
      input_tokens: 90000,
      output_tokens: 55,
      cache_read_input_tokens: 1200,
    });
    expect((message.usage as any).iterations).toHaveLength(1);
    expect(server.requests[0]!.url).toBe('/v1/messages?beta=true');
    expect(server.requests[0]!.headers['anthropic-beta']).toBe('compact-2026-01-12');
  });

  it('client.messages.parse() fills parsed_output from a zod format', async () => {
    const reply = assistant([{ type: 'text', text: '{"answer": 4, "unit": "apples"}' }]);
    server = await startScriptedAPI([reply]);
    const format = zodOutputFormat(z.object({ answer: z.number(), unit: z.string() }));
    const message = await client().messages.parse({ ...params, output_config: { format } });
    expect(message.parsed_output).toEqual({ answer: 4, unit: 'apples' });
    expect((message.content[0] as any).parsed_output).toEqual({ answer: 4, unit: 'apples' });
    expect(Object.keys(message.content[0]!)).not.toContain('parsed_output');
    const sent = server.requests[0]!.json();
    // Byte for byte what 0.74.0 sends for this schema ($schema ends up in the description there too).
    expect(JSON.stringify(sent.output_config.format)).toBe(
      '{"type":"json_schema","schema":{"type":"object","properties":{"answer":{"type":"number"},"unit":{"type":"string"}},"additionalProperties":false,"required":["answer","unit"],"description":"{$schema: \\"https://json-schema.org/draft/2020-12/schema\\"}"}}',
    );
  });

  it('a structured-output parse failure carries the raw text and the bad field', async () => {
    server = await startScriptedAPI([
      assistant([{ type: 'text', text: '{"answer": "four"}' }]),
      assistant([{ type: 'text', text: 'not json at all' }]),
    ]);
    const format = zodOutputFormat(z.object({ answer: z.number() }));
    const error = await client()
      .messages.parse({ ...params, output_config: { format } })
      .catch((err: unknown) => err);
    expect(error).toBeInstanceOf(StructuredOutputParseError);
    expect((error as StructuredOutputParseError).rawText).toBe('{"answer": "four"}');
    expect((error as Error).message).toMatch(/answer: .*expected number/i);
    const schemaFormat = jsonSchemaOutputFormat({ type: 'object', properties: { ok: { type: 'boolean' } } });
    await expect(
      client().messages.parse({ ...params, output_config: { format: schemaFormat } }),
    ).rejects.toMatchObject({
      rawText: 'not json at all',
    });
  });

  it('client.messages.stream() with an output format parses the final message', async () => {
    server = await startScriptedAPI([assistant([{ type: 'text', text: '{"city": "Oslo"}' }])]);
    const format = jsonSchemaOutputFormat({
      type: 'object',
      properties: { city: { type: 'string' } },
      required: ['city'],
    });
    const message = await client()
      .messages.stream({ ...params, output_config: { format } })
      .finalMessage();
    expect(message.parsed_output?.city).toBe('Oslo');
  });

  it('client.beta.messages.parse() sends the structured-outputs beta with the caller betas', async () => {
    server = await startScriptedAPI([assistant([{ type: 'text', text: '{"n": 1}' }])]);
    const format = jsonSchemaOutputFormat({ type: 'object', properties: { n: { type: 'integer' } } });
    const message = await client().beta.messages.parse({
      ...params,
      betas: ['files-api-2025-04-14'],
      output_config: { format } as any,
    });
    expect(message.parsed_output).toEqual({ n: 1 });
    expect(server.requests[0]!.headers['anthropic-beta']).toBe(
      'files-api-2025-04-14,structured-outputs-2025-12-15',
    );
  });

  it('client.beta.messages.toolRunner() drives tools through the generated client', async () => {
    server = await startScriptedAPI([
      assistant([toolUse('t1', 'add', { a: 2, b: 3 })], 'tool_use'),
      assistant([{ type: 'text', text: 'The sum is 5.' }]),
    ]);
    const add = betaZodTool({
      name: 'add',
      description: 'Adds two numbers',
      inputSchema: z.object({ a: z.number(), b: z.number() }),
      run: ({ a, b }) => String(a + b),
    });
    const final = await client().beta.messages.toolRunner({ ...params, tools: [add] });
    expect(final.content[0]).toMatchObject({ text: 'The sum is 5.' });
    const second = server.requests[1]!;
    expect(second.url).toBe('/v1/messages?beta=true');
    expect(second.headers['x-stainless-helper']).toBe('BetaToolRunner');
    expect(second.json().messages[2].content).toEqual([
      { type: 'tool_result', tool_use_id: 't1', content: '5' },
    ]);
    expect(second.json().tools[0]).toMatchObject({ name: 'add', input_schema: { type: 'object' } });
  });

  it('surfaces HTTP errors from stream() as error events', async () => {
    server = await startScriptedAPI([]);
    const stream = client().messages.stream(params);
    const errors: unknown[] = [];
    stream.on('error', (err) => errors.push(err));
    await expect(stream.done()).rejects.toMatchObject({ status: 500 });
    expect(errors).toHaveLength(1);
  });
});

import { AnthropicError, APIError, APIUserAbortError } from '@sdkgen/anthropic/core/error';
import { MessageStream } from '@sdkgen/anthropic/lib/MessageStream';
import { afterEach, describe, expect, it } from 'vitest';
import { encodeSSE, type FaultServer, startServer } from '../../../../tests/helpers/fault-server.js';
import { fixtureEvents, serveFixtures, sseMessages } from './sse-harness.js';

const params = {
  model: 'claude-sonnet-4-5',
  max_tokens: 1024,
  messages: [{ role: 'user', content: 'Hi' }],
} as any;
let server: FaultServer | undefined;

afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function streamOf(name: string, chunkSize?: number): Promise<MessageStream> {
  server = await serveFixtures([name], chunkSize);
  return MessageStream.createMessage(sseMessages(server.url), params);
}

describe('MessageStream over recorded fixtures', () => {
  it('accumulates text and emits events in order', async () => {
    const stream = await streamOf('text.sse', 5);
    const seen: string[] = [];
    const texts: Array<[string, string]> = [];
    stream.on('connect', () => seen.push('connect'));
    stream.on('text', (delta, snapshot) => texts.push([delta, snapshot]));
    stream.on('contentBlock', () => seen.push('contentBlock'));
    stream.on('message', () => seen.push('message'));
    stream.on('finalMessage', () => seen.push('finalMessage'));
    stream.on('end', () => seen.push('end'));
    const message = await stream.finalMessage();
    expect(await stream.finalText()).toBe('Hello! The capital of France is Paris.');
    expect(texts.at(-1)).toEqual(['.', 'Hello! The capital of France is Paris.']);
    expect(seen).toEqual(['connect', 'contentBlock', 'message', 'finalMessage', 'end']);
    expect(message).toMatchObject({
      id: 'msg_01TextA',
      stop_reason: 'end_turn',
      usage: { input_tokens: 25, output_tokens: 12 },
    });
    expect(message.parsed_output).toBeNull();
    expect(stream.request_id).toBe('req_text_sse');
    expect(stream.messages.map((m) => m.role)).toEqual(['user', 'assistant']);
    expect(server!.requests[0]!.json()).toMatchObject({ stream: true, model: 'claude-sonnet-4-5' });
  });

  it('parses tool input incrementally and ends with the exact JSON', async () => {
    const stream = await streamOf('tool-use.sse');
    const snapshots: string[] = [];
    stream.on('inputJson', (_delta, snapshot) => snapshots.push(JSON.stringify(snapshot)));
    const message = await stream.finalMessage();
    const tool = message.content[1] as any;
    expect(tool).toMatchObject({ type: 'tool_use', id: 'toolu_01WeatherX', name: 'get_weather' });
    expect(tool.input).toEqual({
      location: 'San Francisco, CA',
      unit: 'celsius',
      days: [1, 2, 3],
      detail: { hourly: true, note: 'café "quoted"' },
    });
    // Exactly the snapshots 0.74.0 emits for this fixture: unfinished strings and array tails held back.
    const a = { location: 'San Francisco, CA' };
    const b = { ...a, unit: 'celsius' };
    const c = { ...b, days: [1, 2, 3] };
    const d = { ...c, detail: { hourly: true } };
    const times = (n: number, value: object) => Array(n).fill(JSON.stringify(value));
    expect(snapshots).toEqual([
      ...times(5, {}),
      ...times(3, a),
      ...times(1, b),
      ...times(1, { ...b, days: [1] }),
      ...times(2, c),
      ...times(2, { ...c, detail: {} }),
      ...times(5, d),
      ...times(1, tool.input),
    ]);
    expect(message.stop_reason).toBe('tool_use');
  });

  it('accumulates thinking and the signature', async () => {
    const stream = await streamOf('thinking.sse');
    const thinking: string[] = [];
    let signature = '';
    stream.on('thinking', (delta) => thinking.push(delta));
    stream.on('signature', (sig) => (signature = sig));
    const message = await stream.finalMessage();
    expect(message.content[0]).toEqual({
      type: 'thinking',
      thinking: 'Let me work out 27 * 453.\n27 * 453 = 27 * 400 + 27 * 53\n= 10800 + 1431 = 12231.',
      signature: 'EqQBCgIYAhIM1gbcDa9GJwZA2b3hGgxBdjrkzLoky3dl1pkiMOYds',
    });
    expect(thinking).toHaveLength(3);
    expect(signature).toMatch(/^EqQB/);
    expect(await stream.finalText()).toBe('27 × 453 = 12,231.');
  });

  it('collects citations per text block', async () => {
    const stream = await streamOf('citations.sse');
    const citations: unknown[] = [];
    stream.on('citation', (citation) => citations.push(citation));
    const message = await stream.finalMessage();
    expect(citations).toHaveLength(2);
    expect((message.content[1] as any).citations).toEqual([
      expect.objectContaining({ cited_text: 'The grass is green.' }),
    ]);
    expect((message.content[3] as any).text).toBe('the sky is blue');
    expect((message.content[0] as any).citations).toBeNull();
  });

  it('handles server tool use, its result block and merged usage', async () => {
    const stream = await streamOf('server-tool.sse');
    const message = await stream.finalMessage();
    expect(message.content.map((b) => b.type)).toEqual([
      'text',
      'server_tool_use',
      'web_search_tool_result',
      'text',
    ]);
    expect((message.content[1] as any).input).toEqual({ query: 'latest Node.js LTS release' });
    expect(message.usage).toMatchObject({
      input_tokens: 2100,
      output_tokens: 150,
      server_tool_use: { web_search_requests: 1 },
    });
  });

  it('rejects with the API error sent mid-stream, keeping the partial message', async () => {
    const stream = await streamOf('error-mid-stream.sse');
    const errors: unknown[] = [];
    stream.on('error', (err) => errors.push(err));
    await expect(stream.finalMessage()).rejects.toBeInstanceOf(APIError);
    expect(errors).toHaveLength(1);
    expect(String((errors[0] as Error).message)).toMatch(/Overloaded/);
    expect(stream.errored).toBe(true);
    expect((stream.currentMessage!.content[0] as any).text).toBe('Partial answer before');
  });

  it('ignores an unknown delta type, like 0.74.0', async () => {
    const stream = await streamOf('unknown-delta.sse');
    const message = await stream.finalMessage();
    expect(message.content).toEqual([{ type: 'text', text: 'Hi', citations: null }]);
    expect(stream.errored).toBe(false);
  });

  it('iterates the raw events (pings are skipped by the runtime)', async () => {
    const stream = await streamOf('text.sse');
    const types: string[] = [];
    for await (const event of stream) types.push(event.type);
    expect(types).toEqual(
      fixtureEvents('text.sse')
        .filter((e) => e.type !== 'ping')
        .map((e) => e.type),
    );
  });

  it('exposes the response with withResponse() and aborts on request', async () => {
    const stream = await streamOf('text.sse');
    const { response, request_id, data } = await stream.withResponse();
    expect(response.status).toBe(200);
    expect(request_id).toBe('req_text_sse');
    expect(data).toBe(stream);
    await stream.done();

    const aborted = await streamOf('tool-use.sse', 3);
    const onAbort: unknown[] = [];
    aborted.on('abort', (err) => onAbort.push(err));
    aborted.once('text', () => aborted.abort());
    await expect(aborted.done()).rejects.toBeInstanceOf(APIUserAbortError);
    expect(aborted.aborted).toBe(true);
    expect(onAbort).toHaveLength(1);
  });

  it('supports once/off/emitted', async () => {
    const stream = await streamOf('text.sse');
    let onceCalls = 0;
    let offCalls = 0;
    const off = () => offCalls++;
    stream.once('text', () => onceCalls++);
    stream.on('text', off);
    stream.off('text', off);
    const final = await stream.emitted('finalMessage');
    expect(final.id).toBe('msg_01TextA');
    expect(onceCalls).toBe(1);
    expect(offCalls).toBe(0);
  });

  it('round-trips through toReadableStream and fromReadableStream', async () => {
    const original = await streamOf('tool-use.sse');
    const copy = MessageStream.fromReadableStream(original.toReadableStream());
    const [a, b] = await Promise.all([original.finalMessage(), copy.finalMessage()]);
    expect(b.content).toEqual(a.content);
    await expect(copy.withResponse()).rejects.toThrow(AnthropicError);
  });

  it('reports malformed tool JSON in the words of 0.74.0, raw JSON included, and keeps earlier usage on null deltas', async () => {
    const events = fixtureEvents('tool-use.sse').map((event) =>
      event.type === 'content_block_delta' && event.delta.partial_json === '{"locat'
        ? { ...event, delta: { ...event.delta, partial_json: '{"locat"::' } }
        : event,
    );
    server = await startServer([
      {
        headers: { 'content-type': 'text/event-stream' },
        body: encodeSSE(events.map((data) => ({ event: data.type, data }))),
      },
    ]);
    const broken = MessageStream.createMessage(sseMessages(server.url), params);
    await expect(broken.done()).rejects.toThrow(
      /^Unable to parse tool parameter JSON from model\. Please retry your request or adjust your prompt\. Error: SyntaxError: .*position 9\. JSON: \{"locat"::/,
    );

    await server.close();
    const usage = fixtureEvents('text.sse').map((event) =>
      event.type === 'message_delta'
        ? { ...event, usage: { output_tokens: 12, input_tokens: null, cache_read_input_tokens: null } }
        : event,
    );
    server = await startServer([
      {
        headers: { 'content-type': 'text/event-stream' },
        body: encodeSSE(usage.map((data) => ({ event: data.type, data }))),
      },
    ]);
    const message = await MessageStream.createMessage(sseMessages(server.url), params).finalMessage();
    expect(message.usage).toMatchObject({ input_tokens: 25, cache_read_input_tokens: 0, output_tokens: 12 });
  });
});

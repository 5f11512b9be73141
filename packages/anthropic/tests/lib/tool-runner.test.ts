import * as fs from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';
import { APIUserAbortError } from '@sdkgen/anthropic/core/error';
import { betaTool } from '@sdkgen/anthropic/helpers/beta/json-schema';
import { betaMemoryTool } from '@sdkgen/anthropic/helpers/beta/memory';
import { BetaLocalFilesystemMemoryTool } from '@sdkgen/anthropic/helpers/beta/memory-filesystem';
import { betaZodTool } from '@sdkgen/anthropic/helpers/beta/zod';
import { BetaMessageStream } from '@sdkgen/anthropic/lib/BetaMessageStream';
import { BetaToolRunner } from '@sdkgen/anthropic/lib/tools/BetaToolRunner';
import { ToolError } from '@sdkgen/anthropic/lib/tools/ToolError';
import { afterEach, describe, expect, it } from 'vitest';
import * as z from 'zod';
import type { FaultServer } from '../../../../tests/helpers/fault-server.js';
import { assistant, scriptedClient, startScriptedAPI, toolUse } from './scripted-api.js';

let server: FaultServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const weather = betaTool({
  name: 'get_weather',
  description: 'Weather for a city',
  inputSchema: {
    type: 'object',
    properties: { city: { type: 'string' }, days: { type: 'integer', minimum: 1 } },
    required: ['city'],
    additionalProperties: false,
  },
  run: ({ city, days }) => `Sunny in ${city}${days ? ` for ${days} days` : ''}`,
});

const base = {
  model: 'claude-sonnet-4-5',
  max_tokens: 256,
  messages: [{ role: 'user' as const, content: 'Weather?' }],
};

async function runner(turns: any[], params: Record<string, unknown> = {}, options?: any) {
  server = await startScriptedAPI(turns);
  // Wrapped: the runner is thenable, so returning it from an async function would run it to completion.
  const run = new BetaToolRunner(
    scriptedClient(server.url),
    { ...base, tools: [weather], ...params } as any,
    options,
  );
  return { run: run as BetaToolRunner<false>, streaming: run as BetaToolRunner<true> };
}

function requestMessages(index: number): any[] {
  return server!.requests[index]!.json().messages;
}

describe('BetaToolRunner against a scripted API', () => {
  it('runs a multi-turn conversation and feeds tool results back', async () => {
    const { run } = await runner([
      assistant(
        [{ type: 'text', text: 'Checking.' }, toolUse('tu_1', 'get_weather', { city: 'Paris' })],
        'tool_use',
      ),
      assistant([{ type: 'text', text: 'It is sunny in Paris.' }]),
    ]);
    const seen: string[] = [];
    for await (const message of run) seen.push(message.stop_reason!);
    expect(seen).toEqual(['tool_use', 'end_turn']);
    const second = requestMessages(1);
    expect(second.map((m) => m.role)).toEqual(['user', 'assistant', 'user']);
    expect(second[2].content).toEqual([
      { type: 'tool_result', tool_use_id: 'tu_1', content: 'Sunny in Paris' },
    ]);
    expect(second[0]).toEqual(base.messages[0]);
    const final = await run.done();
    expect(final.content[0]).toMatchObject({ text: 'It is sunny in Paris.' });
    expect(server!.requests[0]!.json()).not.toHaveProperty('max_iterations');
    expect(server!.requests[0]!.json().tools[0]).toMatchObject({ name: 'get_weather', type: 'custom' });
  });

  it('runs parallel tool calls concurrently and keeps result order', async () => {
    const events: string[] = [];
    const slow = (name: string, ms: number) =>
      betaTool({
        name,
        description: name,
        inputSchema: { type: 'object', properties: {} },
        run: async () => {
          events.push(`start ${name}`);
          await new Promise((resolve) => setTimeout(resolve, ms));
          events.push(`end ${name}`);
          return name;
        },
      });
    const { run } = await runner(
      [
        assistant([toolUse('a', 'slow_a', {}), toolUse('b', 'slow_b', {})], 'tool_use'),
        assistant([{ type: 'text', text: 'ok' }]),
      ],
      { tools: [slow('slow_a', 60), slow('slow_b', 10)] },
    );
    await run.runUntilDone();
    expect(events.slice(0, 2)).toEqual(['start slow_a', 'start slow_b']);
    expect(requestMessages(1)[2].content.map((r: any) => r.content)).toEqual(['slow_a', 'slow_b']);
  });

  it('turns failing tools, unknown tools and invalid input into is_error results', async () => {
    const boom = betaTool({
      name: 'boom',
      description: 'fails',
      inputSchema: { type: 'object', properties: {} },
      run: () => {
        throw new Error('kaboom');
      },
    });
    const structured = betaZodTool({
      name: 'structured',
      description: 'fails with blocks',
      inputSchema: z.object({ id: z.string() }),
      run: () => {
        throw new ToolError([{ type: 'text', text: 'record locked' }]);
      },
    });
    const { run } = await runner(
      [
        assistant(
          [
            toolUse('t1', 'boom', {}),
            toolUse('t2', 'nope', {}),
            toolUse('t3', 'get_weather', { city: 'Oslo', days: 'three' }),
            toolUse('t4', 'structured', { id: 7 }),
            toolUse('t5', 'structured', { id: 'x' }),
          ],
          'tool_use',
        ),
        assistant([{ type: 'text', text: 'sorry' }]),
      ],
      { tools: [weather, boom, structured] },
    );
    await run;
    const results = requestMessages(1)[2].content;
    expect(results.every((r: any) => r.is_error === true)).toBe(true);
    expect(results[0].content).toBe('Error: kaboom');
    expect(results[1].content).toBe("Error: Tool 'nope' not found");
    expect(results[2].content).toMatch(
      /Invalid input for tool 'get_weather'[\s\S]*\/days: expected integer, got string/,
    );
    expect(results[3].content).toMatch(/Invalid input for tool 'structured'[\s\S]*id:/);
    expect(results[4].content).toEqual([{ type: 'text', text: 'record locked' }]);
  });

  it('stops after max_iterations even if the model keeps asking for tools', async () => {
    const again = () =>
      assistant([toolUse(`tu_${Math.random()}`, 'get_weather', { city: 'Rome' })], 'tool_use');
    const { run } = await runner([again, again, again, again], { max_iterations: 2 });
    const final = await run.runUntilDone();
    expect(server!.requests).toHaveLength(2);
    expect(final.stop_reason).toBe('tool_use');
  });

  it('yields BetaMessageStreams in streaming mode', async () => {
    const { streaming: run } = await runner(
      [
        assistant([toolUse('tu_s', 'get_weather', { city: 'Lima', days: 2 })], 'tool_use'),
        assistant([{ type: 'text', text: 'Lima will be sunny.' }]),
      ],
      { stream: true },
    );
    const texts: string[] = [];
    const inputs: unknown[] = [];
    for await (const stream of run) {
      expect(stream).toBeInstanceOf(BetaMessageStream);
      stream.on('text', (delta) => texts.push(delta));
      stream.on('inputJson', (_delta, snapshot) => inputs.push(structuredClone(snapshot)));
      await stream.finalMessage();
    }
    expect(texts.join('')).toBe('Lima will be sunny.');
    expect(inputs.at(-1)).toEqual({ city: 'Lima', days: 2 });
    expect(requestMessages(1)[2].content[0].content).toBe('Sunny in Lima for 2 days');
    expect((await run.done()).stop_reason).toBe('end_turn');
  });

  it('aborts a run through the signal, even while a tool is running', async () => {
    const controller = new AbortController();
    const hang = betaTool({
      name: 'hang',
      description: 'never returns',
      inputSchema: { type: 'object', properties: {} },
      run: () => {
        setTimeout(() => controller.abort(), 20);
        return new Promise<string>(() => {});
      },
    });
    const { run } = await runner(
      [assistant([toolUse('h', 'hang', {})], 'tool_use')],
      { tools: [hang] },
      {
        signal: controller.signal,
      },
    );
    const done = run.done();
    await expect(run.runUntilDone()).rejects.toBeInstanceOf(APIUserAbortError);
    await expect(done).rejects.toBeInstanceOf(APIUserAbortError);
    expect(server!.requests).toHaveLength(1);
  });

  it('lets callers push messages and change params between turns; tool results are computed once', async () => {
    let runs = 0;
    const counted = betaTool({
      name: 'count',
      description: 'counts',
      inputSchema: { type: 'object', properties: {} },
      run: () => String(++runs),
    });
    const { run } = await runner(
      [
        assistant([toolUse('c1', 'count', {})], 'tool_use'),
        assistant([{ type: 'text', text: 'first answer' }]),
        assistant([{ type: 'text', text: 'second answer' }]),
      ],
      { tools: [counted] },
    );
    let turn = 0;
    for await (const message of run) {
      turn++;
      if (turn === 1)
        expect((await run.generateToolResponse())?.content).toEqual([
          { type: 'tool_result', tool_use_id: 'c1', content: '1' },
        ]);
      if (turn === 2) {
        run.pushMessages(
          { role: 'assistant', content: message.content as any },
          { role: 'user', content: 'And tomorrow?' },
        );
        run.setMessagesParams((params) => ({ ...params, max_tokens: 99 }));
      }
    }
    expect(runs).toBe(1);
    expect(server!.requests).toHaveLength(3);
    const third = server!.requests[2]!.json();
    expect(third.max_tokens).toBe(99);
    expect(third.messages.at(-1)).toEqual({ role: 'user', content: 'And tomorrow?' });
    expect((await run.done()).content[0]).toMatchObject({ text: 'second answer' });
  });

  it('compacts the conversation once the token threshold is crossed', async () => {
    const { run } = await runner(
      [
        assistant([toolUse('w1', 'get_weather', { city: 'Kyiv' })], 'tool_use', {
          input_tokens: 900,
          output_tokens: 200,
        }),
        assistant([{ type: 'text', text: '<summary>User wants Kyiv weather.</summary>' }]),
        assistant([{ type: 'text', text: 'Done.' }]),
      ],
      { compactionControl: { enabled: true, contextTokenThreshold: 1000 } },
    );
    await run.runUntilDone();
    const summaryRequest = requestMessages(1);
    expect(summaryRequest.at(-1).content[0].text).toMatch(/<summary><\/summary>/);
    expect(summaryRequest.at(-2)).toEqual(base.messages[0]);
    expect(requestMessages(2)).toEqual([
      { role: 'user', content: [{ type: 'text', text: '<summary>User wants Kyiv weather.</summary>' }] },
    ]);
  });

  it('cannot be iterated again once consumed, but done() keeps the result', async () => {
    const { run } = await runner([assistant([{ type: 'text', text: 'hi' }])]);
    await run.runUntilDone();
    await expect(run[Symbol.asyncIterator]().next()).rejects.toThrow(/consumed/);
    expect((await run.done()).content[0]).toMatchObject({ text: 'hi' });
    expect(await run).toBe(await run.done());
  });

  it('runs the memory tool, turning path escapes into error results', async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'runner-memory-'));
    try {
      const memory = betaMemoryTool(await BetaLocalFilesystemMemoryTool.init(dir));
      const { run } = await runner(
        [
          assistant(
            [
              toolUse('m1', 'memory', {
                command: 'create',
                path: '/memories/plan.md',
                file_text: 'step 1\n',
              }),
              toolUse('m2', 'memory', { command: 'view', path: '/memories/../../etc/passwd' }),
            ],
            'tool_use',
          ),
          assistant([{ type: 'text', text: 'Saved.' }]),
        ],
        { tools: [memory] },
      );
      await run.runUntilDone();
      const [created, escaped] = requestMessages(1)[2].content;
      expect(created).toEqual({
        type: 'tool_result',
        tool_use_id: 'm1',
        content: 'Created /memories/plan.md',
      });
      expect(escaped).toMatchObject({
        tool_use_id: 'm2',
        is_error: true,
        content: expect.stringMatching(/may not contain/),
      });
      expect(await fs.readFile(path.join(dir, 'plan.md'), 'utf8')).toBe('step 1\n');
      expect(server!.requests[0]!.json().tools).toEqual([{ type: 'memory_20250818', name: 'memory' }]);
    } finally {
      await fs.rm(dir, { recursive: true, force: true });
    }
  });
});

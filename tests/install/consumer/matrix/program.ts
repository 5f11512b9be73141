// The one consumer program of the install matrix, written as a user of @anthropic-ai/sdk@0.74.0 writes it
// (default import, named error classes, deep helper paths). Every harness (jest, vitest, node, bundles) runs
// `run()` and reports what it returns; the type checks compile it. Each step records its value or the error
// it threw, so one failing step shows up as one field with the reason.
import Anthropic, { APIError, APIUserAbortError } from '@sdkgen/anthropic';
import { betaTool } from '@sdkgen/anthropic/helpers/beta/json-schema';
import type { MessageCreateParamsNonStreaming } from '@sdkgen/anthropic/resources/messages';

type Failed = { error: string };

async function step<T>(body: () => Promise<T>): Promise<T | Failed> {
  try {
    return await body();
  } catch (err) {
    return { error: describe(err) };
  }
}

function describe(err: unknown): string {
  // Duck-typed: an error from another realm (jest's module sandbox) is no `instanceof Error` here.
  const { name, message, stack } = (err ?? {}) as Partial<Error>;
  if (typeof message !== 'string') return String(err);
  // Where it broke: a syntax error's stack starts with the file that failed to parse (`/path/file.js:2`),
  // other errors' first frames say which code threw.
  const lines = (stack ?? '').split('\n');
  const parsed = lines.filter((line) => /^\S+\.[cm]?js:\d+$/.test(line)).map((line) => `in ${line}`);
  const frames = lines.filter((line) => line.trimStart().startsWith('at ')).slice(0, 3);
  return [`${name}: ${message}`, ...parsed, ...frames.map((line) => line.trim())].join('\n');
}

function textOf(message: Anthropic.Message | Anthropic.Beta.BetaMessage): string {
  return message.content.map((block) => (block.type === 'text' ? block.text : `[${block.type}]`)).join('');
}

const params: MessageCreateParamsNonStreaming = {
  model: 'claude-test',
  max_tokens: 32,
  messages: [{ role: 'user', content: 'Hi' }],
};

async function streamed(client: Anthropic) {
  let text = '';
  const stream = client.messages.stream(params).on('text', (delta) => {
    text += delta;
  });
  const final = await stream.finalMessage();
  return { text, final: textOf(final) };
}

async function paginated(client: Anthropic) {
  const ids: string[] = [];
  for await (const model of client.models.list({ limit: 2 })) ids.push(model.id);
  return ids;
}

async function batchResults(client: Anthropic) {
  const ids: string[] = [];
  for await (const entry of await client.messages.batches.results('batch_1')) ids.push(entry.custom_id);
  return ids;
}

async function toolRunnerTurn(client: Anthropic) {
  const calls: Array<{ city: string }> = [];
  const weather = betaTool({
    name: 'get_weather',
    description: 'Current weather for a city',
    inputSchema: { type: 'object', properties: { city: { type: 'string' } }, required: ['city'] },
    run: ({ city }) => {
      calls.push({ city });
      return `Sunny in ${city}`;
    },
  });
  const runner = client.beta.messages.toolRunner({
    model: 'claude-test',
    max_tokens: 64,
    messages: [{ role: 'user', content: 'What is the weather in Paris?' }],
    tools: [weather],
  });
  const stopReasons: Array<string | null> = [];
  for await (const message of runner) stopReasons.push(message.stop_reason);
  return { calls, stopReasons, final: textOf(await runner.done()) };
}

/** Aborts a request that gets no answer, through the request's `signal`. */
async function abortedRequest(client: Anthropic) {
  const controller = new AbortController();
  const pending = client.messages.create({ ...params, model: 'claude-stall' }, { signal: controller.signal });
  setTimeout(() => controller.abort(), 50);
  const error = await pending.then(
    () => undefined,
    (err: unknown) => err,
  );
  return {
    isAPIUserAbortError: error instanceof APIUserAbortError,
    message: error instanceof APIUserAbortError ? error.message : describe(error),
  };
}

/** Aborts a stream through its `signal` once the first text arrives. */
async function abortedStream(client: Anthropic) {
  const controller = new AbortController();
  let text = '';
  let abortEvent = false;
  const stream = client.messages.stream({ ...params, model: 'claude-slow' }, { signal: controller.signal });
  stream.on('text', (delta) => {
    text += delta;
    controller.abort();
  });
  stream.on('abort', () => {
    abortEvent = true;
  });
  const error = await stream.finalMessage().then(
    () => undefined,
    (err: unknown) => err,
  );
  return {
    text,
    abortEvent,
    aborted: stream.aborted,
    isAPIUserAbortError: error instanceof APIUserAbortError,
  };
}

async function notFound(client: Anthropic) {
  const error = await client.models.retrieve('missing-model').then(
    () => undefined,
    (err: unknown) => err,
  );
  return error instanceof APIError && error instanceof Anthropic.APIError ? error.status : describe(error);
}

/** Runs every step against the API double at `API_URL` (and the spec mock at `MOCK_URL`). */
export async function run() {
  const client = new Anthropic({ apiKey: 'test-key', baseURL: process.env.API_URL, maxRetries: 0 });
  const mock = new Anthropic({ apiKey: 'test-key', baseURL: process.env.MOCK_URL, maxRetries: 0 });
  return {
    created: await step(async () => textOf(await client.messages.create(params))),
    mock: await step(async () => {
      const message = await mock.messages.create(params);
      return { type: message.type, role: message.role };
    }),
    stream: await step(() => streamed(client)),
    models: await step(() => paginated(client)),
    results: await step(() => batchResults(client)),
    toolRunner: await step(() => toolRunnerTurn(client)),
    abortRequest: await step(() => abortedRequest(client)),
    abortStream: await step(() => abortedStream(client)),
    notFound: await step(() => notFound(client)),
  };
}

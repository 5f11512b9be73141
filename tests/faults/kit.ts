/** Building blocks shared by the fault matrix files: request params, event streams, consumers. */
import type Anthropic from '@sdkgen/anthropic';
import { encodeSSE, type Reply, type SSEEvent, sse } from '../helpers/fault-server.js';

export const params = {
  model: 'claude-sonnet-4-5',
  max_tokens: 64,
  messages: [{ role: 'user' as const, content: 'hi' }],
};

/** The body of a complete Message. */
export const message = (text = 'Hello') => ({
  id: 'msg_1',
  type: 'message',
  role: 'assistant',
  model: params.model,
  content: [{ type: 'text', text }],
  stop_reason: 'end_turn',
  stop_sequence: null,
  usage: { input_tokens: 3, output_tokens: 2 },
});

/** A Messages event stream's events, split so a scenario can cut, corrupt or extend any part of it. */
export const events = {
  start: (): SSEEvent => ({
    event: 'message_start',
    data: { type: 'message_start', message: { ...message(), content: [], stop_reason: null } },
  }),
  blockStart: (index = 0, block: object = { type: 'text', text: '' }): SSEEvent => ({
    event: 'content_block_start',
    data: { type: 'content_block_start', index, content_block: block },
  }),
  delta: (text: string, index = 0): SSEEvent => ({
    event: 'content_block_delta',
    data: { type: 'content_block_delta', index, delta: { type: 'text_delta', text } },
  }),
  blockStop: (index = 0): SSEEvent => ({
    event: 'content_block_stop',
    data: { type: 'content_block_stop', index },
  }),
  messageDelta: (): SSEEvent => ({
    event: 'message_delta',
    data: {
      type: 'message_delta',
      delta: { stop_reason: 'end_turn', stop_sequence: null },
      usage: { output_tokens: 2 },
    },
  }),
  stop: (): SSEEvent => ({ event: 'message_stop', data: { type: 'message_stop' } }),
  ping: (): SSEEvent => ({ event: 'ping', data: { type: 'ping' } }),
  error: (type: string, message = `an ${type}`): SSEEvent => ({
    event: 'error',
    data: { type: 'error', error: { type, message } },
  }),
};

/** The events of a whole text reply, `texts` as its deltas. */
export function textEvents(...texts: string[]): SSEEvent[] {
  return [
    events.start(),
    events.blockStart(),
    ...texts.map((t) => events.delta(t)),
    events.blockStop(),
    events.messageDelta(),
    events.stop(),
  ];
}

/** The events up to and including the first delta: a stream that has delivered something. */
export const head = (text = 'Hel'): SSEEvent[] => [events.start(), events.blockStart(), events.delta(text)];

/** `sse(events)` split into small chunks, to exercise decoding across chunk boundaries. */
export const stream = (list: SSEEvent[] | string, opts: Parameters<typeof sse>[1] = {}): Reply =>
  sse(list, { chunkSize: 29, ...opts });

export const sseText = encodeSSE;

/** Raw `stream: true` iteration: the event types, in order. */
export async function rawTypes(client: Anthropic, options: object = {}): Promise<string[]> {
  const s = await client.messages.create({ ...params, stream: true }, options);
  const types: string[] = [];
  for await (const event of s) types.push(event.type);
  return types;
}

/** The text a MessageStream's final message holds. */
export async function finalText(client: Anthropic, options: object = {}): Promise<string> {
  const m = await client.messages.stream(params, options).finalMessage();
  return m.content.map((b) => (b.type === 'text' ? b.text : `[${b.type}]`)).join('');
}

/** Every value of an async iterable. */
export async function collect<T>(iterable: AsyncIterable<T> | Promise<AsyncIterable<T>>): Promise<T[]> {
  const out: T[] = [];
  for await (const x of await iterable) out.push(x);
  return out;
}

/** A batch whose results live at `resultsURL`. */
export const batch = (resultsURL: string) => ({
  id: 'msgbatch_1',
  type: 'message_batch',
  processing_status: 'ended',
  results_url: resultsURL,
  request_counts: { processing: 0, succeeded: 2, errored: 0, canceled: 0, expired: 0 },
  created_at: '2025-01-01T00:00:00Z',
  ended_at: '2025-01-01T00:01:00Z',
  expires_at: '2025-01-02T00:00:00Z',
  archived_at: null,
  cancel_initiated_at: null,
});

/** One line of a batch's results. */
export const resultLine = (id: string) => ({
  custom_id: id,
  result: { type: 'succeeded', message: message(id) },
});

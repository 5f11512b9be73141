/**
 * Fault matrix, event streams: `messages.create({ stream: true })` iterated raw and `messages.stream()` (a
 * MessageStream) against odd, broken, cut, huge and mistyped event streams.
 */
import { AnthropicError, APIConnectionError, APIError } from '@sdkgen/anthropic';
import { describe, expect, it } from 'vitest';
import { dropMidBody, json, retryable, type SSEEvent } from '../helpers/fault-server.js';
import { runScenario, type Scenario } from './harness.js';
import { events, finalText, head, message, params, rawTypes, sseText, stream, textEvents } from './kit.js';

const TYPES = [
  'message_start',
  'content_block_start',
  'content_block_delta',
  'content_block_delta',
  'content_block_stop',
  'message_delta',
  'message_stop',
];
const both = (name: string, row: Omit<Scenario, 'name' | 'call'>, raw: object, ms: object): Scenario[] => [
  {
    ...row,
    name: `${name} (raw)`,
    call: ({ client }) => rawTypes(client),
    expect: { ...row.expect, ...raw },
  },
  {
    ...row,
    name: `${name} (MessageStream)`,
    call: ({ client }) => finalText(client),
    expect: { ...row.expect, ...ms },
  },
];
const equals = (want: unknown) => (value: unknown) => void expect(value).toEqual(want);
const future: SSEEvent = { event: 'future_event', data: { type: 'future_event', detail: 1 } };
const futureDelta: SSEEvent = {
  event: 'content_block_delta',
  data: { type: 'content_block_delta', index: 0, delta: { type: 'future_delta', detail: 1 } },
};
const withFutureBlock = [
  ...textEvents('Hi').slice(0, 4),
  events.blockStart(1, { type: 'future_block', detail: 1 }),
  events.blockStop(1),
  ...textEvents().slice(-2),
];
const INCOMPLETE = /^The stream ended before its `message_stop` event: the response is incomplete\.$/;
const big = 'x'.repeat(4 * 1024 * 1024);

const decoding: Scenario[] = [
  ...both(
    'a whole text stream',
    { replies: [stream(textEvents('Hel', 'lo'))], expect: {} },
    { resolves: equals(TYPES) },
    { resolves: equals('Hello') },
  ),
  ...both(
    'ping and unknown event types are skipped',
    {
      replies: [stream([events.ping(), ...head('Hel'), future, events.ping(), ...textEvents('lo').slice(2)])],
      expect: {},
    },
    { resolves: equals(TYPES) },
    { resolves: equals('Hello') },
  ),
  ...both(
    'an unknown delta type does not throw',
    { replies: [stream([...head('Hi'), futureDelta, ...textEvents().slice(2)])], expect: {} },
    { resolves: (v: string[]) => void expect(v).toHaveLength(7) },
    { resolves: equals('Hi') },
  ),
  ...both(
    'an unknown content block type does not throw',
    { replies: [stream(withFutureBlock)], expect: {} },
    { resolves: (v: string[]) => void expect(v).toHaveLength(8) },
    { resolves: equals('Hi[future_block]') },
  ),
  ...both(
    'CRLF line endings',
    { replies: [stream(sseText(textEvents('Hel', 'lo')).replace(/\n/g, '\r\n'))], expect: {} },
    { resolves: equals(TYPES) },
    { resolves: equals('Hello') },
  ),
  ...both(
    'comments and stray lines are ignored',
    { replies: [stream(`: keep-alive\nretry: 10\nnonsense\n\n${sseText(textEvents('Hello'))}`)], expect: {} },
    { resolves: (v: string[]) => void expect(v).toHaveLength(6) },
    { resolves: equals('Hello') },
  ),
  {
    name: 'byte-by-byte chunks, multi-byte characters split (MessageStream)',
    replies: [stream(textEvents('h\u00e9', '\u4e16\ud83d\ude00'), { chunkSize: 1 })],
    call: ({ client }) => finalText(client),
    expect: { resolves: equals('h\u00e9\u4e16\ud83d\ude00') },
  },
  {
    name: 'a 4 MB delta in one event (MessageStream)',
    replies: [stream(textEvents(big, '!'), { chunkSize: 64 * 1024 })],
    call: ({ client }) => finalText(client),
    expect: { resolves: (v: string) => void expect(v.length).toBe(big.length + 1) },
  },
  {
    name: 'on("text") sees every delta in order',
    replies: [stream(textEvents('a', 'b', 'c'))],
    call: async ({ client }) => {
      const seen: string[] = [];
      await client.messages
        .stream(params)
        .on('text', (t) => seen.push(t))
        .done();
      return seen;
    },
    expect: { resolves: equals(['a', 'b', 'c']) },
  },
];

const failures: Scenario[] = [
  ...both(
    'event: error mid-stream',
    {
      replies: [stream([...head(), events.error('overloaded_error', 'Overloaded')])],
      expect: { rejects: APIError, requests: 1 },
    },
    { error: { error: { type: 'error', error: { type: 'overloaded_error', message: 'Overloaded' } } } },
    { message: /Overloaded/ },
  ),
  ...both(
    'a clean end before message_stop',
    {
      replies: [stream(textEvents('Hi').slice(0, -1))],
      expect: { rejects: APIConnectionError, message: INCOMPLETE },
    },
    {},
    {},
  ),
  ...both(
    'an empty event stream',
    { replies: [stream('')], expect: { rejects: APIConnectionError, message: INCOMPLETE } },
    {},
    {},
  ),
  ...both(
    'dropped mid-stream',
    {
      replies: [stream(head(), { dropAfterBody: true })],
      expect: { rejects: APIConnectionError, requests: 1 },
    },
    { message: /reading the stream/ },
    { message: /reading the stream/ },
  ),
  ...both(
    'a connection: close body cut mid-stream reads as a clean end',
    {
      replies: [
        {
          ...stream(head()),
          headers: { ...stream(head()).headers, connection: 'close' },
          dropAfterBody: true,
        },
      ],
      expect: { rejects: APIConnectionError },
    },
    { message: INCOMPLETE },
    { message: INCOMPLETE },
  ),
  // Everything had arrived: a drop after message_stop loses nothing, so the stream ends normally.
  ...both(
    'dropped right after message_stop',
    { replies: [stream(textEvents('Hel', 'lo'), { dropAfterBody: true })], expect: {} },
    { resolves: equals(TYPES) },
    { resolves: equals('Hello') },
  ),
  ...both(
    'malformed JSON in a known event',
    { replies: [stream(`event: content_block_delta\ndata: {"type":\n\n`)], expect: {} },
    { rejects: SyntaxError },
    { rejects: AnthropicError },
  ),
  ...both(
    'a 4 MB event of malformed JSON',
    { replies: [stream(`event: message_start\ndata: {${big}\n\n`, { chunkSize: 64 * 1024 })], expect: {} },
    { rejects: SyntaxError },
    { rejects: AnthropicError },
  ),
  {
    name: 'a MessageStream error nobody listens to is logged once, never unhandled',
    replies: [stream([...head(), events.error('overloaded_error', 'Overloaded')])],
    call: async ({ client }) => {
      const s = client.messages.stream(params).on('text', () => undefined);
      await new Promise((r) => setTimeout(r, 150));
      return s.errored;
    },
    expect: {
      resolves: equals(true),
      check: ({ logs }) =>
        void expect(logs.filter((l) => /^error .*no 'error' listener/.test(l))).toHaveLength(1),
    },
  },
];

const contentTypes: Scenario[] = [
  ...[
    ['JSON', json(message())],
    ['HTML', { headers: { 'content-type': 'text/html' }, body: '<html><body>Bad gateway</body></html>' }],
    ['plain text', { headers: { 'content-type': 'text/plain' }, body: 'upstream says no' }],
  ].map(
    ([kind, reply]): Scenario => ({
      name: `a streaming request answered with ${kind as string}: APIError carrying the body`,
      replies: [reply as object],
      call: ({ client }) => rawTypes(client),
      expect: {
        rejects: APIError,
        message: /text\/event-stream.*(Hello|Bad gateway|upstream says no)/s,
        requests: 1,
      },
    }),
  ),
  {
    name: 'a streaming request answered with JSON, cut mid-body',
    replies: [dropMidBody('{"id":"msg_1","ty', { 'content-type': 'application/json' })],
    call: ({ client }) => finalText(client),
    expect: { rejects: Error },
  },
];

const firstEvent: Scenario[] = [
  ...both(
    'overloaded_error before message_start is retried',
    {
      replies: [stream([events.error('overloaded_error')]), stream(textEvents('Hello'))],
      expect: { requests: 2 },
    },
    { resolves: (v: string[]) => void expect(v).toHaveLength(6) },
    { resolves: equals('Hello') },
  ),
  {
    name: 'api_error before message_start on every attempt: APIError after maxRetries + 1',
    replies: [1, 2, 3].map(() => stream([events.error('api_error', 'Internal')])),
    call: ({ client }) => finalText(client),
    expect: { rejects: APIError, message: /Internal/, requests: 3 },
  },
  {
    name: 'invalid_request_error before message_start is not retried',
    replies: [stream([events.error('invalid_request_error', 'Nope')]), stream(textEvents('Hello'))],
    call: ({ client }) => rawTypes(client),
    expect: { rejects: APIError, message: /Nope/, requests: 1 },
  },
  {
    name: 'a 529 before the stream is retried, then the stream plays',
    replies: [retryable(529, { retryAfterMs: '0' }), stream(textEvents('Hello'))],
    call: ({ client }) => finalText(client),
    expect: { resolves: equals('Hello'), requests: 2 },
  },
];

describe.each([
  ['decoding', decoding],
  ['failures', failures],
  ['content types', contentTypes],
  ['first event', firstEvent],
])('fault matrix: streams, %s', (_theme, rows) => {
  it.each(rows)('$name', (row) => runScenario(row));
});

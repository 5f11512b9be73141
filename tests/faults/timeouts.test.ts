/**
 * Fault matrix, timeouts and stalls: `timeout` per attempt (headers, and the body of a non-streaming request),
 * `idleTimeout` for bodies that stop sending bytes while read.
 */
import { APIConnectionTimeoutError, APIIdleTimeoutError } from '@sdkgen/anthropic';
import { describe, expect, it } from 'vitest';
import { json, stall, stallMidBody } from '../helpers/fault-server.js';
import { type Ctx, runScenario, type Scenario } from './harness.js';
import { events, finalText, head, message, params, rawTypes, sseText, stream, textEvents } from './kit.js';

const SSE = { 'content-type': 'text/event-stream' };
const JSON_TYPE = { 'content-type': 'application/json' };
const create = ({ client }: Ctx) => client.messages.create(params);
const stalledStream = () => stallMidBody(sseText(head()), SSE);
const equals = (want: unknown) => (value: unknown) => void expect(value).toEqual(want);
/** A text stream whose events arrive `ms` apart. */
const slowStream = (ms: number) => stream(textEvents('a', 'b', 'c'), { chunkSize: 400, chunkDelayMs: ms });
/** A JSON body sent in pieces `ms` apart. */
const slowJSON = (ms: number) => ({
  headers: JSON_TYPE,
  chunks: JSON.stringify(message()).match(/.{1,60}/g) as string[],
  chunkDelayMs: ms,
});

const attempts: Scenario[] = [
  {
    name: 'no headers within timeout: retried, the next attempt answers',
    replies: [stall(), json(message())],
    options: () => ({ timeout: 150 }),
    call: create,
    expect: { resolves: { id: 'msg_1' }, requests: 2 },
  },
  {
    name: 'no headers on any attempt: APIConnectionTimeoutError',
    replies: [stall(), stall()],
    options: () => ({ timeout: 120, maxRetries: 1 }),
    call: create,
    expect: { rejects: APIConnectionTimeoutError, message: /timed out/i, requests: 2 },
  },
  {
    name: 'per-request timeout wins over the client one',
    replies: [stall()],
    options: () => ({ timeout: 60_000 }),
    call: ({ client }) => client.messages.create(params, { timeout: 100, maxRetries: 0 }),
    expect: { rejects: APIConnectionTimeoutError, requests: 1, withinMs: 2_000 },
  },
  {
    name: 'a non-streaming body unfinished at the timeout: APIConnectionTimeoutError',
    replies: [stallMidBody('{"id":"msg_1",', JSON_TYPE)],
    options: () => ({ timeout: 200, idleTimeout: 0, maxRetries: 0 }),
    call: create,
    expect: { rejects: APIConnectionTimeoutError, requests: 1, withinMs: 2_000 },
  },
  {
    name: 'a stream outliving timeout is not cut: timeout covers only its headers',
    replies: [slowStream(60)],
    options: () => ({ timeout: 150 }),
    call: ({ client }) => finalText(client),
    expect: { resolves: equals('abc'), requests: 1 },
  },
];

const idle: Scenario[] = [
  {
    name: 'client idleTimeout: a stalled raw stream fails with APIIdleTimeoutError',
    replies: [stalledStream()],
    options: () => ({ idleTimeout: 150 }),
    call: ({ client }) => rawTypes(client),
    expect: { rejects: APIIdleTimeoutError, requests: 1, withinMs: 2_000 },
  },
  {
    name: 'per-request idleTimeout: a stalled MessageStream fails with APIIdleTimeoutError',
    replies: [stalledStream()],
    call: ({ client }) => finalText(client, { idleTimeout: 150 }),
    expect: {
      rejects: APIIdleTimeoutError,
      check: (_ctx, o) => void expect((o as any).error).toBeInstanceOf(APIConnectionTimeoutError),
    },
  },
  {
    name: 'idleTimeout: a non-streaming body that stops sending',
    replies: [stallMidBody('{"id":"msg_1",', JSON_TYPE)],
    options: () => ({ idleTimeout: 150, maxRetries: 0 }),
    call: create,
    expect: { rejects: APIIdleTimeoutError, requests: 1, withinMs: 2_000 },
  },
  {
    name: 'idleTimeout resets with every chunk: a slow but steady stream completes',
    replies: [slowStream(50)],
    options: () => ({ idleTimeout: 150 }),
    call: ({ client }) => finalText(client),
    expect: { resolves: equals('abc') },
  },
  {
    name: 'idleTimeout: 0 per request turns the client limit off',
    replies: [slowStream(150)],
    options: () => ({ idleTimeout: 50 }),
    call: ({ client }) => finalText(client, { idleTimeout: 0 }),
    expect: { resolves: equals('abc') },
  },
  {
    name: 'a non-streaming body in slow pieces within timeout and idleTimeout',
    replies: [slowJSON(30)],
    options: () => ({ timeout: 2_000, idleTimeout: 150 }),
    call: create,
    expect: { resolves: { id: 'msg_1' } },
  },
  {
    name: 'pings keep an otherwise quiet stream alive',
    replies: [
      stream([...head(), events.ping(), events.ping(), events.ping(), ...textEvents('!').slice(2)], {
        chunkSize: 60,
        chunkDelayMs: 40,
      }),
    ],
    options: () => ({ idleTimeout: 150 }),
    call: ({ client }) => finalText(client),
    expect: { resolves: equals('Hel!') },
  },
];

describe.each([
  ['per attempt', attempts],
  ['idle bodies', idle],
])('fault matrix: timeouts, %s', (_theme, rows) => {
  it.each(rows)('$name', (row) => runScenario(row));
});

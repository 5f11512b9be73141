/**
 * Fault matrix, JSON Lines: `client.messages.batches.results(id)` GETs the batch, then streams its `results_url`.
 * Lines split across chunks, CRLF, blank lines, malformed and huge lines, cut and stalled bodies, other origins.
 */
import { AnthropicError, APIConnectionError, APIIdleTimeoutError, NotFoundError } from '@sdkgen/anthropic';
import { describe, expect, it } from 'vitest';
import {
  chunkBytes,
  dropMidBody,
  type Handler,
  json,
  type Reply,
  retryable,
  stallMidBody,
} from '../helpers/fault-server.js';
import { type Ctx, runScenario, type Scenario } from './harness.js';
import { batch, collect, resultLine } from './kit.js';

const RESULTS = '/v1/messages/batches/msgbatch_1/results';
const BINARY = { 'content-type': 'application/binary' };
const lines = (...ids: string[]) => ids.map((id) => JSON.stringify(resultLine(id)));
const body = (text: string, chunkSize = 0): Reply => ({
  headers: BINARY,
  chunks: chunkSize ? chunkBytes(text, chunkSize) : [text],
});
/** The batch first, then `results` for each later request. */
const batchThen =
  (...results: Reply[]): Handler =>
  (_req, { index }) =>
    index === 0 ? json(batch(RESULTS)) : results[index - 1];
const ids = (rows: Array<{ custom_id: string }>) => rows.map((r) => r.custom_id);
const idsAre =
  (...want: string[]) =>
  (rows: Array<{ custom_id: string }>) =>
    void expect(ids(rows)).toEqual(want);
const results = ({ client }: Ctx, options = {}) =>
  collect(client.messages.batches.results('msgbatch_1', options));
const big = 'y'.repeat(5 * 1024 * 1024);

const decoding: Scenario[] = [
  {
    name: 'lines split across 7-byte chunks',
    replies: batchThen(body(`${lines('a', 'b', 'c').join('\n')}\n`, 7)),
    call: results,
    expect: { resolves: idsAre('a', 'b', 'c'), requests: 2 },
  },
  {
    name: 'CRLF line endings',
    replies: batchThen(body(`${lines('a', 'b').join('\r\n')}\r\n`, 5)),
    call: results,
    expect: { resolves: idsAre('a', 'b') },
  },
  {
    name: 'blank lines between rows and no final newline',
    replies: batchThen(body(`\n${lines('a').join('')}\n\n\n${lines('b').join('')}`)),
    call: results,
    expect: { resolves: idsAre('a', 'b') },
  },
  {
    name: 'multi-byte characters split byte by byte',
    replies: batchThen(body(`${lines('\u00e9\u4e16', '\ud83d\ude00').join('\n')}\n`, 1)),
    call: results,
    expect: { resolves: idsAre('\u00e9\u4e16', '\ud83d\ude00') },
  },
  {
    name: 'a 5 MB line among small ones',
    replies: batchThen(body(`${lines('a', big, 'c').join('\n')}\n`, 64 * 1024)),
    call: results,
    expect: {
      resolves: (rows: Array<{ custom_id: string }>) =>
        void expect(rows.map((r) => r.custom_id.length)).toEqual([1, big.length, 1]),
    },
  },
  {
    name: 'an empty results file',
    replies: batchThen(body('')),
    call: results,
    expect: { resolves: (rows: unknown[]) => void expect(rows).toEqual([]) },
  },
  {
    name: 'breaking out after the first row frees the connection',
    replies: batchThen({ ...body(`${lines('a', 'b', 'c').join('\n')}\n`, 30), chunkDelayMs: 20 }),
    call: async ({ client }) => {
      for await (const row of await client.messages.batches.results('msgbatch_1')) return row.custom_id;
    },
    expect: { resolves: 'a' },
  },
];

const failures: Scenario[] = [
  {
    name: 'a malformed line: SyntaxError',
    replies: batchThen(body(`${lines('a').join('')}\n{"custom_id": oops\n${lines('c').join('')}\n`)),
    call: results,
    expect: { rejects: SyntaxError },
  },
  {
    name: 'dropped mid-body',
    replies: batchThen(dropMidBody(`${lines('a').join('')}\n{"custom_id":"b`, BINARY)),
    call: results,
    // As for event streams: a dropped connection is an APIConnectionError.
    expect: { rejects: APIConnectionError, message: /reading the stream/ },
  },
  {
    name: 'stalled mid-body with idleTimeout: APIIdleTimeoutError',
    replies: batchThen(stallMidBody(`${lines('a').join('')}\n`, BINARY)),
    options: () => ({ idleTimeout: 150 }),
    call: results,
    expect: { rejects: APIIdleTimeoutError, withinMs: 2_000 },
  },
  {
    name: 'a batch without results_url: AnthropicError, no second request',
    replies: [json({ ...batch(RESULTS), processing_status: 'in_progress', results_url: null })],
    call: results,
    expect: { rejects: AnthropicError, message: /results_url.*in_progress/, requests: 1 },
  },
  {
    name: 'a 404 for the results file: NotFoundError',
    replies: batchThen(retryable(404)),
    call: results,
    expect: { rejects: NotFoundError, requests: 2 },
  },
  {
    name: 'a 503 for the results file is retried',
    replies: batchThen(retryable(503, { retryAfterMs: '0' }), body(`${lines('a').join('')}\n`)),
    call: results,
    expect: { resolves: idsAre('a'), requests: 3 },
  },
];

const origins: Scenario[] = [
  {
    name: 'an absolute results_url on another origin gets no credentials',
    replies: { to: (other) => [json(batch(`${other.url}/files/results.jsonl`))] },
    other: [body(`${lines('a').join('')}\n`)],
    options: () => ({ authToken: 'tok-fault-TOKEN-0123456789' }),
    call: results,
    expect: {
      resolves: idsAre('a'),
      requests: 1,
      otherRequests: 1,
      logged: /^warn .*credentials not sent/,
      check: ({ other }) => {
        expect(other!.requests[0]!.headers).not.toHaveProperty('x-api-key');
        expect(other!.requests[0]!.headers).not.toHaveProperty('authorization');
      },
    },
  },
];

describe.each([
  ['decoding', decoding],
  ['failures', failures],
  ['origins', origins],
])('fault matrix: JSONL, %s', (_theme, rows) => {
  it.each(rows)('$name', (row) => runScenario(row));
});

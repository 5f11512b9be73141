/**
 * Fault matrix, retries: which statuses and connection failures are retried, what the retry headers do, and
 * what the final failure looks like.
 */
import {
  APIConnectionError,
  AuthenticationError,
  BadRequestError,
  InternalServerError,
  NotFoundError,
  RateLimitError,
} from '@sdkgen/anthropic';
import { describe, expect, it } from 'vitest';
import { dropConnection, type Handler, json, retryable } from '../helpers/fault-server.js';
import { type Ctx, runScenario, type Scenario } from './harness.js';
import { message, params } from './kit.js';

const ok = () => json(message());
const fast = (status: number, headers: Record<string, string> = {}) =>
  retryable(status, { retryAfterMs: '0', headers });
const create = ({ client }: Ctx) => client.messages.create(params);
const reset: Handler = (_req, { res }) => {
  res.socket?.resetAndDestroy();
  return undefined;
};
const retryCounts = (ctx: { server: { requests: Array<{ headers: Record<string, unknown> }> } }) =>
  ctx.server.requests.map((r) => r.headers['x-stainless-retry-count']);
const httpDate: Handler = (_req, { index }) =>
  index === 0 ? retryable(503, { retryAfter: new Date(Date.now() + 1_000).toUTCString() }) : ok();

const statuses: Scenario[] = [408, 409, 429, 500, 502, 503, 504, 529].map((status) => ({
  name: `a ${status} is retried and the next attempt succeeds`,
  replies: [fast(status), ok()],
  call: create,
  expect: { resolves: { id: 'msg_1' }, requests: 2 },
}));

const finals: Scenario[] = [
  {
    name: '529 on every attempt: InternalServerError after maxRetries + 1 attempts, with request-id',
    replies: [fast(529), fast(529), fast(529, { 'request-id': 'req_last' })],
    call: create,
    expect: {
      rejects: InternalServerError,
      message: /^529 /,
      error: { status: 529, requestID: 'req_last' },
      requests: 3,
      check: (ctx) => void expect(retryCounts(ctx)).toEqual(['0', '1', '2']),
    },
  },
  {
    name: '429 on every attempt: RateLimitError carrying the response headers',
    replies: [fast(429), fast(429), fast(429, { 'request-id': 'req_rl', 'x-extra': 'yes' })],
    call: create,
    expect: {
      rejects: RateLimitError,
      error: { status: 429, requestID: 'req_rl' },
      requests: 3,
      check: (_ctx, o) => void expect((o as any).error.headers.get('x-extra')).toBe('yes'),
    },
  },
  {
    name: 'a 400 is final',
    replies: [fast(400), ok()],
    call: create,
    expect: { rejects: BadRequestError, error: { status: 400 }, requests: 1 },
  },
  {
    name: 'a 401 is final',
    replies: [fast(401), ok()],
    call: create,
    expect: { rejects: AuthenticationError, requests: 1 },
  },
  {
    name: 'a 404 is final',
    replies: [fast(404), ok()],
    call: ({ client }) => client.models.retrieve('claude-x'),
    expect: { rejects: NotFoundError, requests: 1 },
  },
  {
    name: 'x-should-retry: false stops a 503',
    replies: [retryable(503, { shouldRetry: 'false' }), ok()],
    call: create,
    expect: { rejects: InternalServerError, error: { status: 503 }, requests: 1 },
  },
  {
    name: 'x-should-retry: true retries a 400',
    replies: [retryable(400, { shouldRetry: 'true', retryAfterMs: '0' }), ok()],
    call: create,
    expect: { resolves: { id: 'msg_1' }, requests: 2 },
  },
  {
    name: 'maxRetries: 0 makes a 500 final',
    replies: [fast(500), ok()],
    options: () => ({ maxRetries: 0 }),
    call: create,
    expect: { rejects: InternalServerError, requests: 1 },
  },
  {
    name: 'per-request maxRetries: 4 makes five attempts',
    replies: [fast(500), fast(500), fast(500), fast(500), ok()],
    options: () => ({ maxRetries: 0 }),
    call: ({ client }) => client.messages.create(params, { maxRetries: 4 }),
    expect: { resolves: { id: 'msg_1' }, requests: 5 },
  },
];

const headers: Scenario[] = [
  {
    name: 'retry-after-ms: 150 is waited for',
    replies: [retryable(429, { retryAfterMs: '150' }), ok()],
    call: create,
    expect: { resolves: { id: 'msg_1' }, requests: 2, slowerThanMs: 140 },
  },
  {
    name: 'retry-after: 0 (seconds) retries at once',
    replies: [retryable(503, { retryAfter: '0' }), ok()],
    call: create,
    expect: { resolves: { id: 'msg_1' }, requests: 2, withinMs: 400 },
  },
  {
    name: 'retry-after as an HTTP date a second ahead is honoured',
    replies: httpDate,
    call: create,
    expect: { resolves: { id: 'msg_1' }, requests: 2, withinMs: 3_000 },
  },
  {
    name: 'retry-after-ms wins over a 30 s retry-after',
    replies: [retryable(503, { retryAfterMs: '10', retryAfter: '30' }), ok()],
    call: create,
    expect: { resolves: { id: 'msg_1' }, requests: 2, withinMs: 2_000 },
  },
  {
    name: 'a retry-after of 120 s is ignored in favour of the backoff',
    replies: [retryable(429, { retryAfter: '120' }), ok()],
    call: create,
    expect: { resolves: { id: 'msg_1' }, requests: 2, withinMs: 3_000 },
  },
  {
    name: 'an unparsable retry-after-ms falls back to the backoff',
    replies: [retryable(429, { retryAfterMs: 'soon' }), ok()],
    call: create,
    expect: { resolves: { id: 'msg_1' }, requests: 2, withinMs: 3_000 },
  },
];

const connections: Scenario[] = [
  {
    name: 'connection refused: APIConnectionError with its cause after the retries',
    replies: [],
    options: () => ({ baseURL: 'http://127.0.0.1:1', maxRetries: 1 }),
    call: create,
    expect: {
      rejects: APIConnectionError,
      message: /^Connection error\.$/,
      check: (_ctx, o) => void expect((o as any).error.cause).toBeInstanceOf(Error),
    },
  },
  {
    name: 'a connection reset before headers is retried',
    replies: (req, ctx) => (ctx.index === 0 ? reset(req, ctx) : ok()),
    call: create,
    expect: { resolves: { id: 'msg_1' }, requests: 2 },
  },
  {
    name: 'a connection dropped before headers is retried, the body sent again',
    replies: [dropConnection(), ok()],
    call: create,
    expect: {
      resolves: { id: 'msg_1' },
      requests: 2,
      check: (ctx) =>
        void expect(ctx.server.requests.map((r) => r.json().model)).toEqual([params.model, params.model]),
    },
  },
  {
    name: 'dropped on every attempt: APIConnectionError, cause kept',
    replies: [dropConnection(), dropConnection()],
    options: () => ({ maxRetries: 1 }),
    call: create,
    expect: {
      rejects: APIConnectionError,
      requests: 2,
      check: (_ctx, o) => void expect((o as any).error.cause).toBeDefined(),
    },
  },
];

describe.each([
  ['retryable statuses', statuses],
  ['final failures and retry budgets', finals],
  ['retry headers', headers],
  ['connection failures', connections],
])('fault matrix: retries, %s', (_theme, rows) => {
  it.each(rows)('$name', (row) => runScenario(row));
});

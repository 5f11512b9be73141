/**
 * Fault matrix, hostile input: path parameters that try to change the route, huge headers either way, and 200s
 * whose bodies are empty, invalid, huge or not JSON at all.
 */
import {
  AnthropicError,
  APIConnectionError,
  APIError,
  BadRequestError,
  InternalServerError,
} from '@sdkgen/anthropic';
import { describe, expect, it } from 'vitest';
import { json, type Reply, retryable } from '../helpers/fault-server.js';
import { type Ctx, runScenario, type Scenario } from './harness.js';
import { message, params } from './kit.js';

const JSON_TYPE = { 'content-type': 'application/json' };
const create = ({ client }: Ctx) => client.messages.create(params);
const retrieve = (id: string) => (ctx: Ctx) => ctx.client.models.retrieve(id);
const sentPath = (want: string) => (ctx: Ctx) => void expect(ctx.server.requests[0]!.url).toBe(want);
const hugeHeader = (): Reply => ({ headers: { ...JSON_TYPE, 'x-huge': 'h'.repeat(64 * 1024) }, body: '{}' });
const bigText = 'z'.repeat(5 * 1024 * 1024);

const paths: Scenario[] = [
  ...['..', '.'].map(
    (id): Scenario => ({
      name: `path parameter ${JSON.stringify(id)}: refused before sending`,
      replies: [json({ id })],
      call: retrieve(id),
      expect: { rejects: AnthropicError, message: /can't be safely passed as a path parameter/, requests: 0 },
    }),
  ),
  {
    name: 'path parameter undefined: refused before sending',
    replies: [json({})],
    call: retrieve(undefined as unknown as string),
    expect: {
      rejects: AnthropicError,
      message: /Value of type Undefined is not a valid path parameter/,
      requests: 0,
    },
  },
  ...[
    ['../files', '/v1/models/..%2Ffiles'],
    ['a%2Fb', '/v1/models/a%252Fb'],
    ['%2e%2e', '/v1/models/%252e%252e'],
    ['a/b?c=d#e', '/v1/models/a%2Fb%3Fc=d%23e'],
    ['..\\..\\x', '/v1/models/..%5C..%5Cx'],
  ].map(
    ([id, path]): Scenario => ({
      name: `path parameter ${JSON.stringify(id)}: encoded into one segment, the route unchanged`,
      replies: [json({ id })],
      call: retrieve(id!),
      expect: { resolves: { id }, requests: 1, check: sentPath(path!) },
    }),
  ),
];

const headers: Scenario[] = [
  {
    name: 'a 64 KB request header: the server answers 431, not retried',
    replies: [json(message())],
    call: ({ client }) => client.messages.create(params, { headers: { 'x-huge': 'h'.repeat(64 * 1024) } }),
    expect: { rejects: APIError, error: { status: 431 }, requests: 0 },
  },
  {
    name: 'a 64 KB response header once: a connection error, retried',
    replies: [hugeHeader(), json(message())],
    call: create,
    expect: { resolves: { id: 'msg_1' }, requests: 2 },
  },
  {
    name: 'a 64 KB response header on every attempt: APIConnectionError, cause kept',
    replies: [hugeHeader(), hugeHeader()],
    options: () => ({ maxRetries: 1 }),
    call: create,
    expect: {
      rejects: APIConnectionError,
      requests: 2,
      check: (_c, o) => void expect((o as any).error.cause).toBeDefined(),
    },
  },
];

const bodies: Scenario[] = [
  {
    name: 'a 200 with invalid JSON: SyntaxError quoting the text',
    replies: [{ headers: JSON_TYPE, body: '{"id": not-json' }],
    call: create,
    expect: { rejects: SyntaxError, message: /not-json/, requests: 1 },
  },
  {
    name: 'an empty chunked 200 with a JSON content type: SyntaxError',
    replies: [{ headers: JSON_TYPE, body: '' }],
    call: create,
    expect: { rejects: SyntaxError, message: /end of JSON input/ },
  },
  {
    name: 'a 200 with content-length: 0 resolves undefined',
    replies: [{ headers: { ...JSON_TYPE, 'content-length': '0' } }],
    call: create,
    expect: { resolves: (v: unknown) => void expect(v).toBeUndefined() },
  },
  {
    name: 'a 200 with a text body resolves the text',
    replies: [{ headers: { 'content-type': 'text/plain' }, body: 'not an object' }],
    call: create,
    expect: { resolves: (v: unknown) => void expect(v).toBe('not an object') },
  },
  {
    name: 'a 5 MB JSON body',
    replies: [{ headers: JSON_TYPE, chunks: [JSON.stringify(message(bigText))] }],
    call: create,
    expect: { resolves: (m: any) => void expect(m.content[0].text.length).toBe(bigText.length) },
  },
  {
    name: 'a JSON body cut mid-way: APIConnectionError, not retried',
    replies: [{ headers: JSON_TYPE, chunks: ['{"id":"msg_1",'], dropAfterBody: true }, json(message())],
    call: create,
    expect: { rejects: APIConnectionError, message: /reading the response body/, requests: 1 },
  },
  {
    name: 'a 2 MB error body: BadRequestError with its message',
    replies: [
      {
        status: 400,
        headers: JSON_TYPE,
        body: { type: 'error', error: { type: 'invalid_request_error', message: bigText.slice(0, 2 << 20) } },
      },
    ],
    call: create,
    expect: { rejects: BadRequestError, message: /^400 \{"type":"error".*z{1000}/, requests: 1 },
  },
  {
    name: 'an HTML 502 on every attempt: InternalServerError quoting the page',
    replies: [1, 2, 3].map(() => ({
      status: 502,
      headers: { 'content-type': 'text/html', 'retry-after-ms': '0' },
      body: '<h1>Bad Gateway</h1>',
    })),
    call: create,
    expect: { rejects: InternalServerError, message: /^502 <h1>Bad Gateway<\/h1>$/, requests: 3 },
  },
  {
    name: 'an error body that is JSON but not an object: kept as the parsed value',
    replies: [{ status: 422, headers: JSON_TYPE, body: '["a","b"]' }],
    call: create,
    expect: { rejects: APIError, error: { status: 422, error: ['a', 'b'] } },
  },
  {
    name: 'an error without a body: the status only',
    replies: [{ status: 409, headers: { 'x-should-retry': 'false' } }],
    call: create,
    expect: { rejects: APIError, message: /^409 status code \(no body\)$/ },
  },
  {
    name: 'request-id on an error reaches requestID',
    replies: [retryable(400, { headers: { 'request-id': 'req_hostile' } })],
    call: create,
    expect: { rejects: BadRequestError, error: { requestID: 'req_hostile' } },
  },
];

describe.each([
  ['path parameters', paths],
  ['huge headers', headers],
  ['bodies', bodies],
])('fault matrix: hostile input, %s', (_theme, rows) => {
  it.each(rows)('$name', (row) => runScenario(row));
});

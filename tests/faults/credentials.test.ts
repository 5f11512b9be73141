/**
 * Fault matrix, credentials: the key goes to the client's own origin only (redirects to another 127.0.0.1 port
 * drop it), a key that would split a header is refused, and a server echoing the key never gets it into an error.
 */
import { APIError, AuthenticationError, InternalServerError } from '@sdkgen/anthropic';
import { describe, expect, it } from 'vitest';
import type { FaultServer, Reply } from '../helpers/fault-server.js';
import { json, retryable } from '../helpers/fault-server.js';
import { type Ctx, runScenario, type Scenario } from './harness.js';
import { events, message, params, rawTypes, stream } from './kit.js';

const TOKEN = 'tok-fault-TOKEN-0123456789';
const create = ({ client }: Ctx) => client.messages.create(params);
const redirect = (location: string, status = 307): Reply => ({ status, headers: { location } });
const credentials = (s: FaultServer | undefined, i = 0) => {
  const headers = s?.requests[i]?.headers ?? {};
  return { key: headers['x-api-key'], auth: headers.authorization };
};
/** An error reply whose body quotes the API key the request carried. */
const echo =
  (status: number, type = 'application/json') =>
  (req: { headers: Record<string, unknown> }): Reply => {
    const key = String(req.headers['x-api-key']);
    const text =
      type === 'application/json'
        ? JSON.stringify({
            type: 'error',
            error: { type: 'authentication_error', message: `invalid x-api-key ${key}` },
          })
        : `<html>invalid key ${key}</html>`;
    return { status, headers: { 'content-type': type }, body: text };
  };

const origins: Scenario[] = [
  {
    name: 'a 307 to another origin is followed without x-api-key or authorization',
    replies: { to: (other) => [redirect(`${other.url}/moved`)] },
    other: [json(message())],
    options: () => ({ authToken: TOKEN }),
    call: create,
    expect: {
      resolves: { id: 'msg_1' },
      otherRequests: 1,
      logged: /^warn .*credentials not sent to http:\/\/127\.0\.0\.1:\d+/,
      check: ({ server, other, key }) => {
        expect(credentials(server)).toEqual({ key, auth: `Bearer ${TOKEN}` });
        expect(credentials(other)).toEqual({ key: undefined, auth: undefined });
        expect(other!.requests[0]!.json()).toEqual(params);
      },
    },
  },
  {
    name: 'a 302 to another origin and back: no credentials on either later hop',
    replies: {
      to:
        (other) =>
        (req, { index }) =>
          index === 0
            ? redirect(`${other.url}/hop?back=http://${req.headers.host}/v1/back`, 302)
            : json({ id: 'claude-x' }),
    },
    other: (req) => redirect(new URL(req.url, 'http://x').searchParams.get('back')!, 302),
    call: ({ client }) => client.models.retrieve('claude-x'),
    expect: {
      resolves: { id: 'claude-x' },
      requests: 2,
      otherRequests: 1,
      check: ({ server, other, key }) => {
        expect(credentials(server, 0).key).toBe(key);
        expect([credentials(other).key, credentials(server, 1).key]).toEqual([undefined, undefined]);
        expect(server.requests[1]!.url).toBe('/v1/back');
      },
    },
  },
  {
    name: 'a same-origin 307 keeps the key and re-sends the body',
    replies: [redirect('/v1/moved'), json(message())],
    call: create,
    expect: {
      resolves: { id: 'msg_1' },
      requests: 2,
      check: ({ server, key }) => {
        expect(credentials(server, 1).key).toBe(key);
        expect(server.requests[1]!.json()).toEqual(params);
      },
    },
  },
  {
    name: 'a streaming request redirected to another origin: stream played, no credentials there',
    replies: { to: (other) => [redirect(`${other.url}/stream`)] },
    other: [stream([events.start(), events.stop()])],
    call: ({ client }) => rawTypes(client),
    expect: {
      resolves: (v: string[]) => void expect(v).toEqual(['message_start', 'message_stop']),
      check: ({ other }) => void expect(credentials(other).key).toBeUndefined(),
    },
  },
];
const keys: Scenario[] = ['\r\n', '\n', '\r'].map((bad) => ({
  name: `a key with ${JSON.stringify(bad)}: refused before sending, the key quoted nowhere`,
  replies: [json(message())],
  options: ({ key }) => ({ apiKey: `${key}${bad}x-injected: 1` }),
  call: create,
  expect: { rejects: Error, message: /invalid value for header x-api-key/i, requests: 0 },
}));

const echoes: Scenario[] = [
  {
    name: 'a 401 JSON body echoing the key: masked in message and parsed body',
    replies: (req) => echo(401)(req),
    call: create,
    expect: {
      rejects: AuthenticationError,
      message: /invalid x-api-key \*\*\*/,
      check: (_ctx, o) => void expect(JSON.stringify((o as any).error.error)).toContain('***'),
    },
  },
  {
    name: 'a 500 echoing the key on every attempt: masked in the final error',
    replies: (req) => ({
      ...echo(500)(req),
      headers: { 'content-type': 'application/json', 'retry-after-ms': '0' },
    }),
    call: create,
    expect: { rejects: InternalServerError, message: /\*\*\*/, requests: 3 },
  },
  {
    name: 'an HTML error page echoing the key: masked',
    replies: (req) => echo(403, 'text/html')(req),
    call: create,
    expect: { rejects: APIError, message: /invalid key \*\*\*/, error: { status: 403 } },
  },
  {
    name: 'debug logs show the request headers with the key masked',
    replies: [retryable(529, { retryAfterMs: '0' }), json(message())],
    call: create,
    expect: { resolves: { id: 'msg_1' }, logged: /'x-api-key': '\*\*\*'/ },
  },
];

const streamed: Scenario[] = [
  {
    name: 'an event: error echoing the key mid-stream is masked',
    replies: (req) =>
      stream([events.start(), events.error('overloaded_error', `key ${req.headers['x-api-key']}`)]),
    call: ({ client }) => rawTypes(client),
    expect: { rejects: APIError, message: /\*\*\*/ },
  },
  {
    name: 'an error response echoing the key in a header is masked there too',
    replies: (req) => ({
      status: 400,
      headers: { 'x-echo': `key=${req.headers['x-api-key']}`, 'x-should-retry': 'false' },
      body: { type: 'error', error: { type: 'invalid_request_error', message: 'no' } },
    }),
    call: ({ client }) => client.models.list(),
    expect: { rejects: APIError, error: { headers: expect.any(Headers) } },
  },
];

describe.each([
  ['origins', origins],
  ['keys that split headers', keys],
  ['echoed keys', echoes],
  ['echoed keys in streams and headers', streamed],
])('fault matrix: credentials, %s', (_theme, rows) => {
  it.each(rows)('$name', (row) => runScenario(row));
});

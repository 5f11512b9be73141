// `path` is what generated code uses for every path parameter; it lives in internal/ as in
// 0.74.0, so this runtime unit test imports it from there.

import { afterEach, describe, expect, it } from 'vitest';
import { path } from '../../src/internal/utils/path.js';
import { clientFor, type FaultServer, json, startServer } from './client.js';

let server: FaultServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

describe('path parameters', () => {
  it.each([
    ['../x', '/v1/files/..%2Fx'],
    ['a/b', '/v1/files/a%2Fb'],
    ['a?b=1#c', '/v1/files/a%3Fb=1%23c'],
    ['%2e%2e', '/v1/files/%252e%252e'],
    ['with space', '/v1/files/with%20space'],
    ['ünï', '/v1/files/%C3%BCn%C3%AF'],
    ['file_01:ok@x', '/v1/files/file_01:ok@x'],
  ])('encodes %j so it stays one segment', (id, expected) => {
    expect(path`/v1/files/${id}`).toBe(expected);
  });

  it("'../x' never changes the route the server sees", async () => {
    server = await startServer(() => json({}));
    const client = clientFor(server);
    await client.get(path`/v1/files/${'../../admin'}/content`);
    await client.get(path`/v1/files/${'..\\x'}`);
    expect(server.requests.map((r) => r.url)).toEqual([
      '/v1/files/..%2F..%2Fadmin/content',
      '/v1/files/..%5Cx',
    ]);
  });

  it.each(['..', '.'])('rejects %j as a whole segment', (id) => {
    expect(() => path`/v1/files/${id}/content`).toThrow(/would be a relative path segment/);
  });

  it.each([null, undefined, {}])('rejects %j', (value) => {
    expect(() => path`/v1/files/${value}`).toThrow(/cannot be used as a path parameter/);
  });

  it('encodes values after a ? with encodeURIComponent', () => {
    expect(path`/v1/x?name=${'a&b=c/d'}`).toBe('/v1/x?name=a%26b%3Dc%2Fd');
  });

  it('returns a template without parameters unchanged', () => {
    expect(path`/v1/models`).toBe('/v1/models');
  });
});

// `path` is what generated code uses for every path parameter; it lives in internal/ as in
// 0.74.0, so this runtime unit test imports it from there.

import { afterEach, describe, expect, it } from 'vitest';
import { path } from '../src/internal/utils/path.js';
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

  it.each(['..', '.'])('rejects %j as a whole segment, worded and underlined as 0.74.0 does', (id) => {
    expect(() => path`/v1/files/${id}/content`).toThrow(
      `Path parameters result in path with invalid segments:\nValue "${id}" can't be safely passed as a path parameter\n/v1/files/${id}/content\n          ${'^'.repeat(id.length)}`,
    );
  });

  it.each([
    [null, 'Null', 'null'],
    [undefined, 'Undefined', 'undefined'],
    [{}, 'Object', '[object Object]'],
    [new (class Plain {})(), 'Object', '[object Object]'],
  ])('rejects %j', (value, type, shown) => {
    expect(() => path`/v1/files/${value}`).toThrow(
      `Path parameters result in path with invalid segments:\nValue of type ${type} is not a valid path parameter\n/v1/files/${shown}\n          ${'^'.repeat(shown.length)}`,
    );
  });

  it('lists every problem in path order, with one underline', () => {
    expect(() => path`/v1/${null}/x/${'..'}`).toThrow(
      'Path parameters result in path with invalid segments:\nValue of type Null is not a valid path parameter\n' +
        `Value ".." can't be safely passed as a path parameter\n/v1/null/x/..\n    ^^^^   ^^`,
    );
  });

  it('accepts objects with their own toString', () => {
    expect(path`/v1/files/${{ toString: () => 'file_1' }}`).toBe('/v1/files/file_1');
  });

  it('encodes values after a ? with encodeURIComponent', () => {
    expect(path`/v1/x?name=${'a&b=c/d'}`).toBe('/v1/x?name=a%26b%3Dc%2Fd');
  });

  it('returns a template without parameters unchanged', () => {
    expect(path`/v1/models`).toBe('/v1/models');
  });
});

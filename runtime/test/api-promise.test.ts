import { afterEach, describe, expect, it } from 'vitest';
import { APIPromise } from '../src/core/api-promise.js';
import { clientFor, type FaultServer, json, startServer } from './client.js';

let server: FaultServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

describe('APIPromise', () => {
  it('resolves to the parsed body with a non-enumerable _request_id', async () => {
    server = await startServer([json({ id: 'm1' }, { headers: { 'request-id': 'req_1' } })]);
    const p = clientFor(server).get<{ id: string }>('/v1/x');
    expect(p).toBeInstanceOf(APIPromise);
    expect(p).toBeInstanceOf(Promise);
    const data = await p;
    expect(data).toEqual({ id: 'm1' });
    expect(data._request_id).toBe('req_1');
    expect(Object.keys(data)).toEqual(['id']);
  });

  it('withResponse() gives data, the raw response and request_id; the body is parsed once', async () => {
    server = await startServer([json({ id: 'm2' }, { headers: { 'request-id': 'req_2' } })]);
    const p = clientFor(server).get<{ id: string }>('/v1/x');
    const { data, response, request_id } = await p.withResponse();
    expect(data).toEqual({ id: 'm2' });
    expect(response.status).toBe(200);
    expect(request_id).toBe('req_2');
    expect(await p).toBe(data);
    expect(server.requests).toHaveLength(1);
  });

  it('asResponse() gives the unread Response', async () => {
    server = await startServer([{ headers: { 'content-type': 'text/plain' }, body: 'raw text' }]);
    const response = await clientFor(server).get('/v1/x').asResponse();
    expect(await response.text()).toBe('raw text');
  });

  it('_thenUnwrap() transforms the parsed value and keeps _request_id', async () => {
    server = await startServer([json({ data: [1, 2] }, { headers: { 'request-id': 'req_3' } })]);
    const p = clientFor(server)
      .get<{ data: number[] }>('/v1/x')
      ._thenUnwrap((body, props) => ({
        sum: body.data.reduce((a, b) => a + b, 0),
        status: props.response.status,
      }));
    expect(p).toBeInstanceOf(APIPromise);
    const result = await p;
    expect(result).toEqual({ sum: 3, status: 200 });
    expect(result._request_id).toBe('req_3');
  });

  it('parses non-JSON as text, 204 as null, and __binaryResponse as the Response', async () => {
    server = await startServer([
      { headers: { 'content-type': 'text/plain' }, body: 'hi' },
      { status: 204 },
      { headers: { 'content-type': 'application/octet-stream' }, body: new Uint8Array([1, 2, 3]) },
    ]);
    const client = clientFor(server);
    expect(await client.get('/v1/a')).toBe('hi');
    expect(await client.delete('/v1/b')).toBeNull();
    const bin = (await client.get('/v1/c', { __binaryResponse: true })) as Response;
    expect([...new Uint8Array(await bin.arrayBuffer())]).toEqual([1, 2, 3]);
  });

  it('catch() and finally() work on the unparsed promise', async () => {
    server = await startServer([{ status: 404, body: { type: 'error', error: { message: 'nope' } } }]);
    let finalized = false;
    const caught = await clientFor(server)
      .get('/v1/x')
      .finally(() => {
        finalized = true;
      })
      .catch((e: Error) => e.message);
    expect(caught).toBe('404 {"type":"error","error":{"message":"nope"}}');
    expect(finalized).toBe(true);
  });
});

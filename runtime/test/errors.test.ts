import { afterEach, describe, expect, it } from 'vitest';
import * as Errors from '../src/core/error.js';
import { clientFor, dropConnection, type FaultServer, startServer, TestClient } from './client.js';

let server: FaultServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const errorBody = (type: string, message: string) => ({ type: 'error', error: { type, message } });

describe('API errors', () => {
  it.each([
    [400, Errors.BadRequestError],
    [401, Errors.AuthenticationError],
    [403, Errors.PermissionDeniedError],
    [404, Errors.NotFoundError],
    [409, Errors.ConflictError],
    [422, Errors.UnprocessableEntityError],
    [429, Errors.RateLimitError],
    [500, Errors.InternalServerError],
    [529, Errors.InternalServerError],
    [418, Errors.APIError],
  ])('status %i becomes %o with status, headers, parsed error and requestID', async (status, ErrorClass) => {
    server = await startServer([
      {
        status,
        headers: { 'request-id': 'req_abc', 'x-should-retry': 'false' },
        body: errorBody('some_error', 'went wrong'),
      },
    ]);
    const err: any = await clientFor(server)
      .get('/v1/x')
      .catch((e: any) => e);
    expect(err).toBeInstanceOf(ErrorClass);
    expect(err).toBeInstanceOf(Errors.APIError);
    expect(err).toBeInstanceOf(Errors.SDKError);
    expect(err.constructor).toBe(ErrorClass);
    expect(err.status).toBe(status);
    expect(err.requestID).toBe('req_abc');
    expect(err.headers.get('request-id')).toBe('req_abc');
    expect(err.error).toEqual(errorBody('some_error', 'went wrong'));
    expect(err.message).toBe(`${status} ${JSON.stringify(errorBody('some_error', 'went wrong'))}`);
  });

  it('uses a nested message when the body has a top-level message, and raw text for non-JSON bodies', async () => {
    server = await startServer([
      { status: 400, body: { message: 'top level' } },
      { status: 400, headers: { 'content-type': 'text/plain' }, body: 'plain failure' },
      { status: 400 },
    ]);
    const client = clientFor(server);
    await expect(client.get('/v1/x')).rejects.toThrow('400 top level');
    await expect(client.get('/v1/x')).rejects.toThrow('400 plain failure');
    await expect(client.get('/v1/x')).rejects.toThrow('400 status code (no body)');
  });

  it('connection failures are APIConnectionError with the network error as cause', async () => {
    server = await startServer([dropConnection()]);
    const err: any = await clientFor(server, { maxRetries: 0 })
      .get('/v1/x')
      .catch((e: any) => e);
    expect(err).toBeInstanceOf(Errors.APIConnectionError);
    expect(err.status).toBeUndefined();
    expect(err.message).toBe('Connection error.');
    expect(err.cause).toBeInstanceOf(Error);
  });

  it('error classes hang off the client class and its subclasses, as on the 0.74.0 client', () => {
    expect(TestClient.APIError).toBe(Errors.APIError);
    expect(TestClient.RateLimitError).toBe(Errors.RateLimitError);
    expect(TestClient.APIUserAbortError).toBe(Errors.APIUserAbortError);
    expect(TestClient.DEFAULT_TIMEOUT).toBe(600_000);
    expect(typeof TestClient.toFile).toBe('function');
  });

  it('APIError.generate without a status makes a connection error', () => {
    const err = Errors.APIError.generate(undefined, new Error('boom'), 'no response', undefined);
    expect(err).toBeInstanceOf(Errors.APIConnectionError);
    expect((err.cause as Error).message).toBe('boom');
  });

  it('abort and timeout errors have their default messages', () => {
    expect(new Errors.APIUserAbortError().message).toBe('Request was aborted.');
    expect(new Errors.APIConnectionTimeoutError().message).toBe('Request timed out.');
  });
});

/**
 * Credentials are only ever sent to the client's own origin: not to an absolute URL on another host (a batch
 * `results_url`), not across a redirect to another origin. Two real servers on 127.0.0.1 stand for the two origins.
 */

import { afterEach, describe, expect, it } from 'vitest';
import { APIConnectionError, APIError } from '../src/core/error.js';
import { clientFor, type FaultServer, json, startServer } from './client.js';

const KEY = 'sk-ant-origin-KEY-0123456789';
const TOKEN = 'tok-origin-TOKEN-0123456789';
let servers: FaultServer[] = [];
afterEach(async () => {
  await Promise.all(servers.map((s) => s.close()));
  servers = [];
});

async function twoOrigins(
  apiReplies: Parameters<typeof startServer>[0],
  otherReplies = [json({ other: true })],
) {
  const other = await startServer(otherReplies);
  const api = await startServer(typeof apiReplies === 'function' ? apiReplies : apiReplies);
  servers.push(api, other);
  return { api, other };
}

const redirectTo = (location: string, status = 307) => ({ status, headers: { location } });
const credentialsOf = (s: FaultServer, i = 0) => ({
  key: s.requests[i]?.headers['x-api-key'],
  auth: s.requests[i]?.headers.authorization,
});

describe('credentials pinned to the base URL origin', () => {
  it('an absolute URL on another origin gets no x-api-key or authorization', async () => {
    const { api, other } = await twoOrigins([json({})]);
    const client = clientFor(api, { apiKey: KEY, authToken: TOKEN });
    await expect(client.get(`${other.url}/v1/messages/batches/b1/results`)).resolves.toEqual({ other: true });
    expect(credentialsOf(other)).toEqual({ key: undefined, auth: undefined });
    expect(api.requests).toHaveLength(0);
  });

  it('an absolute URL on the same origin keeps its credentials', async () => {
    const { api } = await twoOrigins([json({ same: true })]);
    await clientFor(api, { apiKey: KEY }).get(`${api.url}/v1/messages/batches/b1/results`);
    expect(credentialsOf(api).key).toBe(KEY);
  });

  it('a cross-origin redirect is followed without credentials', async () => {
    const other = await startServer([json({ moved: true })]);
    const api = await startServer([redirectTo(`${other.url}/elsewhere`)]);
    servers.push(api, other);
    await expect(clientFor(api, { apiKey: KEY, authToken: TOKEN }).get('/v1/x')).resolves.toEqual({
      moved: true,
    });
    expect(credentialsOf(api).key).toBe(KEY);
    expect(credentialsOf(other)).toEqual({ key: undefined, auth: undefined });
    expect(other.requests[0]?.url).toBe('/elsewhere');
  });

  it('a same-origin redirect is followed with credentials, a 307 keeping method and body', async () => {
    const api = await startServer([redirectTo('/v1/moved'), json({ ok: true })]);
    servers.push(api);
    await clientFor(api, { apiKey: KEY }).post('/v1/x', { body: { hello: 'world' } });
    expect(api.requests.map((r) => `${r.method} ${r.url}`)).toEqual(['POST /v1/x', 'POST /v1/moved']);
    expect(api.requests[1]?.json()).toEqual({ hello: 'world' });
    expect(credentialsOf(api, 1).key).toBe(KEY);
  });

  it('a 303 becomes a GET without body, as fetch does', async () => {
    const api = await startServer([redirectTo('/v1/see-other', 303), json({ ok: true })]);
    servers.push(api);
    await clientFor(api, { apiKey: KEY }).post('/v1/x', { body: { hello: 'world' } });
    expect(api.requests.map((r) => `${r.method} ${r.url}`)).toEqual(['POST /v1/x', 'GET /v1/see-other']);
    expect(api.requests[1]?.body.length).toBe(0);
  });

  it('a redirect back from another origin stays without credentials', async () => {
    const api = await startServer([json({})]);
    servers.push(api);
    const other = await startServer([redirectTo(`${api.url}/v1/back`)]);
    servers.push(other);
    api.requests.length = 0;
    await clientFor(api, { apiKey: KEY }).get(`${other.url}/hop`);
    expect(credentialsOf(other).key).toBeUndefined();
    expect(credentialsOf(api).key).toBeUndefined();
  });

  it('stops after 20 redirects with a connection error', async () => {
    const api = await startServer((_req, { index }) => redirectTo(`/v1/loop${index}`));
    servers.push(api);
    const err = await clientFor(api, { apiKey: KEY, maxRetries: 0 })
      .get('/v1/x')
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(APIConnectionError);
    expect(String((err as Error).cause)).toMatch(/too many redirects/);
    expect(api.requests).toHaveLength(21);
  });

  it('fetchOptions.redirect hands redirects back to fetch', async () => {
    const api = await startServer([redirectTo('/v1/moved', 302)]);
    servers.push(api);
    const client = clientFor(api, { apiKey: KEY, maxRetries: 0, fetchOptions: { redirect: 'manual' } });
    const err = await client.get('/v1/x').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(APIError);
    expect((err as APIError).status).toBe(302);
    expect(api.requests).toHaveLength(1);
  });
});

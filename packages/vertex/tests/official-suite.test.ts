import type { AuthClient, GoogleAuth } from 'google-auth-library';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { AnthropicVertex } from '../src/index.js';
import { startVertexServer, type VertexReply } from './helpers/vertex-server.js';

const TOKEN = 'mock-token';
const MODEL = 'claude-3-5-sonnet@20240620';
const messages = [{ role: 'user' as const, content: 'Hi' }];
const reply: VertexReply = { kind: 'json', body: { id: 'msg', type: 'message', content: [] } };

let server: Awaited<ReturnType<typeof startVertexServer>> | undefined;
afterEach(async () => {
  vi.unstubAllEnvs();
  await server?.close();
  server = undefined;
});

/** An `AuthClient` stand-in as the official suite mocks it: google-auth-library 9 style headers. */
function mockAuthClient(projectId?: string, headers: Record<string, string> = {}) {
  const getRequestHeaders = vi.fn(async () => ({ Authorization: `Bearer ${TOKEN}`, ...headers }));
  return { client: { getRequestHeaders, projectId } as unknown as AuthClient, getRequestHeaders };
}

describe('Vertex, as the official suite checks it', () => {
  it('requires a region, in the official wording', () => {
    vi.stubEnv('CLOUD_ML_REGION', '');
    expect(() => new AnthropicVertex({ projectId: 'p', accessToken: 't' })).toThrow(
      'No region was given. The client should be instantiated with the `region` option or the `CLOUD_ML_REGION` environment variable should be set.',
    );
  });

  it('derives the base URL from the region, with a global endpoint, unless one is given', () => {
    const opts = { projectId: 'p', accessToken: 't' };
    expect(new AnthropicVertex({ ...opts, region: 'global' }).baseURL).toBe(
      'https://aiplatform.googleapis.com/v1',
    );
    expect(new AnthropicVertex({ ...opts, region: 'us-central1' }).baseURL).toBe(
      'https://us-central1-aiplatform.googleapis.com/v1',
    );
    vi.stubEnv('ANTHROPIC_VERTEX_BASE_URL', 'https://proxy.example/v1');
    vi.stubEnv('CLOUD_ML_REGION', 'europe-west1');
    vi.stubEnv('ANTHROPIC_VERTEX_PROJECT_ID', 'env-project');
    const fromEnv = new AnthropicVertex({ accessToken: 't' });
    expect([fromEnv.baseURL, fromEnv.region, fromEnv.projectId]).toEqual([
      'https://proxy.example/v1',
      'europe-west1',
      'env-project',
    ]);
    expect(new AnthropicVertex({ ...opts, region: 'x', baseURL: 'http://b/v1' }).baseURL).toBe('http://b/v1');
  });

  it('refuses authClient together with googleAuth, in the official wording', () => {
    const { client } = mockAuthClient();
    expect(
      () => new AnthropicVertex({ region: 'r', authClient: client, googleAuth: {} as unknown as GoogleAuth }),
    ).toThrow('You cannot provide both `authClient` and `googleAuth`. Please provide only one of them.');
  });

  it('uses the authClient given, once per request, taking the project from it', async () => {
    server = await startVertexServer({ token: TOKEN, handler: () => reply });
    const { client: authClient, getRequestHeaders } = mockAuthClient('mock-project');
    const client = new AnthropicVertex({ region: 'us-central1', authClient, baseURL: `${server.url}/v1` });
    await client.messages.create({ model: MODEL, max_tokens: 1, messages });
    expect(getRequestHeaders).toHaveBeenCalledTimes(1);
    expect(client.projectId).toBe('mock-project');
    expect(server.requests[0]!.target).toBe(
      `/v1/projects/mock-project/locations/us-central1/publishers/anthropic/models/${MODEL}:rawPredict`,
    );
    expect(server.requests[0]!.headers.authorization).toBe(`Bearer ${TOKEN}`);
  });

  it('prefers the authClient over an accessToken, as the official client does', async () => {
    server = await startVertexServer({ token: TOKEN, handler: () => reply });
    const { client: authClient } = mockAuthClient(undefined, { 'x-goog-user-project': 'quota-project' });
    const client = new AnthropicVertex({
      region: 'us-east5',
      authClient,
      accessToken: 'ignored',
      baseURL: `${server.url}/v1`,
    });
    await client.messages.create({ model: MODEL, max_tokens: 1, messages });
    expect(server.requests[0]!.headers.authorization).toBe(`Bearer ${TOKEN}`);
    expect(server.requests[0]!.route?.project).toBe('quota-project');
  });

  it('rewrites messages, streaming and count_tokens in buildRequest', async () => {
    const client = new AnthropicVertex({ region: 'us-east5', projectId: 'proj', accessToken: 't' });
    const models =
      'https://us-east5-aiplatform.googleapis.com/v1/projects/proj/locations/us-east5/publishers/anthropic/models';
    const body = { model: MODEL, max_tokens: 1, messages };
    const plain = await client.buildRequest({ method: 'post', path: '/v1/messages', body });
    expect(plain.url).toBe(`${models}/${MODEL}:rawPredict`);
    expect(JSON.parse(plain.req.body as string)).toEqual({
      max_tokens: 1,
      messages,
      anthropic_version: 'vertex-2023-10-16',
    });
    const streamed = await client.buildRequest({
      method: 'post',
      path: '/v1/messages',
      body: { ...body, stream: true },
    });
    expect(streamed.url).toBe(`${models}/${MODEL}:streamRawPredict`);
    const counted = await client.buildRequest({
      method: 'post',
      path: '/v1/messages/count_tokens?beta=true',
      body,
    });
    expect(counted.url).toBe(`${models}/count-tokens:rawPredict`);
    expect(JSON.parse(counted.req.body as string).model).toBe(MODEL);
    await expect(client.buildRequest({ method: 'post', path: '/v1/messages' })).rejects.toThrow(
      'Expected request body to be an object for post /v1/messages',
    );
  });

  it('requires a project for messages, in the official wording', async () => {
    vi.stubEnv('ANTHROPIC_VERTEX_PROJECT_ID', '');
    const client = new AnthropicVertex({ region: 'us-east5', accessToken: 't' });
    await expect(
      client.buildRequest({ method: 'post', path: '/v1/messages', body: { model: MODEL } }),
    ).rejects.toThrow(
      'No projectId was given and it could not be resolved from credentials. The client should be instantiated with the `projectId` option or the `ANTHROPIC_VERTEX_PROJECT_ID` environment variable should be set.',
    );
  });
});

import { AuthenticationError } from '@sdkgen/anthropic/core/error';
import type { AuthClient, GoogleAuth } from 'google-auth-library';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { type ClientOptions, VertexBase } from '../src/base-client.js';
import { vertexBaseURL } from '../src/core/request.js';
import { startVertexServer, type VertexReply, type VertexRequest } from './helpers/vertex-server.js';

const TOKEN = 'ya29.test-access-token-0123456789';
const MODEL = 'claude-sonnet-4@20250514';
const params = { model: MODEL, max_tokens: 32, messages: [{ role: 'user', content: 'Hi' }] };
const message = {
  id: 'msg_v1',
  type: 'message',
  role: 'assistant',
  content: [{ type: 'text', text: 'Hello' }],
};
const events = [
  {
    type: 'message_start',
    message: { ...message, content: [], usage: { input_tokens: 3, output_tokens: 1 } },
  },
  { type: 'content_block_start', index: 0, content_block: { type: 'text', text: '' } },
  { type: 'ping' },
  { type: 'content_block_delta', index: 0, delta: { type: 'text_delta', text: 'Hello' } },
  { type: 'content_block_stop', index: 0 },
  {
    type: 'message_delta',
    delta: { stop_reason: 'end_turn', stop_sequence: null },
    usage: { output_tokens: 1 },
  },
  { type: 'message_stop' },
];

let server: Awaited<ReturnType<typeof startVertexServer>> | undefined;
afterEach(async () => {
  vi.unstubAllEnvs();
  await server?.close();
  server = undefined;
});

async function setup(handler: (req: VertexRequest) => VertexReply, opts: Partial<ClientOptions> = {}) {
  server = await startVertexServer({ token: TOKEN, handler });
  const client = new VertexBase({
    baseURL: `${server.url}/v1`,
    region: 'us-east5',
    projectId: 'my-project',
    accessToken: TOKEN,
    maxRetries: 0,
    ...opts,
  });
  return { client, server };
}

describe('Vertex transport', () => {
  it('posts to :rawPredict with the model in the path and the vertex version in the body', async () => {
    const { client, server } = await setup(() => ({ kind: 'json', body: message }));
    expect(await client.post('/v1/messages', { body: params })).toMatchObject(message);
    const seen = server.requests[0]!;
    expect(seen.route).toEqual({
      project: 'my-project',
      region: 'us-east5',
      model: MODEL,
      verb: 'rawPredict',
    });
    expect(seen.json).toEqual({
      max_tokens: 32,
      messages: params.messages,
      anthropic_version: 'vertex-2023-10-16',
    });
  });

  it('streams from :streamRawPredict with the SSE decoder unchanged', async () => {
    const { client, server } = await setup(() => ({ kind: 'sse', events }));
    const stream = await client.post<AsyncIterable<unknown>>('/v1/messages', {
      body: { ...params, stream: true },
      stream: true,
    });
    const got: unknown[] = [];
    for await (const event of stream) got.push(event);
    expect(got).toEqual(events.filter((e) => e.type !== 'ping'));
    expect(server.requests[0]!.route?.verb).toBe('streamRawPredict');
  });

  it('counts tokens at count-tokens:rawPredict keeping the model in the body', async () => {
    const { client, server } = await setup(() => ({ kind: 'json', body: { input_tokens: 7 } }));
    const result = await client.post('/v1/messages/count_tokens?beta=true', { body: params });
    expect(result).toMatchObject({ input_tokens: 7 });
    expect(server.requests[0]!.route).toMatchObject({ model: 'count-tokens', verb: 'rawPredict' });
    expect(server.requests[0]!.json.model).toBe(MODEL);
  });

  it('uses the global location and host for region "global"', async () => {
    expect(vertexBaseURL('global')).toBe('https://aiplatform.googleapis.com/v1');
    expect(vertexBaseURL('europe-west1')).toBe('https://europe-west1-aiplatform.googleapis.com/v1');
    const { client, server } = await setup(() => ({ kind: 'json', body: message }), { region: 'global' });
    await client.post('/v1/messages', { body: params });
    expect(server.requests[0]!.route?.region).toBe('global');
  });

  it('gets its token and project from an auth client when no access token is given', async () => {
    const authClient = {
      projectId: 'project-from-credentials',
      getRequestHeaders: async () => new Headers({ authorization: `Bearer ${TOKEN}` }),
    } as unknown as AuthClient;
    const { client, server } = await setup(() => ({ kind: 'json', body: message }), {
      accessToken: null,
      projectId: null,
      authClient,
    });
    await client.post('/v1/messages', { body: params });
    expect(server.requests[0]!.route?.project).toBe('project-from-credentials');
  });

  it('accepts a GoogleAuth whose client returns a plain header record', async () => {
    const googleAuth = {
      getClient: async () => ({ getRequestHeaders: async () => ({ Authorization: `Bearer ${TOKEN}` }) }),
    } as unknown as GoogleAuth;
    const { client } = await setup(() => ({ kind: 'json', body: message }), {
      accessToken: null,
      googleAuth,
    });
    await expect(client.post('/v1/messages', { body: params })).resolves.toMatchObject(message);
  });

  it('surfaces a rejected token as AuthenticationError without the token in the message', async () => {
    const { client } = await setup(() => ({ kind: 'json', body: message }), {
      accessToken: 'ya29.wrong-token',
    });
    const err = await client.post('/v1/messages', { body: params }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AuthenticationError);
    expect((err as Error).message).not.toContain('ya29.wrong-token');
  });

  it('keeps the access token out of debug logs and error messages', async () => {
    const lines: string[] = [];
    const record = (...args: unknown[]) => lines.push(JSON.stringify(args));
    const logger = { debug: record, info: record, warn: record, error: record };
    const { client } = await setup(
      () => ({ kind: 'json', status: 400, body: { error: { message: `bad ${TOKEN}` } } }),
      {
        logger,
        logLevel: 'debug',
      },
    );
    const err = await client.post('/v1/messages', { body: params }).catch((e: unknown) => e);
    expect(lines.length).toBeGreaterThan(1);
    for (const text of [...lines, (err as Error).message]) expect(text).not.toContain(TOKEN);
  });
});

describe('Vertex configuration errors', () => {
  it('requires a region', () => {
    vi.stubEnv('CLOUD_ML_REGION', '');
    expect(() => new VertexBase({ accessToken: TOKEN })).toThrow(
      'No region was given. The client should be instantiated with the `region` option or the `CLOUD_ML_REGION` environment variable should be set.',
    );
  });

  it('requires a project id before sending when the credentials name none', async () => {
    vi.stubEnv('ANTHROPIC_VERTEX_PROJECT_ID', '');
    const { client, server } = await setup(() => ({ kind: 'json', body: message }), { projectId: null });
    await expect(client.post('/v1/messages', { body: params })).rejects.toThrow(
      /^No projectId was given and it could not be resolved from credentials\. .*`ANTHROPIC_VERTEX_PROJECT_ID`/,
    );
    expect(server.requests).toHaveLength(0);
  });

  it("fails with google-auth-library's own error, before any request, when there are no credentials", async () => {
    vi.stubEnv('GOOGLE_APPLICATION_CREDENTIALS', '/nonexistent/sdkgen-adc.json');
    vi.stubEnv('CLOUDSDK_CONFIG', '/nonexistent/sdkgen-gcloud');
    vi.stubEnv('METADATA_SERVER_DETECTION', 'none');
    const { client, server } = await setup(() => ({ kind: 'json', body: message }), { accessToken: null });
    const err = await client.post('/v1/messages', { body: params }).catch((e: unknown) => e);
    expect((err as Error).message).toMatch(/credential/i);
    expect(server.requests).toHaveLength(0);
  });
});

import { AnthropicError, AuthenticationError } from '@sdkgen/anthropic/core/error';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { type ClientOptions, FoundryBase } from '../src/base-client.js';
import { foundryBaseURL, resolveFoundryAuth } from '../src/core/auth.js';
import { type FoundryAuthCheck, type FoundryRequest, startFoundryServer } from './helpers/foundry-server.js';

const KEY = 'foundry-test-key-0123456789abcdef';
const params = { model: 'claude-sonnet-4-5', max_tokens: 16, messages: [{ role: 'user', content: 'Hi' }] };
const message = {
  id: 'msg_f1',
  type: 'message',
  role: 'assistant',
  content: [{ type: 'text', text: 'Hello' }],
};

let server: Awaited<ReturnType<typeof startFoundryServer>> | undefined;
afterEach(async () => {
  vi.unstubAllEnvs();
  await server?.close();
  server = undefined;
});

async function setup(
  auth: FoundryAuthCheck,
  opts: Partial<ClientOptions>,
  handler?: (r: FoundryRequest) => object,
) {
  server = await startFoundryServer({ auth, handler: handler ?? (() => ({ json: message })) });
  const client = new FoundryBase({ baseURL: `${server.url}/anthropic/`, maxRetries: 0, ...opts });
  return { client, server };
}

describe('Foundry transport', () => {
  it('sends the API key as x-api-key under the /anthropic base path', async () => {
    const { client, server } = await setup({ apiKey: KEY }, { apiKey: KEY });
    expect(await client.post('/v1/messages', { body: params })).toMatchObject(message);
    expect(server.requests[0]!.target).toBe('/anthropic/v1/messages');
    expect(server.requests[0]!.json).toEqual(params);
  });

  it('reads the key from ANTHROPIC_FOUNDRY_API_KEY', async () => {
    vi.stubEnv('ANTHROPIC_FOUNDRY_API_KEY', KEY);
    const { client } = await setup({ apiKey: KEY }, {});
    await expect(client.post('/v1/messages', { body: params })).resolves.toMatchObject(message);
  });

  it('asks the Entra token provider before every request and sends a bearer token', async () => {
    let calls = 0;
    const azureADTokenProvider = async () => `entra-token-${++calls}`;
    const { client, server } = await setup(
      { bearer: (t) => t.startsWith('entra-token-') },
      { azureADTokenProvider },
    );
    await client.post('/v1/messages', { body: params });
    await client.post('/v1/messages', { body: params });
    expect(server.requests.map((r) => r.headers.authorization)).toEqual([
      'Bearer entra-token-1',
      'Bearer entra-token-2',
    ]);
    expect(server.requests[0]!.headers['x-api-key']).toBeUndefined();
  });

  it('streams SSE unchanged', async () => {
    const events = [{ type: 'message_start', message }, { type: 'ping' }, { type: 'message_stop' }];
    const { client } = await setup({ apiKey: KEY }, { apiKey: KEY }, () => ({ sse: events }));
    const stream = await client.post<AsyncIterable<unknown>>('/v1/messages', {
      body: { ...params, stream: true },
      stream: true,
    });
    const got: unknown[] = [];
    for await (const event of stream) got.push(event);
    expect(got).toEqual([events[0], events[2]]);
  });

  it('reports a rejected key as AuthenticationError without echoing it', async () => {
    const { client } = await setup({ apiKey: KEY }, { apiKey: 'wrong-key-abcdef' });
    const err = await client.post('/v1/messages', { body: params }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AuthenticationError);
    expect((err as Error).message).not.toContain('wrong-key-abcdef');
  });

  it('wraps a failing token provider, before any request is sent', async () => {
    const azureADTokenProvider = async () => {
      throw new Error('AADSTS700016: application not found');
    };
    const { client, server } = await setup({ bearer: () => true }, { azureADTokenProvider });
    const err = await client.post('/v1/messages', { body: params }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AnthropicError);
    expect((err as Error).message).toBe(
      'Failed to get token from azureADTokenProvider: AADSTS700016: application not found',
    );
    expect(server.requests).toHaveLength(0);
  });

  it('keeps the key and the Entra token out of debug logs', async () => {
    const lines: string[] = [];
    const record = (...args: unknown[]) => lines.push(JSON.stringify(args));
    const logger = { debug: record, info: record, warn: record, error: record };
    const token = 'entra-secret-token-987654321';
    const { client } = await setup(
      { bearer: (t) => t === token },
      { azureADTokenProvider: async () => token, logger, logLevel: 'debug' },
      () => ({
        status: 400,
        json: { type: 'error', error: { type: 'invalid_request_error', message: token } },
      }),
    );
    const err = await client.post('/v1/messages', { body: params }).catch((e: unknown) => e);
    expect(lines.length).toBeGreaterThan(1);
    for (const text of [...lines, (err as Error).message]) expect(text).not.toContain(token);
  });

  it('keeps working after withOptions()', async () => {
    const { client, server } = await setup({ apiKey: KEY }, { apiKey: KEY });
    await client.withOptions({ timeout: 5_000 }).post('/v1/messages', { body: params });
    expect(server.requests[0]!.headers['x-api-key']).toBe(KEY);
  });
});

describe('Foundry configuration', () => {
  it('builds the resource endpoint', () => {
    expect(foundryBaseURL('my-res')).toBe('https://my-res.services.ai.azure.com/anthropic/');
    expect(resolveFoundryAuth({ resource: 'my-res', apiKey: 'k' }).baseURL).toBe(
      'https://my-res.services.ai.azure.com/anthropic/',
    );
  });

  it.each([
    [{ resource: 'r' }, /^Missing credentials\. .*`ANTHROPIC_FOUNDRY_API_KEY`/],
    [{ resource: 'r', apiKey: 'k', azureADTokenProvider: async () => 't' }, /mutually exclusive/],
    [{ apiKey: 'k' }, /^Must provide one of the `baseURL` or `resource` arguments/],
    [{ apiKey: 'k', resource: 'r', baseURL: 'https://x/anthropic/' }, /mutually exclusive/],
  ])('rejects %o with a clear error', (opts, message) => {
    vi.stubEnv('ANTHROPIC_FOUNDRY_API_KEY', '');
    vi.stubEnv('ANTHROPIC_FOUNDRY_RESOURCE', '');
    vi.stubEnv('ANTHROPIC_FOUNDRY_BASE_URL', '');
    expect(() => new FoundryBase(opts as ClientOptions)).toThrow(message);
  });
});

import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

// What the official suite does: replace the signing module, then check the client calls it.
vi.mock('../src/core/auth.js', () => ({
  getAuthHeaders: vi.fn(async () => ({
    authorization: 'AWS4-HMAC-SHA256 mocked',
    'x-amz-date': '20250101T000000Z',
  })),
}));

const { getAuthHeaders } = await import('../src/core/auth.js');
const { AnthropicBedrock } = await import('../src/index.js');

const ARN = 'arn:aws:bedrock:us-east-2:1234:inference-profile/us.anthropic.claude-3-7-sonnet-20250219-v1:0';
const messages = [{ role: 'user' as const, content: 'Test message' }];
type Seen = { url: string; headers: Record<string, string | string[] | undefined>; body: any };

let seen: Seen[] = [];
let close: (() => Promise<void>) | undefined;
let baseURL = '';

beforeEach(async () => {
  seen = [];
  vi.mocked(getAuthHeaders).mockClear();
  const server = createServer(async (req, res) => {
    let text = '';
    for await (const chunk of req) text += chunk;
    seen.push({ url: req.url ?? '', headers: req.headers, body: text ? JSON.parse(text) : undefined });
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end('{}');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseURL = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  close = () => new Promise<void>((resolve) => server.close(() => resolve()));
});
afterEach(async () => {
  vi.unstubAllGlobals();
  await close?.();
});

describe('Bedrock, as the official suite checks it', () => {
  it('escapes the slash of a model ARN in the invoke path and keeps the colons', async () => {
    const client = new AnthropicBedrock({ awsRegion: 'us-east-1', baseURL });
    await client.messages.create({ model: ARN, max_tokens: 1024, messages });
    expect(seen[0]!.url).toBe(
      '/model/arn:aws:bedrock:us-east-2:1234:inference-profile%2Fus.anthropic.claude-3-7-sonnet-20250219-v1:0/invoke',
    );
  });

  it('builds the streaming path for a plain model id', async () => {
    const client = new AnthropicBedrock({ awsRegion: 'us-east-1', baseURL, maxRetries: 0 });
    const { req, url } = await client.buildRequest({
      method: 'post',
      path: '/v1/messages',
      body: { model: 'anthropic.claude-3-sonnet-20240229-v1:0', max_tokens: 1, messages, stream: true },
    });
    expect(url).toBe(`${baseURL}/model/anthropic.claude-3-sonnet-20240229-v1:0/invoke-with-response-stream`);
    const body = JSON.parse(req.body as string);
    expect(body).toEqual({ max_tokens: 1, messages, anthropic_version: 'bedrock-2023-05-31' });
  });

  it('signs through core/auth getAuthHeaders with the official arguments and applies its headers', async () => {
    const client = new AnthropicBedrock({
      awsRegion: 'eu-west-1',
      baseURL,
      awsAccessKey: 'AK',
      awsSecretKey: 'SK',
    });
    await client.messages.create({ model: 'm', max_tokens: 1, messages });
    expect(getAuthHeaders).toHaveBeenCalledTimes(1);
    const [req, props] = vi.mocked(getAuthHeaders).mock.calls[0]!;
    expect(req.method).toBe('POST');
    expect(props).toEqual({
      url: `${baseURL}/model/m/invoke`,
      regionName: 'eu-west-1',
      awsAccessKey: 'AK',
      awsSecretKey: 'SK',
      awsSessionToken: null,
      fetchOptions: undefined,
      providerChainResolver: null,
    });
    expect(seen[0]!.headers.authorization).toBe('AWS4-HMAC-SHA256 mocked');
    expect(seen[0]!.headers['x-amz-date']).toBe('20250101T000000Z');
  });

  it('never calls getAuthHeaders with skipAuth', async () => {
    const client = new AnthropicBedrock({ awsRegion: 'us-east-1', baseURL, skipAuth: true });
    await client.messages.create({ model: 'm', max_tokens: 1, messages });
    expect(getAuthHeaders).not.toHaveBeenCalled();
    expect(seen[0]!.headers.authorization).toBeUndefined();
  });

  it('copies anthropic-beta into the body as anthropic_beta', async () => {
    const client = new AnthropicBedrock({ awsRegion: 'us-east-1', baseURL });
    await client.beta.messages.create({ model: 'm', max_tokens: 1, messages, betas: ['a-1', 'b-2'] });
    expect(seen[0]!.body.anthropic_beta).toEqual(['a-1', 'b-2']);
  });

  it('works with a global fetch replaced by a stub returning a Response-like object', async () => {
    const calls: unknown[][] = [];
    vi.stubGlobal('fetch', async (...args: unknown[]) => {
      calls.push(args);
      return {
        ok: true,
        status: 200,
        statusText: 'OK',
        headers: new Headers({ 'content-type': 'application/json' }),
        json: async () => ({}),
        text: async () => '{}',
      };
    });
    const client = new AnthropicBedrock({ awsRegion: 'us-east-1', baseURL: 'http://localhost:4010' });
    await client.messages.create({
      model: 'anthropic.claude-3-sonnet-20240229-v1:0',
      max_tokens: 1,
      messages,
    });
    expect(calls[0]![0]).toBe('http://localhost:4010/model/anthropic.claude-3-sonnet-20240229-v1:0/invoke');
  });

  it('refuses a non-object body and a missing model in the official wording', async () => {
    const client = new AnthropicBedrock({ awsRegion: 'us-east-1', baseURL });
    await expect(client.buildRequest({ method: 'post', path: '/v1/messages' })).rejects.toThrow(
      'Expected request body to be an object for post /v1/messages',
    );
    await expect(
      client.buildRequest({ method: 'post', path: '/v1/messages', body: { max_tokens: 1 } }),
    ).rejects.toThrow(
      'Path parameters result in path with invalid segments:\nValue of type Undefined is not a valid path parameter\n/model/undefined/invoke\n       ^^^^^^^^^',
    );
  });

  it('reads the region and base URL from the environment as the official client does', () => {
    vi.stubEnv('AWS_REGION', 'ap-south-1');
    expect(new AnthropicBedrock().baseURL).toBe('https://bedrock-runtime.ap-south-1.amazonaws.com');
    vi.stubEnv('ANTHROPIC_BEDROCK_BASE_URL', 'https://proxy.example/bedrock');
    const client = new AnthropicBedrock();
    expect(client.baseURL).toBe('https://proxy.example/bedrock');
    expect(client.awsRegion).toBe('ap-south-1');
    expect([client.awsAccessKey, client.awsSecretKey, client.awsSessionToken]).toEqual([null, null, null]);
    expect([client.skipAuth, client.providerChainResolver]).toEqual([false, null]);
    vi.unstubAllEnvs();
  });
});

import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { AnthropicFoundry } from '../src/index.js';

let baseURL = '';
let seen: { url: string; headers: Record<string, string | string[] | undefined> }[] = [];
let close: (() => Promise<void>) | undefined;

beforeEach(async () => {
  seen = [];
  for (const name of [
    'ANTHROPIC_FOUNDRY_API_KEY',
    'ANTHROPIC_FOUNDRY_RESOURCE',
    'ANTHROPIC_FOUNDRY_BASE_URL',
  ]) {
    vi.stubEnv(name, '');
  }
  const server = createServer((req, res) => {
    seen.push({ url: req.url ?? '', headers: req.headers });
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end('{"a":1}');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseURL = `http://127.0.0.1:${(server.address() as AddressInfo).port}/anthropic/`;
  close = () => new Promise<void>((resolve) => server.close(() => resolve()));
});
afterEach(async () => {
  vi.unstubAllEnvs();
  await close?.();
});

describe('Foundry, as the official suite checks it', () => {
  it('keeps the token provider as _options.apiKey, with apiKey null, and sends it as a bearer token', async () => {
    const azureADTokenProvider = async () => 'my token';
    const client = new AnthropicFoundry({ baseURL, azureADTokenProvider });
    const options = (client as unknown as { _options: Record<string, unknown> })._options;
    expect(options.apiKey).toBe(azureADTokenProvider);
    expect(options.dangerouslyAllowBrowser).toBe(true);
    expect(client.apiKey).toBeNull();
    const { req } = await client.buildRequest({ method: 'post', path: '/v1/messages' });
    expect(req.headers.get('authorization')).toBe('Bearer my token');
    expect(req.headers.get('x-api-key')).toBeNull();
    await client.post('/v1/messages');
    expect(seen[0]!.headers.authorization).toBe('Bearer my token');
  });

  it('keeps an API key as apiKey and _options.apiKey and sends it as x-api-key', async () => {
    const client = new AnthropicFoundry({ baseURL, apiKey: 'My API Key' });
    expect(client.apiKey).toBe('My API Key');
    expect((client as unknown as { _options: { apiKey: unknown } })._options.apiKey).toBe('My API Key');
    const { req } = await client.buildRequest({ method: 'post', path: '/v1/messages' });
    expect(req.headers.get('x-api-key')).toBe('My API Key');
    expect(req.headers.get('authorization')).toBeNull();
  });

  it('derives the base URL from the resource, and reads the environment', () => {
    expect(new AnthropicFoundry({ resource: 'my-resource', apiKey: 'k' }).baseURL).toBe(
      'https://my-resource.services.ai.azure.com/anthropic/',
    );
    vi.stubEnv('ANTHROPIC_FOUNDRY_API_KEY', 'env-key');
    vi.stubEnv('ANTHROPIC_FOUNDRY_RESOURCE', 'env-resource');
    const fromEnv = new AnthropicFoundry();
    expect([fromEnv.apiKey, fromEnv.baseURL]).toEqual([
      'env-key',
      'https://env-resource.services.ai.azure.com/anthropic/',
    ]);
    vi.stubEnv('ANTHROPIC_FOUNDRY_RESOURCE', '');
    vi.stubEnv('ANTHROPIC_FOUNDRY_BASE_URL', 'https://example.com/from_env/');
    expect(new AnthropicFoundry().baseURL).toBe('https://example.com/from_env/');
  });

  it.each([
    [
      {},
      'Missing credentials. Please pass one of `apiKey` and `azureTokenProvider`, or set the `ANTHROPIC_FOUNDRY_API_KEY` environment variable.',
    ],
    [
      { apiKey: 'k', azureADTokenProvider: async () => 't' },
      'The `apiKey` and `azureADTokenProvider` arguments are mutually exclusive; only one can be passed at a time.',
    ],
    [
      { apiKey: 'k' },
      'Must provide one of the `baseURL` or `resource` arguments, or the `ANTHROPIC_FOUNDRY_RESOURCE` environment variable',
    ],
    [
      { apiKey: 'k', resource: 'r', baseURL: 'https://x/anthropic/' },
      'baseURL and resource are mutually exclusive',
    ],
  ])('rejects %o in the official wording', (opts, message) => {
    expect(() => new AnthropicFoundry(opts)).toThrow(message);
  });

  it('reads ANTHROPIC_FOUNDRY_API_KEY even beside a token provider, as the official client does', () => {
    vi.stubEnv('ANTHROPIC_FOUNDRY_API_KEY', 'env-key');
    expect(() => new AnthropicFoundry({ baseURL, azureADTokenProvider: async () => 't' })).toThrow(
      /mutually exclusive/,
    );
  });

  it('reports token provider failures in the official wording', async () => {
    const failing = new AnthropicFoundry({
      baseURL,
      azureADTokenProvider: async () => {
        throw new Error('boom');
      },
    });
    await expect(failing.buildRequest({ method: 'post', path: '/x' })).rejects.toThrow(
      'Failed to get token from azureADTokenProvider: boom',
    );
    const empty = new AnthropicFoundry({ baseURL, azureADTokenProvider: async () => '' });
    await expect(empty.buildRequest({ method: 'post', path: '/x' })).rejects.toThrow(
      'Expected azureADTokenProvider function argument to return a string but it returned ',
    );
  });

  it('offers the official subpaths', async () => {
    const client = await import('@sdkgen/anthropic-foundry/client');
    expect(Object.keys(client).sort()).toEqual(['AnthropicFoundry', 'BaseAnthropic']);
    expect((await import('@sdkgen/anthropic-foundry/index')).default).toBe(client.AnthropicFoundry);
    for (const name of ['error', 'pagination', 'streaming']) {
      const ours = await import(`@sdkgen/anthropic-foundry/core/${name}`);
      expect(Object.keys(ours).sort()).toEqual(
        Object.keys(await import(`@sdkgen/anthropic/core/${name}`)).sort(),
      );
    }
  });
});

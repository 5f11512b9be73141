import { afterEach, describe, expect, it, vi } from 'vitest';
import { BedrockBase, type ClientOptions } from '../src/base-client.js';
import { startBedrockServer, TEST_CREDENTIALS } from './helpers/bedrock-server.js';

const params = { model: 'anthropic.claude-v2:1', max_tokens: 8, messages: [{ role: 'user', content: 'Hi' }] };
const SESSION_TOKEN = 'FQoGZXIvYXdzEXAMPLESESSIONTOKENvalue';

let server: Awaited<ReturnType<typeof startBedrockServer>> | undefined;
afterEach(async () => {
  vi.unstubAllEnvs();
  await server?.close();
  server = undefined;
});

/** An environment in which every provider of the default Node.js chain comes up empty, fast. */
function emptyCredentialEnvironment() {
  for (const name of ['AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY', 'AWS_SESSION_TOKEN', 'AWS_PROFILE']) {
    vi.stubEnv(name, '');
  }
  vi.stubEnv('AWS_CONFIG_FILE', '/nonexistent/sdkgen-aws-config');
  vi.stubEnv('AWS_SHARED_CREDENTIALS_FILE', '/nonexistent/sdkgen-aws-credentials');
  vi.stubEnv('AWS_WEB_IDENTITY_TOKEN_FILE', '');
  vi.stubEnv('AWS_CONTAINER_CREDENTIALS_RELATIVE_URI', '');
  vi.stubEnv('AWS_CONTAINER_CREDENTIALS_FULL_URI', '');
  vi.stubEnv('AWS_EC2_METADATA_DISABLED', 'true');
}

function client(opts: Partial<ClientOptions>) {
  return new BedrockBase({
    baseURL: server!.url,
    awsRegion: 'us-east-1',
    maxRetries: 0,
    ...opts,
  } as ClientOptions);
}

describe('Bedrock credentials', () => {
  it('falls back to the default AWS chain (lazily imported) and signs with what it finds', async () => {
    server = await startBedrockServer({ handler: () => ({ kind: 'json', body: { ok: true } }) });
    emptyCredentialEnvironment();
    vi.stubEnv('AWS_ACCESS_KEY_ID', TEST_CREDENTIALS.accessKeyId);
    vi.stubEnv('AWS_SECRET_ACCESS_KEY', TEST_CREDENTIALS.secretAccessKey);
    await client({}).post('/v1/messages', { body: params });
    expect(server.requests[0]!.verdict).toEqual({ ok: true });
  });

  it('uses a custom providerChainResolver instead of the Node.js chain', async () => {
    server = await startBedrockServer({ handler: () => ({ kind: 'json', body: { ok: true } }) });
    let resolverCalls = 0;
    const providerChainResolver = async () => {
      resolverCalls++;
      return async () => ({ ...TEST_CREDENTIALS });
    };
    const c = client({ providerChainResolver });
    await c.post('/v1/messages', { body: params });
    await c.post('/v1/messages', { body: params });
    expect(server.requests.map((r) => r.verdict.ok)).toEqual([true, true]);
    expect(resolverCalls).toBe(1);
  });

  it('sends requests unsigned with skipAuth, without looking up credentials', async () => {
    server = await startBedrockServer({ handler: () => ({ kind: 'json', body: { ok: true } }) });
    let resolverCalls = 0;
    const providerChainResolver = async () => {
      resolverCalls++;
      return async () => TEST_CREDENTIALS;
    };
    const err = await client({ skipAuth: true, providerChainResolver })
      .post('/v1/messages', { body: params })
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(Error);
    expect(server.requests[0]!.headers.authorization).toBeUndefined();
    expect(server.requests[0]!.target).toBe('/model/anthropic.claude-v2:1/invoke');
    expect(resolverCalls).toBe(0);
  });

  it("fails with the chain's own error, before sending anything, when no credentials exist", async () => {
    server = await startBedrockServer({ handler: () => ({ kind: 'json', body: {} }) });
    emptyCredentialEnvironment();
    const err = await client({})
      .post('/v1/messages', { body: params })
      .catch((e: unknown) => e);
    expect((err as Error).message).toMatch(/Could not load credentials from any providers/);
    expect(server.requests).toHaveLength(0);
  });

  it('fails before sending anything when the region is empty, in the official wording', async () => {
    server = await startBedrockServer({ handler: () => ({ kind: 'json', body: {} }) });
    const c = client({ awsRegion: '', awsAccessKey: 'AK', awsSecretKey: 'SK' });
    await expect(c.post('/v1/messages', { body: params })).rejects.toThrow(
      'Expected `awsRegion` option to be passed to the client or the `AWS_REGION` environment variable to be present',
    );
    expect(server.requests).toHaveLength(0);
  });

  it('pairs a single static key with its counterpart from the environment', async () => {
    server = await startBedrockServer({ handler: () => ({ kind: 'json', body: { ok: true } }) });
    emptyCredentialEnvironment();
    vi.stubEnv('AWS_SECRET_ACCESS_KEY', TEST_CREDENTIALS.secretAccessKey);
    await client({ awsAccessKey: TEST_CREDENTIALS.accessKeyId }).post('/v1/messages', { body: params });
    expect(server.requests[0]!.verdict).toEqual({ ok: true });
  });

  it('sends paths other than messages and completions as they are, signed', async () => {
    server = await startBedrockServer({ handler: () => ({ kind: 'json', body: { data: [] } }) });
    const c = client({
      awsAccessKey: TEST_CREDENTIALS.accessKeyId,
      awsSecretKey: TEST_CREDENTIALS.secretAccessKey,
    });
    await c.get('/v1/models');
    expect(server.requests[0]!.target).toBe('/v1/models');
    expect(server.requests[0]!.verdict).toEqual({ ok: true });
  });

  it('never writes a secret to the log, even at debug level', async () => {
    const credentials = { ...TEST_CREDENTIALS, sessionToken: SESSION_TOKEN };
    server = await startBedrockServer({
      credentials,
      handler: () => ({ kind: 'json', status: 400, body: { message: `bad token ${SESSION_TOKEN}` } }),
    });
    const lines: string[] = [];
    const record = (...args: unknown[]) => lines.push(JSON.stringify(args));
    const logger = { debug: record, info: record, warn: record, error: record };
    const c = client({
      awsAccessKey: credentials.accessKeyId,
      awsSecretKey: credentials.secretAccessKey,
      awsSessionToken: SESSION_TOKEN,
      logger,
      logLevel: 'debug',
    });
    const err = await c.post('/v1/messages', { body: params }).catch((e: unknown) => e);
    expect(lines.length).toBeGreaterThan(1);
    for (const text of [...lines, (err as Error).message]) {
      expect(text).not.toContain(credentials.secretAccessKey);
      expect(text).not.toContain(SESSION_TOKEN);
    }
  });
});

import { createHash } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { signRequest } from '../src/core/auth.js';
import { resolveCredentials } from '../src/core/credentials.js';
import { type BedrockReply, startBedrockServer, TEST_CREDENTIALS } from './helpers/bedrock-server.js';

const ok: BedrockReply = { kind: 'json', body: { ok: true } };
let server: Awaited<ReturnType<typeof startBedrockServer>> | undefined;

afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function signedFetch(
  url: string,
  body: string,
  opts: { credentials?: typeof TEST_CREDENTIALS; signingDate?: Date; sendBody?: string } = {},
) {
  const headers = new Headers({ 'content-type': 'application/json', 'anthropic-version': '2023-06-01' });
  const signed = await signRequest(
    { method: 'POST', url, headers, body },
    {
      region: 'us-east-1',
      credentials: opts.credentials ?? TEST_CREDENTIALS,
      ...(opts.signingDate ? { signingDate: opts.signingDate } : {}),
    },
  );
  for (const [name, value] of Object.entries(signed)) headers.set(name, value);
  return fetch(url, { method: 'POST', headers, body: opts.sendBody ?? body });
}

describe('SigV4 signing against a verifying server', () => {
  it('is accepted when the body is sent as signed', async () => {
    server = await startBedrockServer({ handler: () => ok });
    const res = await signedFetch(`${server.url}/model/anthropic.claude-v2:0/invoke`, '{"max_tokens":1}');
    expect(res.status).toBe(200);
    expect(server.requests[0]!.verdict).toEqual({ ok: true });
    expect(server.requests[0]!.headers.authorization).toMatch(
      /^AWS4-HMAC-SHA256 Credential=AKIDTESTPLATFORM01\//,
    );
  });

  it('covers query parameters and escaped path segments', async () => {
    server = await startBedrockServer({ handler: () => ok });
    const target = `${server.url}/model/arn%3Aaws%3Abedrock%2Fprofile%2Fx/invoke?a=1&b=two%20words`;
    const res = await signedFetch(target, '{}');
    expect(res.status).toBe(200);
  });

  it('rejects a body changed after signing', async () => {
    server = await startBedrockServer({ handler: () => ok });
    const res = await signedFetch(`${server.url}/model/m/invoke`, '{"max_tokens":1}', {
      sendBody: '{"max_tokens":9}',
    });
    expect(res.status).toBe(403);
    expect(server.requests[0]!.verdict).toMatchObject({ ok: false, reason: 'body hash mismatch' });
  });

  it('rejects a changed body even when its hash header is updated to match', async () => {
    server = await startBedrockServer({ handler: () => ok });
    const url = `${server.url}/model/m/invoke`;
    const headers = new Headers({ 'content-type': 'application/json' });
    const signed = await signRequest(
      { method: 'POST', url, headers, body: '{"a":1}' },
      { region: 'us-east-1', credentials: TEST_CREDENTIALS },
    );
    for (const [name, value] of Object.entries(signed)) headers.set(name, value);
    const forged = '{"a":2}';
    headers.set('x-amz-content-sha256', createHash('sha256').update(forged).digest('hex'));
    const res = await fetch(url, { method: 'POST', headers, body: forged });
    expect(res.status).toBe(403);
    expect(server.requests[0]!.verdict).toMatchObject({ reason: 'signature mismatch' });
  });

  it('rejects a signature made with the wrong secret', async () => {
    server = await startBedrockServer({ handler: () => ok });
    const res = await signedFetch(`${server.url}/model/m/invoke`, '{}', {
      credentials: { ...TEST_CREDENTIALS, secretAccessKey: 'not-the-secret' },
    });
    expect(res.status).toBe(403);
    expect(server.requests[0]!.verdict).toMatchObject({ reason: 'signature mismatch' });
  });

  it('rejects an expired timestamp', async () => {
    server = await startBedrockServer({ handler: () => ok });
    const res = await signedFetch(`${server.url}/model/m/invoke`, '{}', {
      signingDate: new Date(Date.now() - 20 * 60_000),
    });
    expect(res.status).toBe(403);
    expect(server.requests[0]!.verdict).toMatchObject({ reason: 'Signature expired' });
  });

  it('signs the session token of temporary credentials', async () => {
    const credentials = { ...TEST_CREDENTIALS, sessionToken: 'session-token-xyz' };
    server = await startBedrockServer({ handler: () => ok, credentials });
    const res = await signedFetch(`${server.url}/model/m/invoke`, '{}', { credentials });
    expect(res.status).toBe(200);
    expect(server.requests[0]!.headers['x-amz-security-token']).toBe('session-token-xyz');
  });
});

describe('resolveCredentials', () => {
  it('uses static keys without consulting the chain', async () => {
    let chainCalls = 0;
    const credentials = await resolveCredentials({
      awsAccessKey: 'AK',
      awsSecretKey: 'SK',
      awsSessionToken: null,
      providerChainResolver: async () => {
        chainCalls++;
        return async () => TEST_CREDENTIALS;
      },
    });
    expect(credentials).toEqual({ accessKeyId: 'AK', secretAccessKey: 'SK' });
    expect(chainCalls).toBe(0);
  });

  it('builds the provider chain once for concurrent first requests', async () => {
    let chainCalls = 0;
    const source = {
      awsAccessKey: null,
      awsSecretKey: null,
      awsSessionToken: null,
      providerChainResolver: async () => {
        chainCalls++;
        return async () => TEST_CREDENTIALS;
      },
    };
    const all = await Promise.all([1, 2, 3].map(() => resolveCredentials(source)));
    expect(all.map((c) => c.accessKeyId)).toEqual(Array(3).fill(TEST_CREDENTIALS.accessKeyId));
    expect(chainCalls).toBe(1);
  });

  it("passes the chain's own error through unchanged, as the official client does", async () => {
    const cause = new Error('Could not load credentials from any providers');
    const err = await resolveCredentials({
      awsAccessKey: null,
      awsSecretKey: null,
      awsSessionToken: null,
      providerChainResolver: async () => async () => {
        throw cause;
      },
    }).catch((e: Error) => e);
    expect(err).toBe(cause);
  });
});

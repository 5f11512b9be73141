/**
 * The runtime's own behaviour is tested once, on its source (runtime/test). These tests check what instantiating
 * it for Anthropic must add: the facts of spec/sdk.config.yaml reach the wire, and the 0.74.0 names exist.
 */
import Anthropic, { AnthropicError, BaseAnthropic } from '@sdkgen/anthropic';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { type FaultServer, json, sse, startServer } from './client.js';

let server: FaultServer | undefined;
afterEach(async () => {
  vi.unstubAllEnvs();
  await server?.close();
  server = undefined;
});

describe('the runtime instantiated for Anthropic', () => {
  it('reads ANTHROPIC_API_KEY and ANTHROPIC_BASE_URL and sends x-api-key and anthropic-version', async () => {
    server = await startServer([json({ data: [], has_more: false, first_id: null, last_id: null })]);
    vi.stubEnv('ANTHROPIC_API_KEY', 'sk-env');
    vi.stubEnv('ANTHROPIC_AUTH_TOKEN', '');
    vi.stubEnv('ANTHROPIC_BASE_URL', server.url);
    const client = new Anthropic({ logLevel: 'off' });
    await client.models.list();
    const h = server.requests[0]!.headers;
    expect(h['x-api-key']).toBe('sk-env');
    expect(h['anthropic-version']).toBe('2023-06-01');
    expect(h.authorization).toBeUndefined();
  });

  it('sends authToken as a Bearer token and marks browser access only when allowed', async () => {
    server = await startServer([json({}), json({})]);
    const base = { apiKey: null, authToken: 'tok', baseURL: server.url, logLevel: 'off' as const };
    await new Anthropic(base).get('/v1/x');
    await new Anthropic({ ...base, dangerouslyAllowBrowser: true }).get('/v1/x');
    const [plain, browser] = server.requests.map((r) => r.headers);
    expect(plain!.authorization).toBe('Bearer tok');
    expect(plain!['anthropic-dangerous-direct-browser-access']).toBeUndefined();
    expect(browser!['anthropic-dangerous-direct-browser-access']).toBe('true');
  });

  it('names both credentials and their env vars when none is set', async () => {
    vi.stubEnv('ANTHROPIC_API_KEY', '');
    vi.stubEnv('ANTHROPIC_AUTH_TOKEN', '');
    const client = new Anthropic({ baseURL: 'http://127.0.0.1:9', logLevel: 'off', maxRetries: 0 });
    await expect(client.get('/v1/x')).rejects.toThrow(
      /set `apiKey` or `authToken` \(or ANTHROPIC_API_KEY \/ ANTHROPIC_AUTH_TOKEN\).*"X-Api-Key" and "Authorization"/,
    );
  });

  it('takes the request id from request-id and skips ping events', async () => {
    server = await startServer([
      json(
        { type: 'error', error: { type: 'not_found_error', message: 'no' } },
        {
          status: 404,
          headers: { 'request-id': 'req_123' },
        },
      ),
      sse([
        { event: 'ping', data: { type: 'ping' } },
        { event: 'message_stop', data: { type: 'message_stop' } },
      ]),
    ]);
    const client = new Anthropic({ apiKey: 'k', baseURL: server.url, logLevel: 'off', maxRetries: 0 });
    const err = await client.models.retrieve('m').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AnthropicError);
    expect((err as { requestID?: string }).requestID).toBe('req_123');
    const events: unknown[] = [];
    const stream = await client.messages.create({
      model: 'claude-sonnet-4-5',
      max_tokens: 10,
      messages: [{ role: 'user', content: 'hi' }],
      stream: true,
    });
    for await (const e of stream) events.push(e);
    expect(events).toEqual([{ type: 'message_stop' }]);
  });

  it('keeps the 0.74.0 statics and the non-streaming limit of the config', () => {
    expect(Anthropic.Anthropic).toBeDefined();
    expect(BaseAnthropic.HUMAN_PROMPT).toBe('\\n\\nHuman:');
    expect(Anthropic.AnthropicError).toBe(AnthropicError);
    expect(Anthropic.DEFAULT_TIMEOUT).toBe(600_000);
    const client = new Anthropic({ apiKey: 'k', logLevel: 'off' });
    expect(() => client.calculateNonstreamingTimeout(100_000)).toThrow(/Streaming is required/);
  });
});

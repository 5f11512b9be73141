import { createHmac } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { BaseClient } from '../src/core/base-client.js';
import { APIError } from '../src/core/error.js';
import { type ServerSentEvent, Stream } from '../src/core/streaming.js';
import { type FaultServer, json, retryable, startServer } from './client.js';

let server: FaultServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const SECRET = 'signing-secret';
const sign = (method: string, url: string, body: string, retry: string) =>
  createHmac('sha256', SECRET).update(`${method}\n${url}\n${body}\n${retry}`).digest('hex');

type Options = Parameters<BaseClient['buildRequest']>[0];
type StreamProps = Parameters<BaseClient['makeStream']>[0];

/** A platform-style client: model in the path, request signing instead of an API key, NDJSON streams. */
class SigningClient extends BaseClient {
  protected override async prepareOptions(options: Options): Promise<void> {
    const body = options.body as { model?: string } | undefined;
    if (options.path === '/v1/messages' && body?.model) {
      const { model, ...rest } = body as { model: string; stream?: boolean };
      options.path = `/model/${encodeURIComponent(model)}/${rest.stream ? 'invoke-stream' : 'invoke'}`;
      options.body = rest;
    }
  }

  override async buildRequest(options: Options, ctx: { retryCount?: number } = {}) {
    const built = await super.buildRequest(options, ctx);
    return { ...built, url: `${built.url}${built.url.includes('?') ? '&' : '?'}region=test-1` };
  }

  protected override async authHeaders(): Promise<undefined> {
    return undefined;
  }

  protected override validateHeaders(): void {}

  protected override async prepareRequest(
    req: RequestInit,
    { url }: { url: string; options: Options },
  ): Promise<void> {
    await new Promise((r) => setTimeout(r, 1)); // signing is async (e.g. credential lookup)
    const headers = req.headers as Headers;
    const path = new URL(url).pathname + new URL(url).search;
    headers.set(
      'x-signature',
      sign(req.method!, path, String(req.body ?? ''), headers.get('x-stainless-retry-count')!),
    );
  }

  protected override makeStream<T>(props: StreamProps): Stream<T> {
    async function* frames(): AsyncGenerator<ServerSentEvent> {
      const text = await props.response.text();
      for (const line of text.split('\n').filter(Boolean)) {
        const { event, payload } = JSON.parse(line);
        yield { event, data: JSON.stringify(payload), raw: [line] };
      }
    }
    return Stream.fromServerSentEvents<T>(frames(), props.controller, this, props.response.headers);
  }
}

const client = (s: FaultServer) =>
  new SigningClient({ apiKey: null, authToken: null, baseURL: s.url, logLevel: 'off' });

describe('hooks for platform clients', () => {
  it('rewrites path and body (prepareOptions) and URL (buildRequest), and signs each attempt (prepareRequest)', async () => {
    server = await startServer([retryable(503, { retryAfterMs: '0' }), json({ id: 'msg_1' })]);
    const result = await client(server).post('/v1/messages', { body: { model: 'claude/x', max_tokens: 5 } });
    expect(result).toEqual({ id: 'msg_1' });
    expect(server.requests).toHaveLength(2);
    for (const req of server.requests) {
      expect(req.url).toBe('/model/claude%2Fx/invoke?region=test-1');
      expect(req.json()).toEqual({ max_tokens: 5 });
      expect(req.headers['x-api-key']).toBeUndefined();
      const retry = req.headers['x-stainless-retry-count'] as string;
      expect(req.headers['x-signature']).toBe(sign('POST', req.url, req.text(), retry));
    }
    // Signed over the final headers: the retry count differs, so the signatures do too.
    expect(server.requests[0]!.headers['x-signature']).not.toBe(server.requests[1]!.headers['x-signature']);
  });

  it('replaces stream decoding (makeStream) while keeping the event rules', async () => {
    const lines = [
      { event: 'message_start', payload: { type: 'message_start' } },
      { event: 'ping', payload: {} },
      { event: 'error', payload: { type: 'error', error: { type: 'overloaded_error', message: 'busy' } } },
    ];
    server = await startServer([
      {
        headers: { 'content-type': 'application/x-ndjson', 'request-id': 'req_s' },
        body: lines.map((l) => JSON.stringify(l)).join('\n'),
      },
    ]);
    const stream = await client(server).post<Stream<unknown>>('/v1/messages', {
      body: { model: 'm', stream: true },
      stream: true,
    });
    expect(server.requests[0]!.url).toBe('/model/m/invoke-stream?region=test-1');
    const seen: unknown[] = [];
    const err: any = await (async () => {
      for await (const e of stream) seen.push(e);
    })().catch((e: unknown) => e);
    expect(seen).toEqual([{ type: 'message_start' }]);
    expect(err).toBeInstanceOf(APIError);
    expect(err.requestID).toBe('req_s');
  });
});

import { describe, expect, it } from 'vitest';
import { clientFor, json, retryable, startServer } from './client.js';

describe('smoke', () => {
  it('gets JSON and retries a 529', async () => {
    const server = await startServer([
      retryable(529, { retryAfterMs: '1' }),
      json({ ok: true }, { headers: { 'request-id': 'req_1' } }),
    ]);
    try {
      const client = clientFor(server);
      const res = await client.get<{ ok: boolean }>('/v1/x');
      expect(res).toEqual({ ok: true });
      expect((res as any)._request_id).toBe('req_1');
      expect(server.requests.length).toBe(2);
      expect(server.requests[1]!.headers['x-stainless-retry-count']).toBe('1');
    } finally {
      await server.close();
    }
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningServer, startServer } from '../src/harness/server.js';
import { leanBatchResults, leanEvents, leanPost } from '../src/lean/client.js';
import { BATCH_ID } from '../src/payloads/jsonl.js';

describe('loopback server process', () => {
  let srv: RunningServer;
  beforeAll(async () => {
    srv = await startServer({
      chunkSize: 1000,
      routes: {
        text: { kind: 'sse-text', params: { textBytes: 1600 } },
        batch: { kind: 'batch-results', params: { lines: 20, lineBytes: 500 } },
      },
    });
  }, 30_000);
  afterAll(() => srv.close());

  it('listens on 127.0.0.1 and reports what each path serves', () => {
    expect(srv.origin).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(srv.sizes['/text/v1/messages']!.units).toBe(105);
    expect(srv.sizes['/batch/results.jsonl']).toEqual({ bytes: 20 * 501, units: 20 });
  });

  it('serves the SSE payload whole, across many writes', async () => {
    let n = 0;
    for await (const _ of leanEvents(await leanPost(`${srv.origin}/text`, {}))) n++;
    expect(n).toBe(105);
  });

  it('points the batch at its own results URL', async () => {
    let n = 0;
    for await (const line of await leanBatchResults(`${srv.origin}/batch`, BATCH_ID)) {
      expect(line.result.type).toBe('succeeded');
      n++;
    }
    expect(n).toBe(20);
  });

  it('answers unknown paths with a 404 error body', async () => {
    const res = await fetch(`${srv.origin}/nope`);
    expect(res.status).toBe(404);
    expect((await res.json()).type).toBe('error');
  });
});

import { describe, expect, it } from 'vitest';
import { BATCH_ID, batchResults } from '../src/payloads/jsonl.js';
import { textStream } from '../src/payloads/sse.js';

describe('batch results payload', () => {
  const routes = batchResults({ lines: 50, lineBytes: 870 }, 'http://127.0.0.1:1/p');
  const jsonl = routes['/results.jsonl']!.body.toString();

  it('serves the batch with a results_url pointing back at the route', () => {
    const batch = JSON.parse(routes[`/v1/messages/batches/${BATCH_ID}`]!.body.toString());
    expect(batch.results_url).toBe('http://127.0.0.1:1/p/results.jsonl');
    expect(batch.processing_status).toBe('ended');
  });

  it('has lines of exactly the asked size that parse as succeeded results', () => {
    const lines = jsonl.split('\n').filter(Boolean);
    expect(lines).toHaveLength(50);
    expect(new Set(lines.map((l) => l.length))).toEqual(new Set([870]));
    expect(JSON.parse(lines[7]!)).toMatchObject({ custom_id: 'req-0000007', result: { type: 'succeeded' } });
  });
});

describe('text stream payload', () => {
  it('stops near the asked wire size', () => {
    const { body } = textStream({ wireBytes: 100_000 });
    expect(body.length).toBeGreaterThanOrEqual(100_000);
    expect(body.length).toBeLessThan(101_000);
  });
});

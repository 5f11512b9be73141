import { describe, expect, it } from 'vitest';
import { leanEvents } from '../src/lean/client.js';
import { LineSplitter } from '../src/lean/lines.js';
import { bigEvent, textStream, toolInput, toolStream } from '../src/payloads/sse.js';

const enc = new TextEncoder();

function responseOf(body: Buffer, chunk: number): Response {
  let off = 0;
  const stream = new ReadableStream<Uint8Array>({
    pull(ctrl) {
      if (off >= body.length) return ctrl.close();
      ctrl.enqueue(new Uint8Array(body.subarray(off, (off += chunk))));
    },
  });
  return new Response(stream);
}

async function collect(res: Response): Promise<any[]> {
  const out: any[] = [];
  for await (const ev of leanEvents(res)) out.push(ev);
  return out;
}

describe('LineSplitter', () => {
  it('joins lines across chunks and splits several per chunk', () => {
    const s = new LineSplitter();
    expect(s.push(enc.encode('ab'))).toEqual([]);
    expect(s.push(enc.encode('c\nd\r\n\ne'))).toEqual(['abc', 'd', '']);
    expect(s.flush()).toEqual(['e']);
  });

  it('keeps multi-byte characters split between chunks intact', () => {
    const bytes = enc.encode('héllo→wörld\n');
    const s = new LineSplitter();
    const lines = [...bytes].flatMap((b) => s.push(new Uint8Array([b])));
    expect(lines).toEqual(['héllo→wörld']);
  });
});

describe('payloads through the lean reader', () => {
  it.each([1, 7, 4096])('a text stream decodes to its deltas (chunk %d)', async (chunk) => {
    const p = textStream({ textBytes: 320 });
    const events = await collect(responseOf(p.body, chunk));
    expect(events).toHaveLength(p.units!);
    const text = events
      .filter((e) => e.type === 'content_block_delta')
      .map((e) => e.delta.text)
      .join('');
    expect(text).toHaveLength(320);
    expect(events.at(-1).type).toBe('message_stop');
  });

  it('one big event arrives whole', async () => {
    const events = await collect(responseOf(bigEvent({ eventBytes: 100_000 }).body, 1000));
    expect(events.find((e) => e.type === 'content_block_delta').delta.text).toHaveLength(100_000);
  });

  it('tool input pieces are 16 chars and reassemble into the input', async () => {
    const events = await collect(responseOf(toolStream({ inputBytes: 5000 }).body, 333));
    const pieces = events
      .filter((e) => e.type === 'content_block_delta')
      .map((e) => e.delta.partial_json as string);
    expect(pieces.slice(0, -1).every((p) => p.length === 16)).toBe(true);
    expect(JSON.parse(pieces.join(''))).toEqual(toolInput(5000));
    expect(JSON.stringify(toolInput(5000)).length).toBeGreaterThanOrEqual(5000);
  });
});

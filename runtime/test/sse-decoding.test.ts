import { describe, expect, it } from 'vitest';
import { _iterSSEMessages } from '../src/core/streaming.js';
import { expectLinear } from './client.js';

type Ev = { event: string | null; data: string };

function bodyOf(chunks: Array<string | Uint8Array>): Response {
  const enc = new TextEncoder();
  let i = 0;
  // Pull one chunk at a time: pre-enqueueing thousands of chunks makes Node's stream queue itself
  // quadratic, which would hide what the decoder does.
  const stream = new ReadableStream<Uint8Array>({
    pull(c) {
      if (i === chunks.length) return c.close();
      const chunk = chunks[i++]!;
      c.enqueue(typeof chunk === 'string' ? enc.encode(chunk) : chunk);
    },
  });
  return new Response(stream);
}

async function decode(chunks: Array<string | Uint8Array>): Promise<Ev[]> {
  const out: Ev[] = [];
  for await (const sse of _iterSSEMessages(bodyOf(chunks), new AbortController())) {
    out.push({ event: sse.event, data: sse.data });
  }
  return out;
}

const chunkText = (s: string, size: number) =>
  Array.from({ length: Math.ceil(s.length / size) }, (_, i) => s.slice(i * size, (i + 1) * size));
const bytes = (s: string) => new TextEncoder().encode(s);
const everyByte = (s: string) => Array.from(bytes(s), (b) => new Uint8Array([b]));

const SAMPLE =
  ': comment\n' +
  'event: content_block_delta\ndata: {"text":"héllo 👋 世界"}\n\n' +
  'event: multi\ndata: line one\ndata: line two\ndata:\n\n' +
  'id: 7\nevent: x\nretry: 10\nunknown: field\ndata:no-space\ndata:  two-spaces\n\n';
const SAMPLE_EVENTS: Ev[] = [
  { event: 'content_block_delta', data: '{"text":"héllo 👋 世界"}' },
  { event: 'multi', data: 'line one\nline two\n' },
  { event: 'x', data: 'no-space\n two-spaces' },
];

describe('SSE decoding (HTML spec rules)', () => {
  it('decodes a stream in one chunk', async () => {
    expect(await decode([SAMPLE])).toEqual(SAMPLE_EVENTS);
  });

  it.each([
    ['LF', '\n'],
    ['CRLF', '\r\n'],
    ['CR', '\r'],
  ])('accepts %s line endings', async (_name, eol) => {
    expect(await decode([SAMPLE.replaceAll('\n', eol)])).toEqual(SAMPLE_EVENTS);
  });

  it('accepts mixed line endings', async () => {
    const mixed = 'event: a\rdata: 1\r\n\ndata: 2\n\r';
    expect(await decode([mixed])).toEqual([
      { event: 'a', data: '1' },
      { event: null, data: '2' },
    ]);
  });

  it.each([
    ['LF', '\n'],
    ['CRLF', '\r\n'],
    ['CR', '\r'],
  ])('decodes byte by byte with %s endings, including multi-byte characters', async (_name, eol) => {
    expect(await decode(everyByte(SAMPLE.replaceAll('\n', eol)))).toEqual(SAMPLE_EVENTS);
  });

  it('handles a chunk boundary at every position inside a 4-byte character', async () => {
    const text = 'data: a😀b\n\n';
    const all = bytes(text);
    for (let cut = 1; cut < all.length; cut++) {
      expect(await decode([all.slice(0, cut), all.slice(cut)])).toEqual([{ event: null, data: 'a😀b' }]);
    }
  });

  it('treats CR at the end of one chunk and LF at the start of the next as one line break', async () => {
    expect(await decode(['data: a\r', '\ndata: b\r', '\n\r', '\n'])).toEqual([{ event: null, data: 'a\nb' }]);
  });

  it('drops a leading byte-order mark', async () => {
    expect(
      await decode([new Uint8Array([0xef, 0xbb]), new Uint8Array([0xbf]), 'event: e\ndata: 1\n\n']),
    ).toEqual([{ event: 'e', data: '1' }]);
  });

  it('a field name without a colon has an empty value', async () => {
    expect(await decode(['data\ndata\n\n'])).toEqual([{ event: null, data: '\n' }]);
  });

  it('dispatches a named event without data (as 0.74.0 does), not a bare comment, and discards an unterminated final event', async () => {
    expect(await decode(['event: only-type\n\n: just a comment\n\ndata: 1\n\ndata: tail'])).toEqual([
      { event: 'only-type', data: '' },
      { event: null, data: '1' },
    ]);
  });

  it('decodes identically for random chunkings', async () => {
    const all = bytes(SAMPLE.repeat(5).replaceAll('\n', '\r\n'));
    let seed = 42;
    const rand = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    for (let round = 0; round < 30; round++) {
      const chunks: Uint8Array[] = [];
      for (let i = 0; i < all.length; ) {
        const n = 1 + Math.floor(rand() * 12);
        chunks.push(all.slice(i, i + n));
        i += n;
      }
      expect(await decode(chunks)).toEqual([...Array(5)].flatMap(() => SAMPLE_EVENTS));
    }
  });

  it('is linear in line length: a long line split into many chunks is not re-scanned per chunk', async () => {
    // Tiny chunks make any per-chunk re-scan or re-copy of the pending line blow up.
    await expectLinear(async (size) => {
      const [ev] = await decode(chunkText(`data: ${'x'.repeat(size)}\n\n`, 16));
      expect(ev!.data.length).toBe(size);
    }, 64 << 10);
  });

  it('is linear in the number of events', async () => {
    await expectLinear(async (n) => {
      const chunks = chunkText('event: e\ndata: {"a":1}\n\n'.repeat(n), 4096);
      expect(await decode(chunks)).toHaveLength(n);
    }, 20_000);
  });
});

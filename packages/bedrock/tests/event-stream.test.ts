import { describe, expect, it } from 'vitest';
import { decodeEventStream, readBedrockStream } from '../src/core/event-stream.js';
import {
  chunkFrame,
  exceptionFrame,
  helloEvents,
  joinFrames,
  splitAwkwardly,
} from './helpers/event-stream-frames.js';

async function* fromPieces(pieces: Uint8Array[]): AsyncGenerator<Uint8Array> {
  for (const piece of pieces) yield piece;
}

async function collect<T>(iter: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of iter) out.push(item);
  return out;
}

const events = helloEvents();
const bytes = joinFrames(events.map((e) => chunkFrame(e)));

describe('AWS event-stream decoding', () => {
  it.each([
    ['one piece', [bytes.length]],
    ['single bytes', [1]],
    ['awkward sizes', undefined],
    ['pieces spanning several frames', [bytes.length - 3, 3]],
  ])('yields every chunk unchanged when split as %s', async (_name, sizes) => {
    const items = await collect(readBedrockStream(fromPieces(splitAwkwardly(bytes, sizes))));
    expect(items.map((item) => (item.kind === 'chunk' ? JSON.parse(item.data) : item))).toEqual(events);
  });

  it('decodes non-ASCII text split inside a multi-byte character', async () => {
    const event = {
      type: 'content_block_delta',
      index: 0,
      delta: { type: 'text_delta', text: 'héllo 👋 世界' },
    };
    const items = await collect(readBedrockStream(fromPieces(splitAwkwardly(chunkFrame(event), [2]))));
    expect(items).toEqual([{ kind: 'chunk', data: JSON.stringify(event) }]);
  });

  it('reports exception frames with their type and message', async () => {
    const framed = joinFrames([
      chunkFrame(events[0]),
      exceptionFrame('throttlingException', 'Too many tokens'),
    ]);
    const items = await collect(readBedrockStream(fromPieces(splitAwkwardly(framed))));
    expect(items[1]).toEqual({ kind: 'exception', type: 'throttlingException', message: 'Too many tokens' });
  });

  it('rejects a frame whose CRC does not match', async () => {
    const corrupt = new Uint8Array(chunkFrame(events[0]));
    corrupt[corrupt.length - 10]! ^= 0xff;
    await expect(collect(decodeEventStream(fromPieces([corrupt])))).rejects.toThrow(/checksum/i);
  });

  it('rejects a stream that ends inside a frame', async () => {
    const truncated = bytes.subarray(0, bytes.length - 5);
    await expect(collect(decodeEventStream(fromPieces([truncated])))).rejects.toThrow(
      /ended inside a message/,
    );
  });

  it('rejects an impossible length prefix instead of buffering forever', async () => {
    const bogus = new Uint8Array([0xff, 0xff, 0xff, 0xff, 0, 0, 0, 0]);
    await expect(collect(decodeEventStream(fromPieces([bogus])))).rejects.toThrow(/invalid event-stream/);
  });
});

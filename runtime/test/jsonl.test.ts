// JSONLDecoder has no public path in 0.74.0 either (generated batch `results()` methods use it),
// so this runtime unit test imports the module where it lives.

import { afterEach, describe, expect, it } from 'vitest';
import type { APIPromise } from '../src/core/api-promise.js';
import { JSONLDecoder } from '../src/internal/decoders/jsonl.js';
import { chunkBytes, clientFor, expectLinear, type FaultServer, startServer } from './client.js';

let server: FaultServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const rows = [
  { custom_id: 'a', n: 1 },
  { custom_id: 'é世😀', n: 2 },
  { custom_id: 'c', nested: { x: [1, 2] } },
];
const ndjson = rows.map((r) => JSON.stringify(r)).join('\n') + '\n';

async function collect<T>(it: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const x of it) out.push(x);
  return out;
}

function responseOf(chunks: Uint8Array[]): Response {
  let i = 0;
  // One chunk per pull (pre-enqueueing thousands makes Node's stream queue quadratic).
  return new Response(
    new ReadableStream({
      pull(c) {
        if (i === chunks.length) c.close();
        else c.enqueue(chunks[i++]!);
      },
    }),
  );
}

describe('JSONLDecoder', () => {
  it('decodes rows from a response, byte by byte', async () => {
    const decoder = JSONLDecoder.fromResponse(responseOf(chunkBytes(ndjson, 1)), new AbortController());
    expect(await collect(decoder)).toEqual(rows);
  });

  it('accepts CRLF, a missing final newline and blank lines', async () => {
    const text = `${JSON.stringify(rows[0])}\r\n\r\n${JSON.stringify(rows[1])}\n${JSON.stringify(rows[2])}`;
    expect(
      await collect(JSONLDecoder.fromResponse(responseOf(chunkBytes(text, 7)), new AbortController())),
    ).toEqual(rows);
  });

  it('throws on a malformed line', async () => {
    const decoder = JSONLDecoder.fromResponse(new Response('{"a":1}\n{oops\n'), new AbortController());
    await expect(collect(decoder)).rejects.toBeInstanceOf(SyntaxError);
  });

  it('throws for a response without a body and aborts the controller', () => {
    const controller = new AbortController();
    expect(() => JSONLDecoder.fromResponse(new Response(null), controller)).toThrow(/no body/);
    expect(controller.signal.aborted).toBe(true);
  });

  it('works the way generated batch results() use it (binary response + _thenUnwrap)', async () => {
    server = await startServer([
      { headers: { 'content-type': 'application/binary' }, chunks: chunkBytes(ndjson, 5) },
    ]);
    const client = clientFor(server);
    const results = await (client
      .get('/v1/messages/batches/b1/results', {
        __binaryResponse: true,
        headers: { Accept: 'application/binary' },
      })
      ._thenUnwrap((_, props) => JSONLDecoder.fromResponse(props.response, props.controller)) as APIPromise<
      JSONLDecoder<(typeof rows)[number]>
    >);
    expect(await collect(results)).toEqual(rows);
    expect(server.requests[0]!.headers.accept).toBe('application/binary');
  });

  it('is linear in line length', async () => {
    await expectLinear(async (size) => {
      const line = `{"s":"${'x'.repeat(size)}"}\n`;
      // Tiny chunks make any per-chunk re-scan or re-copy of the pending line blow up.
      const [row] = await collect(
        JSONLDecoder.fromResponse(responseOf(chunkBytes(line, 16)), new AbortController()),
      );
      expect((row as { s: string }).s.length).toBe(size);
    }, 64 << 10);
  });
});

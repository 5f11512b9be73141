/**
 * Stopping a helper stream early behaves as in @anthropic-ai/sdk@0.74.0 (observed on a local server):
 * `break` aborts (`aborted` true, `done()` rejects with APIUserAbortError) even when the whole body had
 * already been buffered, with `message` emitted but no `finalMessage`, and no unhandled rejection.
 */
import Anthropic from '@sdkgen/anthropic';
import { APIUserAbortError } from '@sdkgen/anthropic/core/error';
import type { MessageStream } from '@sdkgen/anthropic/lib/MessageStream';
import { describe, expect, it } from 'vitest';
import { fixture } from './sse-harness.js';

const params = {
  model: 'claude-sonnet-4-5',
  max_tokens: 64,
  messages: [{ role: 'user' as const, content: 'Hi' }],
};

/**
 * A client whose fetch answers with `text.sse` from memory: the body is entirely buffered, so the run
 * can finish before the loop reads its first event (a local server's socket is slower than that).
 */
async function clientWithBufferedBody(): Promise<Anthropic> {
  const body = fixture('text.sse');
  const fetch = async () => new Response(body, { headers: { 'content-type': 'text/event-stream' } });
  return new Anthropic({ apiKey: 'sk-test', maxRetries: 0, fetch: fetch as typeof globalThis.fetch });
}

function watchUnhandled(): { seen: unknown[]; stop(): void } {
  const seen: unknown[] = [];
  const listener = (reason: unknown) => seen.push(reason);
  process.on('unhandledRejection', listener);
  return { seen, stop: () => process.off('unhandledRejection', listener) };
}

describe.each(['messages', 'beta.messages'])('break out of for await over %s.stream()', (path) => {
  const open = (client: Anthropic): MessageStream =>
    (path === 'messages'
      ? client.messages.stream(params)
      : client.beta.messages.stream(params)) as MessageStream;

  it('aborts the stream: done() rejects with APIUserAbortError, aborted is true', async () => {
    const stream = open(await clientWithBufferedBody());
    const events: string[] = [];
    stream.on('message', () => events.push('message'));
    stream.on('finalMessage', () => events.push('finalMessage'));
    stream.on('end', () => events.push('end'));
    for await (const event of stream) {
      if (event.type === 'content_block_start') break;
    }
    await expect(stream.done()).rejects.toBeInstanceOf(APIUserAbortError);
    await expect(stream.finalMessage()).rejects.toBeInstanceOf(APIUserAbortError);
    expect(stream.aborted).toBe(true);
    expect(events).toEqual(['message', 'end']);
  });

  it('also when breaking on the last event, and nothing is left unhandled', async () => {
    const unhandled = watchUnhandled();
    try {
      const stream = open(await clientWithBufferedBody());
      for await (const event of stream) {
        if (event.type === 'message_stop') break;
      }
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(stream.aborted).toBe(true);
      expect(unhandled.seen).toEqual([]);
    } finally {
      unhandled.stop();
    }
  });

  it('reading every event still ends normally, and a reader busy elsewhere does not hold the end back', async () => {
    const client = await clientWithBufferedBody();
    const stream = open(client);
    const types: string[] = [];
    for await (const event of stream) types.push(event.type);
    expect(types.at(-1)).toBe('message_stop');
    await expect(stream.done()).resolves.toBeUndefined();
    expect(stream.aborted).toBe(false);
    const other = open(client);
    const iterator = other[Symbol.asyncIterator]();
    await iterator.next();
    await expect(other.finalText()).resolves.toContain('Paris');
  });
});

import { BetaMessageStream } from '@sdkgen/anthropic/lib/BetaMessageStream';
import { MessageStream } from '@sdkgen/anthropic/lib/MessageStream';
import { describe, expect, it } from 'vitest';
import { fixtureEvents } from './sse-harness.js';

/** The fixture's events as the newline-delimited JSON that `toReadableStream()` produces. */
function ndjson(name: string): ReadableStream {
  const bytes = new TextEncoder().encode(
    fixtureEvents(name)
      .map((event) => `${JSON.stringify(event)}\n`)
      .join(''),
  );
  return new ReadableStream({
    start(controller) {
      controller.enqueue(bytes);
      controller.close();
    },
  });
}

// As in 0.74.0: `_emitFinal()` runs once after a successful stream, before `end`, and is what emits
// `finalMessage`; a subclass can replace it (here: record the call, then emit nothing or defer).
class QuietStream extends MessageStream {
  calls: string[] = [];
  static replay(name: string): QuietStream {
    return QuietStream.running((stream) => stream._fromReadableStream(ndjson(name)));
  }
  static running(executor: (stream: QuietStream) => Promise<void>): QuietStream {
    const stream = new QuietStream(null);
    stream.on('end', () => stream.calls.push('end'));
    stream._run(() => executor(stream));
    return stream;
  }
  protected override _emitFinal(): void {
    this.calls.push(`emitFinal:${this.receivedMessages.length}`);
  }
}

class TaggedBetaStream extends BetaMessageStream {
  calls: string[] = [];
  static replay(name: string): TaggedBetaStream {
    const stream = new TaggedBetaStream(null);
    stream.on('finalMessage', (message) => stream.calls.push(`finalMessage:${message.id}`));
    stream.on('end', () => stream.calls.push('end'));
    stream._run(() => stream._fromReadableStream(ndjson(name)));
    return stream;
  }
  protected override _emitFinal(): void {
    this.calls.push('emitFinal');
    super._emitFinal();
  }
}

describe('_emitFinal, the 0.74.0 override point', () => {
  it('MessageStream calls it once, after the last message and before end; it alone emits finalMessage', async () => {
    const stream = QuietStream.replay('text.sse');
    let finals = 0;
    stream.on('finalMessage', () => finals++);
    await stream.done();
    expect(stream.calls).toEqual(['emitFinal:1', 'end']);
    expect(finals).toBe(0);
    expect((await stream.finalMessage()).id).toBe('msg_01TextA');
  });

  it('BetaMessageStream emits finalMessage through super._emitFinal()', async () => {
    const stream = TaggedBetaStream.replay('text.sse');
    await stream.done();
    expect(stream.calls).toEqual(['emitFinal', 'finalMessage:msg_01TextA', 'end']);
  });

  it('is not called when the stream fails', async () => {
    const stream = QuietStream.running(async () => {
      throw new Error('boom');
    });
    stream.on('error', () => {});
    await expect(stream.done()).rejects.toThrow('boom');
    expect(stream.calls.filter((call) => call.startsWith('emitFinal'))).toEqual([]);
  });
});

/**
 * No unhandled rejections by design: a stream error with no `error` listener and nothing awaiting it is reported
 * once through the logger; with a listener or an awaited promise the logger stays quiet.
 */
import { MessageStream } from '@sdkgen/anthropic/lib/MessageStream';
import { afterEach, describe, expect, it } from 'vitest';
import type { FaultServer } from '../../../../tests/helpers/fault-server.js';
import { serveFixtures, sseMessages } from './sse-harness.js';

const params = { model: 'claude-test', max_tokens: 64, messages: [{ role: 'user' as const, content: 'hi' }] };
let server: FaultServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

function recordingLogger() {
  const lines: Array<[string, unknown[]]> = [];
  const at =
    (level: string) =>
    (...args: unknown[]) =>
      lines.push([level, args]);
  return { lines, logger: { error: at('error'), warn: at('warn'), info: at('info'), debug: at('debug') } };
}

function watchUnhandled() {
  const seen: unknown[] = [];
  const listener = (reason: unknown) => seen.push(reason);
  process.on('unhandledRejection', listener);
  return { seen, stop: () => process.off('unhandledRejection', listener) };
}

/** Lets the stream run to its end and any unhandled rejection be reported. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 300));

describe('stream errors nobody handles', () => {
  it('an error event on a stream with only a text listener is logged once, not an unhandled rejection', async () => {
    server = await serveFixtures(['error-mid-stream.sse']);
    const { lines, logger } = recordingLogger();
    const unhandled = watchUnhandled();
    try {
      const stream = MessageStream.createMessage(sseMessages(server.url), params, undefined, { logger });
      const texts: string[] = [];
      stream.on('text', (delta) => texts.push(delta));
      await settle();
      expect(stream.errored).toBe(true);
      expect(unhandled.seen).toEqual([]);
      const errors = lines.filter(([level]) => level === 'error');
      expect(errors).toHaveLength(1);
      expect(String(errors[0]![1][0])).toMatch(/^MessageStream error with no 'error' listener/);
      expect(String((errors[0]![1][1] as Error).message)).toMatch(/Overloaded/);
    } finally {
      unhandled.stop();
    }
  });

  it('with an error listener, the listener gets it and the logger stays quiet', async () => {
    server = await serveFixtures(['error-mid-stream.sse']);
    const { lines, logger } = recordingLogger();
    const stream = MessageStream.createMessage(sseMessages(server.url), params, undefined, { logger });
    const errors: unknown[] = [];
    stream.on('error', (err) => errors.push(err));
    await settle();
    expect(errors).toHaveLength(1);
    expect(lines.filter(([level]) => level === 'error')).toEqual([]);
  });

  it('when done() is awaited, it rejects and the logger stays quiet', async () => {
    server = await serveFixtures(['error-mid-stream.sse']);
    const { lines, logger } = recordingLogger();
    const stream = MessageStream.createMessage(sseMessages(server.url), params, undefined, { logger });
    await expect(stream.done()).rejects.toThrow(/Overloaded/);
    expect(lines.filter(([level]) => level === 'error')).toEqual([]);
  });

  it('an unhandled abort is logged at debug level only', async () => {
    server = await serveFixtures(['text.sse']);
    const { lines, logger } = recordingLogger();
    const unhandled = watchUnhandled();
    try {
      const stream = MessageStream.createMessage(sseMessages(server.url), params, undefined, { logger });
      stream.abort();
      await settle();
      expect(stream.aborted).toBe(true);
      expect(unhandled.seen).toEqual([]);
      expect(lines.map(([level]) => level)).toEqual(['debug']);
    } finally {
      unhandled.stop();
    }
  });
});

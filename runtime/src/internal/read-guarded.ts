import type { BodyGuard } from './body-guard.js';

/**
 * The SDK's own read of a whole (non-streaming) body, under the same limits as `guardBody` but without a
 * wrapper stream and a second `Response` per request: the idle limit counts from the last bytes received
 * (the read is always pending here), the deadline is absolute. One timer at most, cleared when the read
 * ends; on a limit the body is cancelled, which closes the connection, and the limit's error is thrown.
 */

const MAX_TIMER_MS = 2_147_483_647;

/** `body` decoded as UTF-8 (a leading BOM dropped, as `Response#text` does); `''` for no body. */
export async function readGuardedText(
  body: ReadableStream<Uint8Array> | null,
  guard: BodyGuard,
): Promise<string> {
  if (!body) return '';
  const reader = body.getReader();
  const state = { lastAt: Date.now(), failure: undefined as Error | undefined };
  let timer: ReturnType<typeof setTimeout> | undefined;
  const earliest = () =>
    Math.min(
      guard.deadlineAt ?? Number.POSITIVE_INFINITY,
      guard.idleMs === undefined ? Number.POSITIVE_INFINITY : state.lastAt + guard.idleMs,
    );
  const arm = () => {
    const at = earliest();
    if (at === Number.POSITIVE_INFINITY) return;
    timer = setTimeout(onTimer, Math.min(Math.max(at - Date.now(), 0), MAX_TIMER_MS));
  };
  // Bytes that arrive move the idle limit; the timer is re-armed only when it fires early.
  const onTimer = () => {
    timer = undefined;
    const failure = limitReached(guard, state.lastAt, Date.now());
    if (!failure) return arm();
    state.failure = failure;
    reader.cancel(failure).catch(() => undefined);
  };
  arm();
  try {
    const text = await readAll(reader, state);
    if (state.failure) throw state.failure;
    return text;
  } catch (err) {
    throw state.failure ?? err;
  } finally {
    if (timer !== undefined) clearTimeout(timer);
  }
}

function limitReached(guard: BodyGuard, lastAt: number, now: number): Error | undefined {
  if (guard.deadlineAt !== undefined && now >= guard.deadlineAt) return guard.deadlineError();
  if (guard.idleMs !== undefined && now - lastAt >= guard.idleMs) return guard.idleError();
  return undefined;
}

async function readAll(
  reader: ReadableStreamDefaultReader<Uint8Array>,
  state: { lastAt: number; failure: Error | undefined },
): Promise<string> {
  const decoder = new TextDecoder();
  let text = '';
  for (;;) {
    const { done, value } = await reader.read();
    if (done || state.failure) break;
    state.lastAt = Date.now();
    text += decoder.decode(value, { stream: true });
  }
  return text + decoder.decode();
}

/**
 * Retry before content: a server-sent event stream whose very first event is an error of a transient kind
 * (the API is overloaded, or failed internally) carries nothing yet, so it is as safe to retry as the 529 the
 * API would otherwise have answered. `peekStreamStart` reads just enough of the body to see that first event
 * and hands back a response that replays what it read, so nothing is lost when the stream is not retried.
 */
import type { Bytes } from './decoders/line.js';
import { type ServerSentEvent, SSEDecoder } from './decoders/sse.js';
import { SDK } from './sdk-facts.js';
import { safeJSON } from './utils/values.js';

/** `error.type` values of a first `event: error` that are retried like a 529. */
export const RETRYABLE_STREAM_ERRORS: ReadonlySet<string> = new Set(SDK.streamRetryableErrors);

/** What the first event said, and the response to read from now on. */
export type StreamStart = { response: Response; retryable: boolean };

/** True for an `event: error` whose JSON `error.type` is transient. */
function isRetryableFirst(event: ServerSentEvent | undefined): boolean {
  if (event?.event !== 'error') return false;
  const body = safeJSON(event.data) as { error?: { type?: unknown } } | undefined;
  return RETRYABLE_STREAM_ERRORS.has(String(body?.error?.type));
}

/** A copy of `response` whose body yields `head` first and then the rest of `reader`. */
function replay(response: Response, head: Bytes[], reader: ReadableStreamDefaultReader<Bytes>): Response {
  let i = 0;
  const body = new ReadableStream<Bytes>(
    {
      async pull(controller) {
        if (i < head.length) return controller.enqueue(head[i++]!);
        const { done, value } = await reader.read();
        if (done) controller.close();
        else controller.enqueue(value);
      },
      cancel: (reason) => reader.cancel(reason),
    },
    { highWaterMark: 0 },
  );
  const copy = new Response(body as ReadableStream<Uint8Array>, {
    status: response.status,
    statusText: response.statusText,
    headers: response.headers,
  });
  Object.defineProperty(copy, 'url', { value: response.url });
  return copy;
}

/**
 * Reads the body of an event-stream `response` up to its first complete event. Responses of another media type
 * are returned as they are. A read error ends the peek; the replayed body then fails with it when read.
 */
export async function peekStreamStart(response: Response): Promise<StreamStart> {
  const mediaType = response.headers.get('content-type')?.split(';')[0]?.trim().toLowerCase();
  if (mediaType !== 'text/event-stream' || !response.body) return { response, retryable: false };
  const reader = response.body.getReader() as ReadableStreamDefaultReader<Bytes>;
  const decoder = new SSEDecoder({ raw: false });
  const head: Bytes[] = [];
  let first: ServerSentEvent | undefined;
  try {
    while (!first) {
      const { done, value } = await reader.read();
      if (done) break;
      head.push(value);
      first = decoder.decode(value)[0];
    }
  } catch (err) {
    const failing = new ReadableStream<Bytes>({ start: (c) => c.error(err) }).getReader();
    return { response: replay(response, head, failing), retryable: false };
  }
  if (isRetryableFirst(first)) {
    await reader.cancel().catch(() => undefined);
    return { response, retryable: true };
  }
  return { response: replay(response, head, reader), retryable: false };
}

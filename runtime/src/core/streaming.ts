import { JSONCollector } from '../internal/decoders/jsonl.js';
import { type Bytes, LineDecoder } from '../internal/decoders/line.js';
import { noBodyError } from '../internal/decoders/no-body.js';
import { iterSSEMessages, type ServerSentEvent, SSEDecoder } from '../internal/decoders/sse.js';
import { isAbortError, maskSecrets } from '../internal/errors.js';
import { SDK } from '../internal/sdk-facts.js';
import { ReadableStreamFrom } from '../internal/shims.js';
import { type Logger, type LogSource, loggerFor } from '../internal/utils/log.js';
import { safeJSON } from '../internal/utils/values.js';
import { APIConnectionError, APIError, SDKError } from './error.js';

export type { ServerSentEvent } from '../internal/decoders/sse.js';

/** The event types yielded (their `data` parsed as JSON; a parse failure throws); others are skipped, as in 0.74.0. */
/** Events whose data the stream yields; absent: every event but `error`. */
const DATA_EVENTS: ReadonlySet<string> | undefined = SDK.streamEvents && new Set(SDK.streamEvents);

const SKIP = Symbol('skip');
const CONSUMED = 'Cannot iterate over a consumed stream, use `.tee()` to split the stream.';

function takeAll<T>(sink: JSONCollector<T>): T[] {
  const items = sink.items;
  sink.items = [];
  return items;
}
const encoder = new TextEncoder();

/** What decoding one stream's events needs besides the events. */
type DecodeContext = { headers: Headers | undefined; logger: Logger; secrets: readonly string[] };

function decodeContext(client: LogSource | undefined, headers: Headers | undefined): DecodeContext {
  return { headers, logger: client ? loggerFor(client) : console, secrets: client?._secrets?.() ?? [] };
}

function eventToItem(sse: ServerSentEvent, ctx: DecodeContext): unknown {
  const { event } = sse;
  const { headers, logger } = ctx;
  if (event === 'error') {
    // A server (or proxy) may echo the request back in its error: never let a credential into the error.
    const data = maskSecrets(sse.data, ctx.secrets);
    throw new APIError(undefined, safeJSON(data) ?? data, undefined, headers);
  }
  if (!DATA_EVENTS || (event !== null && DATA_EVENTS.has(event))) {
    try {
      return JSON.parse(sse.data);
    } catch (err) {
      logger.error('Could not parse message into JSON:', sse.data);
      logger.error('From chunk:', sse.raw);
      throw err;
    }
  }
  return SKIP;
}

type Items<T> = T[] & { error?: { cause: unknown } };

/** How a stream is read: `end` is the event type that ends a complete stream (e.g. `message_stop`). */
export type StreamOptions = { end?: string | undefined };

/** Raised when a stream stops cleanly before its terminal event: what was received is incomplete. */
function truncated(end: string): APIConnectionError {
  return new APIConnectionError({
    message: `The stream ended before its \`${end}\` event: the response is incomplete.`,
  });
}

/** Converts one chunk's events; a throwing event stops the batch and is kept in `error`. */
function toItems<T>(events: ServerSentEvent[], ctx: DecodeContext): Items<T> {
  const items: Items<T> = [];
  try {
    for (let i = 0; i < events.length; i++) {
      const item = eventToItem(events[i]!, ctx);
      if (item !== SKIP) items.push(item as T);
    }
  } catch (cause) {
    items.error = { cause };
  }
  return items;
}

/** True when reading stopped because the request was aborted, which ends iteration quietly (as in 0.74.0). */
function stoppedByAbort(err: unknown, controller: AbortController): boolean {
  return !(err instanceof SDKError) && (controller.signal.aborted || isAbortError(err));
}

/**
 * True for a transport failure after the stream's terminal event: everything was delivered, so the stream ends
 * normally (the connection dropping after `message_stop` loses nothing).
 */
function afterEnd(err: unknown, end: string | undefined, ended: boolean): boolean {
  return end !== undefined && ended && !(err instanceof SDKError) && !(err instanceof SyntaxError);
}

/** Maps a failure while reading a body to the SDK's error classes. */
function streamError(err: unknown): unknown {
  if (err instanceof SDKError) return err;
  if (err instanceof SyntaxError) return err;
  return new APIConnectionError({
    message: 'Connection error while reading the stream.',
    cause: err as Error,
  });
}

/**
 * An async iterable of streamed items (server-sent events, or NDJSON from `fromReadableStream`).
 * A stream can be iterated once; `tee()` splits it. Breaking out of a `for await` early aborts
 * the request and frees its connection. Aborting `controller` (or the request's `signal`) ends the
 * iteration without an error, as in 0.74.0; a connection dropped mid-body rejects with `APIConnectionError`.
 *
 * @example
 * ```ts
 * const stream = await client.messages.create({ ...params, stream: true });
 * for await (const event of stream) console.log(event.type);
 * ```
 */
export class Stream<Item> implements AsyncIterable<Item> {
  /** Aborts the underlying request. */
  controller: AbortController;
  #client: LogSource | undefined;
  #batches: (() => AsyncIterator<Item[]>) | undefined;

  constructor(
    private iterator: () => AsyncIterator<Item>,
    controller: AbortController,
    client?: LogSource,
  ) {
    this.controller = controller;
    this.#client = client;
  }

  /**
   * Decodes a `text/event-stream` response: message and completion events yielded, `event: error`
   * thrown as `APIError`, everything else (`ping`, event types this SDK does not know) skipped.
   */
  static fromSSEResponse<Item>(
    response: Response,
    controller: AbortController,
    client?: LogSource,
    options?: StreamOptions,
  ): Stream<Item> {
    const body = response.body;
    return Stream.fromChunks<Item>(
      () => {
        if (!body) {
          controller.abort();
          throw noBodyError();
        }
        return body as unknown as AsyncIterable<Bytes>;
      },
      controller,
      client,
      response.headers,
      options?.end,
    );
  }

  /**
   * Builds a stream from already-decoded events, applying the same event rules as
   * `fromSSEResponse`. For transports that frame events differently (e.g. AWS event streams).
   */
  static fromServerSentEvents<Item>(
    events: AsyncIterable<ServerSentEvent>,
    controller: AbortController,
    client?: LogSource,
    headers?: Headers,
    options?: StreamOptions,
  ): Stream<Item> {
    const end = options?.end;
    const ctx = decodeContext(client, headers);
    let consumed = false;
    async function* iterator(): AsyncGenerator<Item> {
      if (consumed) throw new SDKError(CONSUMED);
      consumed = true;
      let finished = false;
      let ended = end === undefined;
      try {
        for await (const sse of events) {
          const item = eventToItem(sse, ctx);
          if (sse.event === end) ended = true;
          if (item !== SKIP) yield item as Item;
        }
        finished = true;
        if (!ended) throw truncated(end!);
      } catch (err) {
        if (stoppedByAbort(err, controller)) return;
        // Complete already: end as if the body had ended (no abort, so no `abort` event either).
        if (afterEnd(err, end, ended)) {
          finished = true;
          return;
        }
        throw streamError(err);
      } finally {
        if (!finished) controller.abort();
      }
    }
    return new Stream(iterator, controller, client);
  }

  private static fromChunks<Item>(
    source: () => AsyncIterable<Bytes>,
    controller: AbortController,
    client: LogSource | undefined,
    headers: Headers | undefined,
    end?: string | undefined,
  ): Stream<Item> {
    const ctx = decodeContext(client, headers);
    let consumed = false;
    // bytes -> events -> items, one array per network chunk, so a consumer that handles items
    // synchronously (MessageStream) pays one await per chunk instead of one per event.
    async function* batches(): AsyncGenerator<Item[]> {
      if (consumed) throw new SDKError(CONSUMED);
      consumed = true;
      const decoder = new SSEDecoder({ raw: false });
      let finished = false;
      let ended = end === undefined;
      const decode = (events: ServerSentEvent[]) => {
        if (!ended) ended = events.some((sse) => sse.event === end);
        return toItems<Item>(events, ctx);
      };
      try {
        for await (const chunk of source()) {
          const items = decode(decoder.decode(chunk));
          if (items.length) yield items;
          // A bad event rejects only after the items before it were delivered.
          if (items.error) throw items.error.cause;
        }
        const rest = decode(decoder.flush());
        if (rest.length) yield rest;
        if (rest.error) throw rest.error.cause;
        finished = true;
        if (!ended) throw truncated(end!);
      } catch (err) {
        if (stoppedByAbort(err, controller)) return;
        // Complete already: end as if the body had ended (no abort, so no `abort` event either).
        if (afterEnd(err, end, ended)) {
          finished = true;
          return;
        }
        throw streamError(err);
      } finally {
        if (!finished) controller.abort();
      }
    }
    async function* iterator(): AsyncGenerator<Item> {
      for await (const batch of batches()) {
        for (let i = 0; i < batch.length; i++) yield batch[i]!;
      }
    }
    const stream = new Stream(iterator, controller, client);
    stream.#batches = batches;
    return stream;
  }

  /**
   * @internal The items in arrays, one per network chunk, for streams decoded from bytes
   * (`fromSSEResponse`); `undefined` for other streams, which are iterated item by item.
   * Consumes the stream like iterating it does.
   */
  _iterBatches(): AsyncIterable<Item[]> | undefined {
    const batches = this.#batches;
    return batches && { [Symbol.asyncIterator]: batches };
  }

  /** Reads newline-delimited JSON (as written by `toReadableStream()`) back into a stream. */
  static fromReadableStream<Item>(
    readableStream: ReadableStream,
    controller: AbortController,
    client?: LogSource,
  ): Stream<Item> {
    let consumed = false;
    async function* iterator(): AsyncGenerator<Item> {
      if (consumed) throw new SDKError(CONSUMED);
      consumed = true;
      const lines = new LineDecoder();
      const sink = new JSONCollector<Item>();
      let finished = false;
      try {
        for await (const chunk of readableStream as unknown as AsyncIterable<Bytes>) {
          lines.feed(chunk, sink);
          if (sink.items.length) yield* takeAll(sink);
        }
        lines.end(sink);
        yield* takeAll(sink);
        finished = true;
      } catch (err) {
        if (stoppedByAbort(err, controller)) return;
        throw streamError(err);
      } finally {
        if (!finished) controller.abort();
      }
    }
    return new Stream(iterator, controller, client);
  }

  [Symbol.asyncIterator](): AsyncIterator<Item> {
    return this.iterator();
  }

  /** Splits the stream into two that can be read independently, at different speeds. */
  tee(): [Stream<Item>, Stream<Item>] {
    const queues: Array<Promise<IteratorResult<Item>>>[] = [[], []];
    let source: AsyncIterator<Item> | undefined;
    const branch = (mine: Array<Promise<IteratorResult<Item>>>): AsyncIterator<Item> => ({
      next: () => {
        if (mine.length === 0) {
          source ??= this.iterator();
          const result = source.next();
          queues[0]!.push(result);
          queues[1]!.push(result);
        }
        return mine.shift()!;
      },
    });
    return [
      new Stream(() => branch(queues[0]!), this.controller, this.#client),
      new Stream(() => branch(queues[1]!), this.controller, this.#client),
    ];
  }

  /**
   * A byte stream of the items as newline-delimited JSON; `Stream.fromReadableStream` reverses it
   * (e.g. to forward a stream from a server to a browser).
   */
  toReadableStream(): ReadableStream {
    const self = this;
    async function* ndjson(): AsyncGenerator<Uint8Array> {
      for await (const item of self) yield encoder.encode(`${JSON.stringify(item)}\n`);
    }
    return ReadableStreamFrom(ndjson());
  }
}

/**
 * Yields the raw server-sent events of a response (no JSON parsing, no event-type rules).
 *
 * @example
 * ```ts
 * for await (const sse of _iterSSEMessages(response, controller)) console.log(sse.event, sse.data);
 * ```
 */
export function _iterSSEMessages(
  response: Response,
  controller: AbortController,
): AsyncGenerator<ServerSentEvent> {
  if (!response.body) {
    controller.abort();
    throw noBodyError();
  }
  return iterSSEMessages(response.body as unknown as AsyncIterable<Bytes>);
}

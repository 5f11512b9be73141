import { APIConnectionError, SDKError } from '../api-errors.js';
import { castToError, isAbortError } from '../errors.js';
import { type Bytes, LineDecoder, type LineSink } from './line.js';
import { noBodyError } from './no-body.js';

/** Line sink that parses each non-blank line as JSON into `items`. */
export class JSONCollector<T = unknown> implements LineSink {
  items: T[] = [];
  onLine(text: string, start: number, end: number): void {
    if (start === end) return;
    const line = start === 0 && end === text.length ? text : text.slice(start, end);
    // Whitespace-only lines (e.g. a stray CR) separate nothing; skip them.
    if (line.charCodeAt(0) <= 32 && line.trim() === '') return;
    this.items.push(JSON.parse(line));
  }
}

/**
 * Async iterable of values from a newline-delimited JSON body (e.g. message batch results).
 * Linear in input size and line length, like the SSE decoder.
 *
 * @example
 * ```ts
 * for await (const row of JSONLDecoder.fromResponse<Row>(response, new AbortController())) console.log(row);
 * ```
 */
export class JSONLDecoder<T> implements AsyncIterable<T> {
  /** Aborting it cancels the underlying response body. */
  controller: AbortController;

  constructor(
    private iterator: AsyncIterable<Bytes>,
    controller: AbortController,
  ) {
    this.controller = controller;
  }

  private async *decoder(): AsyncGenerator<T> {
    const lines = new LineDecoder();
    const sink = new JSONCollector();
    try {
      for await (const chunk of this.iterator) {
        lines.feed(chunk, sink);
        if (sink.items.length) {
          const items = sink.items;
          sink.items = [];
          yield* items as T[];
        }
      }
    } catch (err) {
      // As for event streams: an abort ends iteration quietly; a dropped connection is a connection error.
      if (err instanceof SyntaxError || err instanceof SDKError) throw err;
      if (this.controller.signal.aborted || isAbortError(err)) return;
      throw new APIConnectionError({
        message: 'Connection error while reading the stream.',
        cause: castToError(err),
      });
    }
    lines.end(sink);
    yield* sink.items as T[];
  }

  [Symbol.asyncIterator](): AsyncIterator<T> {
    return this.decoder();
  }

  /** Wraps a fetch `Response`; throws when it has no body. */
  static fromResponse<T>(response: Response, controller: AbortController): JSONLDecoder<T> {
    if (!response.body) {
      controller.abort();
      throw noBodyError();
    }
    return new JSONLDecoder<T>(response.body as unknown as AsyncIterable<Bytes>, controller);
  }
}

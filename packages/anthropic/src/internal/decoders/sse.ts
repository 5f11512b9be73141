import { type Bytes, LineDecoder, type LineSink } from './line.js';

/** One dispatched server-sent event. */
export type ServerSentEvent = {
  /** The `event:` field, or `null` when the event had none (the spec's default "message"). */
  event: string | null;
  /** The `data:` lines joined with `\n`. */
  data: string;
  /** The raw field lines that made up the event, for error reporting. */
  raw: string[];
};

const COLON = 58;
const SPACE = 32;

/**
 * Event-stream parser following the HTML "server-sent events" interpretation rules: comments
 * (`:` lines) ignored, a field without a colon has an empty value, one space after the colon is
 * stripped, multiple `data:` lines join with `\n`, `id` is tracked, `retry` ignored, and an event
 * is dispatched on a blank line only when it has data. A trailing event without a blank line is
 * discarded at end of stream, as the spec requires.
 *
 * `decode()` returns an array that is reused on the next call; consume it before decoding again.
 */
export class SSEDecoder implements LineSink {
  /** The last `id:` seen, per the spec's "last event ID". */
  lastEventId = '';
  private readonly lines = new LineDecoder();
  private readonly out: ServerSentEvent[] = [];
  private event: string | null = null;
  private data = '';
  private dataLines = 0;
  private raw: string[] = [];

  /** Feeds a chunk; returns the events it completed (array reused by the next call). */
  decode(chunk: Bytes): ServerSentEvent[] {
    this.out.length = 0;
    this.lines.feed(chunk, this);
    return this.out;
  }

  /** Ends the stream; returns events completed by the final bytes (array reused). */
  flush(): ServerSentEvent[] {
    this.out.length = 0;
    this.lines.end(this);
    this.reset();
    return this.out;
  }

  /** @internal Processes one line of the event stream. */
  onLine(line: string): void {
    const n = line.length;
    if (n === 0) {
      if (this.dataLines > 0) this.out.push({ event: this.event, data: this.data, raw: this.raw });
      if (this.dataLines > 0 || this.event !== null || this.raw.length) this.reset();
      return;
    }
    this.raw.push(line);
    if (line.charCodeAt(0) === COLON) return;
    const colon = line.indexOf(':');
    const nameEnd = colon === -1 ? n : colon;
    let valueStart = colon === -1 ? n : colon + 1;
    if (line.charCodeAt(valueStart) === SPACE) valueStart++;
    if (nameEnd === 4 && line.startsWith('data')) {
      const value = line.slice(valueStart);
      this.data = this.dataLines++ === 0 ? value : `${this.data}\n${value}`;
    } else if (nameEnd === 5 && line.startsWith('event')) {
      this.event = line.slice(valueStart);
    } else if (nameEnd === 2 && line.startsWith('id')) {
      const value = line.slice(valueStart);
      if (!value.includes('\0')) this.lastEventId = value;
    }
  }

  private reset(): void {
    this.event = null;
    this.data = '';
    this.dataLines = 0;
    this.raw = [];
  }
}

/**
 * Yields the events of an SSE byte stream one at a time.
 *
 * @example
 * ```ts
 * for await (const sse of iterSSEMessages(response.body!)) console.log(sse.event, sse.data);
 * ```
 */
export async function* iterSSEMessages(
  body: AsyncIterable<Bytes> | ReadableStream<Bytes>,
): AsyncGenerator<ServerSentEvent> {
  const decoder = new SSEDecoder();
  for await (const chunk of body as AsyncIterable<Bytes>) {
    yield* decoder.decode(chunk).slice();
  }
  yield* decoder.flush().slice();
}

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

const NO_RAW: string[] = [];

/**
 * Event-stream parser following the HTML "server-sent events" interpretation rules: comments
 * (`:` lines) ignored, a field without a colon has an empty value, one space after the colon is
 * stripped, multiple `data:` lines join with `\n`, `id` is tracked, `retry` and unknown fields
 * ignored, and an event is dispatched on a blank line when it has data or a non-empty `event:` name
 * (`event: ping` alone gives data `''`, as 0.74.0's decoder does). A trailing event
 * without a blank line is discarded at end of stream, as the spec requires.
 *
 * Fields are parsed in place from the line's range (no per-line copy); only values are sliced.
 * `decode()` returns an array that is reused on the next call; consume it before decoding again.
 */
export class SSEDecoder implements LineSink {
  /** The last `id:` seen, per the spec's "last event ID". */
  lastEventId = '';
  private readonly lines = new LineDecoder();
  private readonly out: ServerSentEvent[] = [];
  private readonly keepRaw: boolean;
  private event: string | null = null;
  private data = '';
  private dataLines = 0;
  private raw: string[] = NO_RAW;

  /** @param options.raw keep each event's raw lines in `ServerSentEvent.raw` @default true */
  constructor(options: { raw?: boolean } = {}) {
    this.keepRaw = options.raw ?? true;
  }

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

  /** @internal Processes one line, given as `text[start, end)`. */
  onLine(text: string, start: number, end: number): void {
    if (start === end) {
      // Like 0.74.0 (and unlike the HTML spec), an event with a name but no data is dispatched too.
      if (this.dataLines > 0 || this.event)
        this.out.push({ event: this.event, data: this.data, raw: this.raw });
      this.reset();
      return;
    }
    if (this.keepRaw) {
      if (this.raw === NO_RAW) this.raw = [];
      this.raw.push(text.slice(start, end));
    }
    const first = text.charCodeAt(start);
    if (first === D && text.startsWith('data', start)) {
      const value = fieldValue(text, start + 4, end);
      if (value === undefined) return;
      this.data = this.dataLines++ === 0 ? value : `${this.data}\n${value}`;
    } else if (first === E && text.startsWith('event', start)) {
      const value = fieldValue(text, start + 5, end);
      if (value !== undefined) this.event = value;
    } else if (first === I && text.startsWith('id', start)) {
      const value = fieldValue(text, start + 2, end);
      if (value !== undefined && !value.includes('\0')) this.lastEventId = value;
    }
  }

  private reset(): void {
    this.event = null;
    this.data = '';
    this.dataLines = 0;
    this.raw = NO_RAW;
  }
}

const D = 100; // 'd'
const E = 101; // 'e'
const I = 105; // 'i'

/**
 * Value of a field whose name ends at `pos`: `undefined` when the name continues (it was a
 * different field, e.g. `datum`), `''` for a bare name, else the text after the colon minus
 * one leading space.
 */
function fieldValue(text: string, pos: number, end: number): string | undefined {
  if (pos === end) return '';
  if (text.charCodeAt(pos) !== COLON) return undefined;
  let from = pos + 1;
  if (from < end && text.charCodeAt(from) === SPACE) from++;
  return text.slice(from, end);
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

/** A chunk as it may come off a response body or a user-supplied stream. */
export type Bytes = string | ArrayBuffer | Uint8Array | null | undefined;

/**
 * Receives each complete line as a range of a string (terminator excluded), so a consumer can
 * parse fields in place without first copying the line out.
 */
export interface LineSink {
  onLine(text: string, start: number, end: number): void;
}

const STREAM = { stream: true } as const;
const LF = 10;
const CR = 13;
const BOM = 0xfeff;

/**
 * Splits a byte or text stream into lines ending in `\n`, `\r\n` or `\r`, with a chunk boundary
 * allowed anywhere (inside a UTF-8 character, or between `\r` and `\n`). A leading BOM is dropped.
 *
 * Linear in input: each chunk is decoded once (`TextDecoder` with `stream: true`) and scanned
 * once; an unfinished line is kept as a list of pieces joined once when its terminator arrives,
 * so a long line is never re-copied or re-scanned per chunk.
 */
export class LineDecoder implements LineSink {
  private readonly textDecoder = new TextDecoder('utf-8');
  private pending: string[] = [];
  private afterCR = false;
  private started = false;
  private collected: string[] = [];

  /** Decodes a chunk and returns the lines it completes. */
  decode(chunk: Bytes): string[] {
    this.collected = [];
    this.feed(chunk, this);
    return this.collected;
  }

  /** Returns the final unterminated line, if any, and resets the decoder. */
  flush(): string[] {
    this.collected = [];
    this.end(this);
    return this.collected;
  }

  /** @internal Default sink used by `decode`/`flush`. */
  onLine(text: string, start: number, end: number): void {
    this.collected.push(text.slice(start, end));
  }

  /** Decodes `chunk` and passes each completed line to `sink` (no intermediate array). */
  feed(chunk: Bytes, sink: LineSink): void {
    if (chunk == null) return;
    const text =
      typeof chunk === 'string'
        ? chunk
        : this.textDecoder.decode(chunk instanceof ArrayBuffer ? new Uint8Array(chunk) : chunk, STREAM);
    if (text.length) this.split(text, sink);
  }

  /** Flushes a trailing partial character and line into `sink`, then resets. */
  end(sink: LineSink): void {
    const rest = this.textDecoder.decode();
    if (rest) this.split(rest, sink);
    if (this.pending.length) {
      const line = this.pending.join('');
      this.pending = [];
      sink.onLine(line, 0, line.length);
    }
    this.afterCR = false;
    this.started = false;
  }

  private emit(text: string, start: number, end: number, sink: LineSink): void {
    if (this.pending.length === 0) {
      sink.onLine(text, start, end);
      return;
    }
    this.pending.push(text.slice(start, end));
    const line = this.pending.join('');
    this.pending = [];
    sink.onLine(line, 0, line.length);
  }

  private split(text: string, sink: LineSink): void {
    const n = text.length;
    let start = 0;
    if (!this.started) {
      this.started = true;
      if (text.charCodeAt(0) === BOM) start = 1;
    }
    if (this.afterCR && start < n) {
      this.afterCR = false;
      if (text.charCodeAt(start) === LF) start++;
    }
    // Next known positions of '\n' and '\r'; -1 = none left in this chunk, -2 = not searched yet.
    let lf = -2;
    let cr = -2;
    while (start < n) {
      if (lf !== -1 && lf < start) lf = text.indexOf('\n', start);
      if (cr !== -1 && cr < start) cr = text.indexOf('\r', start);
      if (lf === -1 && cr === -1) break;
      let end: number;
      let next: number;
      if (cr === -1 || (lf !== -1 && lf < cr)) {
        end = lf;
        next = lf + 1;
      } else {
        end = cr;
        next = cr + 1;
        if (next === n) this.afterCR = true;
        else if (text.charCodeAt(next) === LF) next++;
      }
      this.emit(text, start, end, sink);
      start = next;
    }
    if (start < n) this.pending.push(start === 0 ? text : text.slice(start));
  }
}

/** Index just past the first blank line (`\n\n`, `\r\r` or `\r\n\r\n`) in `buffer`, or -1. */
export function findDoubleNewlineIndex(buffer: Uint8Array): number {
  for (let i = 0; i < buffer.length - 1; i++) {
    const a = buffer[i];
    const b = buffer[i + 1];
    if ((a === LF && b === LF) || (a === CR && b === CR)) return i + 2;
    if (a === CR && b === LF && buffer[i + 2] === CR && buffer[i + 3] === LF) return i + 4;
  }
  return -1;
}

import { message, usage } from './message.js';

/** Bytes served for one route, with their content type. */
export interface Payload {
  contentType: string;
  body: Buffer;
  /** Count of the unit the bench reports (events, lines), when meaningful. */
  units?: number;
}

function event(type: string, data: Record<string, unknown>): string {
  return `event: ${type}\ndata: ${JSON.stringify({ type, ...data })}\n\n`;
}

/** Wraps content-block events into a whole Messages stream (start, block, deltas, stop). */
function streamOf(block: Record<string, unknown>, deltas: string[]): Payload {
  const head =
    event('message_start', { message: message('') }) +
    event('content_block_start', { index: 0, content_block: block });
  const tail =
    event('content_block_stop', { index: 0 }) +
    event('message_delta', {
      delta: { stop_reason: 'end_turn', stop_sequence: null },
      usage: usage(25, deltas.length),
    }) +
    event('message_stop', {});
  const body = Buffer.from(head + deltas.join('') + tail);
  return { contentType: 'text/event-stream', body, units: deltas.length + 5 };
}

const ALPHABET = 'abcdefghijklmnopqrstuvwxyz0123456789 ABCDEFGHIJKLMNOPQRSTUVWXYZ';

/** A deterministic 16-char piece of text, varied so no two neighbours are equal. */
function piece(i: number): string {
  let s = '';
  for (let k = 0; k < 16; k++) s += ALPHABET[(i * 7 + k * 13) % ALPHABET.length];
  return s;
}

function textDelta(text: string): string {
  return event('content_block_delta', { index: 0, delta: { type: 'text_delta', text } });
}

/** A text stream of 16-char deltas: stop once the wire size reaches `wireBytes`, or after `textBytes` of text. */
export function textStream(params: { wireBytes?: number; textBytes?: number }): Payload {
  const deltas: string[] = [];
  const perEvent = textDelta(piece(0)).length;
  const count =
    params.textBytes !== undefined
      ? Math.ceil(params.textBytes / 16)
      : Math.ceil((params.wireBytes ?? 0) / perEvent);
  for (let i = 0; i < count; i++) deltas.push(textDelta(piece(i)));
  return streamOf({ type: 'text', text: '' }, deltas);
}

/** A stream whose single text delta carries `eventBytes` of text (one huge `data:` line). */
export function bigEvent(params: { eventBytes: number }): Payload {
  const text = piece(1)
    .repeat(Math.ceil(params.eventBytes / 16))
    .slice(0, params.eventBytes);
  return streamOf({ type: 'text', text: '' }, [textDelta(text)]);
}

/**
 * A tool input object of about `bytes` bytes of JSON: rows of small records, the shape of a real
 * tool call that returns a table.
 */
export function toolInput(bytes: number): { rows: Record<string, unknown>[] } {
  const rows: Record<string, unknown>[] = [];
  let size = 10;
  for (let i = 0; size < bytes; i++) {
    const row = { id: i, name: `item-${i}`, tags: ['alpha', 'beta'], score: (i % 97) / 7, note: piece(i) };
    rows.push(row);
    size += JSON.stringify(row).length + 1;
  }
  return { rows };
}

/** A `tool_use` block whose input arrives as 16-char `input_json_delta`s. */
export function toolStream(params: { inputBytes: number }): Payload {
  const json = JSON.stringify(toolInput(params.inputBytes));
  const deltas: string[] = [];
  for (let i = 0; i < json.length; i += 16) {
    const partial = json.slice(i, i + 16);
    deltas.push(
      event('content_block_delta', { index: 0, delta: { type: 'input_json_delta', partial_json: partial } }),
    );
  }
  return streamOf({ type: 'tool_use', id: 'toolu_bench', name: 'emit_table', input: {} }, deltas);
}

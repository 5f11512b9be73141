import { EventStreamCodec, type MessageHeaders } from '@smithy/eventstream-codec';
import { fromUtf8, toUtf8 } from '@smithy/util-utf8';

const codec = new EventStreamCodec(toUtf8, fromUtf8);

function str(value: string) {
  return { type: 'string' as const, value };
}

function frame(headers: MessageHeaders, payload: unknown): Uint8Array {
  return codec.encode({ headers, body: fromUtf8(JSON.stringify(payload)) });
}

/** A Bedrock `chunk` event frame carrying one Anthropic stream event, as the service sends it. */
export function chunkFrame(event: unknown): Uint8Array {
  const bytes = Buffer.from(JSON.stringify(event), 'utf8').toString('base64');
  return frame(
    { ':event-type': str('chunk'), ':content-type': str('application/json'), ':message-type': str('event') },
    // Bedrock pads chunks with a `p` field of random length; the decoder must ignore it.
    { bytes, p: 'abcdefghijklmnop'.slice(0, 1 + (bytes.length % 16)) },
  );
}

/** A Bedrock exception frame, e.g. `throttlingException`. */
export function exceptionFrame(type: string, message: string): Uint8Array {
  return frame(
    {
      ':exception-type': str(type),
      ':content-type': str('application/json'),
      ':message-type': str('exception'),
    },
    { message },
  );
}

/** Concatenates frames into one buffer. */
export function joinFrames(frames: Uint8Array[]): Uint8Array {
  return new Uint8Array(Buffer.concat(frames));
}

/**
 * Splits `bytes` into pieces whose sizes cycle through `sizes`, so boundaries land inside
 * length prefixes, headers, payloads and CRCs alike.
 */
export function splitAwkwardly(
  bytes: Uint8Array,
  sizes: number[] = [1, 3, 2, 7, 5, 11, 4, 13, 64],
): Uint8Array[] {
  const pieces: Uint8Array[] = [];
  for (let offset = 0, i = 0; offset < bytes.length; i++) {
    const size = sizes[i % sizes.length]!;
    pieces.push(bytes.subarray(offset, offset + size));
    offset += size;
  }
  return pieces;
}

/** The events of a short streamed message ("Hello world"), in API order. */
export function helloEvents(model = 'claude-test'): object[] {
  return [
    {
      type: 'message_start',
      message: {
        id: 'msg_bdrk_1',
        type: 'message',
        role: 'assistant',
        model,
        content: [],
        stop_reason: null,
        stop_sequence: null,
        usage: { input_tokens: 5, output_tokens: 1 },
      },
    },
    { type: 'content_block_start', index: 0, content_block: { type: 'text', text: '' } },
    { type: 'ping' },
    { type: 'content_block_delta', index: 0, delta: { type: 'text_delta', text: 'Hello' } },
    { type: 'content_block_delta', index: 0, delta: { type: 'text_delta', text: ' world' } },
    { type: 'content_block_stop', index: 0 },
    {
      type: 'message_delta',
      delta: { stop_reason: 'end_turn', stop_sequence: null },
      usage: { output_tokens: 2 },
    },
    { type: 'message_stop' },
  ];
}

import { AnthropicError } from '@sdkgen/anthropic/core/error';
import { EventStreamCodec, type Message } from '@smithy/eventstream-codec';
import { fromUtf8, toUtf8 } from '@smithy/util-utf8';

/** Prelude (total length, headers length, prelude CRC) plus the trailing message CRC. */
const MIN_MESSAGE_BYTES = 16;
/** Far above anything Bedrock sends; guards against a corrupt length prefix eating memory. */
const MAX_MESSAGE_BYTES = 16 * 1024 * 1024;

/** One decoded item of a Bedrock response stream. */
export type BedrockStreamItem =
  /** A `chunk` event: `data` is the JSON text of one Anthropic stream event. */
  | { kind: 'chunk'; data: string }
  /** An exception or error frame, e.g. `throttlingException`, with the service's message. */
  | { kind: 'exception'; type: string; message: string };

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  if (a.length === 0) return b;
  const out = new Uint8Array(a.length + b.length);
  out.set(a, 0);
  out.set(b, a.length);
  return out;
}

function messageLength(buffer: Uint8Array): number {
  const length = new DataView(buffer.buffer, buffer.byteOffset, 4).getUint32(0, false);
  if (length < MIN_MESSAGE_BYTES || length > MAX_MESSAGE_BYTES) {
    throw new AnthropicError(`Amazon Bedrock: invalid event-stream message length ${length}`);
  }
  return length;
}

/**
 * Splits a byte stream into AWS event-stream messages (each prefixed by its total length) and
 * decodes each with `@smithy/eventstream-codec`, which verifies both CRCs. Chunk boundaries
 * may fall anywhere, including inside the 4-byte length prefix.
 */
export async function* decodeEventStream(body: AsyncIterable<Uint8Array>): AsyncGenerator<Message> {
  const codec = new EventStreamCodec(toUtf8, fromUtf8);
  let buffer: Uint8Array = new Uint8Array(0);
  for await (const chunk of body) {
    buffer = concat(buffer, chunk);
    while (buffer.length >= 4) {
      const length = messageLength(buffer);
      if (buffer.length < length) break;
      yield codec.decode(buffer.subarray(0, length));
      buffer = buffer.subarray(length);
    }
  }
  if (buffer.length > 0) {
    throw new AnthropicError(
      `Amazon Bedrock: event stream ended inside a message (${buffer.length} bytes left)`,
    );
  }
}

function headerString(message: Message, name: string): string | undefined {
  const header = message.headers[name];
  return header && header.type === 'string' ? header.value : undefined;
}

function decodeBase64Utf8(base64: string): string {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return new TextDecoder().decode(bytes);
}

function parseJSONObject(text: string): Record<string, unknown> | undefined {
  try {
    const value = JSON.parse(text);
    return value && typeof value === 'object' ? value : undefined;
  } catch {
    return undefined;
  }
}

/** Maps one decoded message to a stream item; `undefined` for frames that carry nothing. */
export function toStreamItem(message: Message): BedrockStreamItem | undefined {
  const messageType = headerString(message, ':message-type');
  const payload = toUtf8(message.body);
  if (messageType === 'event') {
    if (headerString(message, ':event-type') !== 'chunk') return undefined;
    const bytes = parseJSONObject(payload)?.bytes;
    if (typeof bytes !== 'string') {
      throw new AnthropicError('Amazon Bedrock: chunk event without a base64 `bytes` field');
    }
    return { kind: 'chunk', data: decodeBase64Utf8(bytes) };
  }
  if (messageType === 'exception') {
    const type = headerString(message, ':exception-type') ?? 'unknownException';
    const text = parseJSONObject(payload)?.message;
    return { kind: 'exception', type, message: typeof text === 'string' ? text : payload };
  }
  if (messageType === 'error') {
    const type = headerString(message, ':error-code') ?? 'unknownError';
    return { kind: 'exception', type, message: headerString(message, ':error-message') ?? '' };
  }
  return undefined;
}

/** Decodes a Bedrock `invoke-with-response-stream` body into chunk and exception items. */
export async function* readBedrockStream(body: AsyncIterable<Uint8Array>): AsyncGenerator<BedrockStreamItem> {
  for await (const message of decodeEventStream(body)) {
    const item = toStreamItem(message);
    if (item) yield item;
  }
}

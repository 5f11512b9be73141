import { EventStreamCodec, type Message } from '@smithy/eventstream-codec';
import type { EventStreamSerdeContext, SerdeContext } from '@smithy/types';
import { decodeEventStream } from './event-stream.js';

/** Decodes UTF-8 bytes to a string. */
export const toUtf8 = (input: Uint8Array): string => new TextDecoder('utf-8').decode(input);
/** Encodes a string as UTF-8 bytes. */
export const fromUtf8 = (input: string): Uint8Array => new TextEncoder().encode(input);

const fromBase64 = (input: string): Uint8Array => Uint8Array.from(atob(input), (c) => c.charCodeAt(0));
const toBase64 = (input: Uint8Array | string): string =>
  btoa(
    Array.from(typeof input === 'string' ? fromUtf8(input) : input, (b) => String.fromCharCode(b)).join(''),
  );

type Body = AsyncIterable<Uint8Array> | ReadableStream<Uint8Array>;

async function* chunksOf(body: Body): AsyncGenerator<Uint8Array> {
  if (Symbol.asyncIterator in body) {
    yield* body as AsyncIterable<Uint8Array>;
    return;
  }
  const reader = (body as ReadableStream<Uint8Array>).getReader();
  try {
    for (let r = await reader.read(); !r.done; r = await reader.read()) yield r.value;
  } finally {
    reader.releaseLock();
  }
}

async function collect(body: Body): Promise<Uint8Array> {
  const parts: Uint8Array[] = [];
  for await (const chunk of chunksOf(body)) parts.push(chunk);
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}

function header(message: Message, name: string): string {
  const value = message.headers[name];
  return value?.type === 'string' ? value.value : '';
}

function namedError(name: string, message: string): Error {
  const error = new Error(message);
  error.name = name;
  return error;
}

/**
 * Smithy's event-stream rules: `event` messages go to `deserializer` under their event type
 * (`$unknown` results are skipped), `exception` messages are thrown as what it returns for
 * them, and `error` messages are thrown as an `Error` named by their error code.
 */
async function* deserialize<T>(
  body: Body,
  deserializer: (input: Record<string, Message>) => Promise<T>,
): AsyncGenerator<T> {
  for await (const message of decodeEventStream(chunksOf(body))) {
    const type = header(message, ':message-type');
    if (type === 'error') {
      throw namedError(header(message, ':error-code') || 'UnknownError', header(message, ':error-message'));
    }
    if (type === 'exception') {
      const code = header(message, ':exception-type');
      const out = (await deserializer({ [code]: message })) as Record<string, unknown>;
      throw out[code] ?? namedError(code, toUtf8(message.body));
    }
    if (type !== 'event') throw new Error(`Unrecognizable event type: ${header(message, ':event-type')}`);
    const out = await deserializer({ [header(message, ':event-type')]: message });
    if (!(out as { $unknown?: unknown }).$unknown) yield out;
  }
}

async function* serialize<T>(input: AsyncIterable<T>, serializer: (event: T) => Message) {
  const codec = new EventStreamCodec(toUtf8, fromUtf8);
  for await (const event of input) yield codec.encode(serializer(event));
}

/**
 * The part of a Smithy serde context that `de_ResponseStream` needs: UTF-8 and base64 codecs,
 * a stream collector and an event-stream marshaller (CRC-checked decoding of AWS event-stream
 * frames, in any chunking).
 *
 * @example
 * ```ts
 * for await (const event of de_ResponseStream(response.body, getMinimalSerdeContext())) console.log(event);
 * ```
 */
export const getMinimalSerdeContext = (): SerdeContext & EventStreamSerdeContext =>
  ({
    base64Decoder: fromBase64,
    base64Encoder: toBase64,
    utf8Decoder: fromUtf8,
    utf8Encoder: toUtf8,
    eventStreamMarshaller: { deserialize, serialize },
    streamCollector: collect,
  }) as unknown as SerdeContext & EventStreamSerdeContext;

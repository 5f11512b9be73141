import type { Message } from '@smithy/eventstream-codec';
import type { EventStreamSerdeContext, SerdeContext } from '@smithy/types';

/** An exception Bedrock reports inside a response stream. */
export type ResponseStreamException = { name: string; message: string; $fault: 'client' | 'server' } & Record<
  string,
  unknown
>;

/** One member of Bedrock's `ResponseStream` union, as `InvokeModelWithResponseStream` returns it. */
export type ResponseStream =
  | { chunk: { bytes?: Uint8Array } }
  | { internalServerException: ResponseStreamException }
  | { modelStreamErrorException: ResponseStreamException }
  | { validationException: ResponseStreamException }
  | { throttlingException: ResponseStreamException }
  | { modelTimeoutException: ResponseStreamException }
  | { serviceUnavailableException: ResponseStreamException }
  | { $unknown: [string, Message] };

const EXCEPTIONS: Record<string, [string, 'client' | 'server']> = {
  internalServerException: ['InternalServerException', 'server'],
  modelStreamErrorException: ['ModelStreamErrorException', 'client'],
  validationException: ['ValidationException', 'client'],
  throttlingException: ['ThrottlingException', 'client'],
  modelTimeoutException: ['ModelTimeoutException', 'client'],
  serviceUnavailableException: ['ServiceUnavailableException', 'server'],
};

function parseBody(message: Message, context: SerdeContext): Record<string, unknown> {
  const text = context.utf8Encoder(message.body);
  try {
    const parsed = JSON.parse(text);
    return parsed && typeof parsed === 'object' ? parsed : {};
  } catch {
    return {};
  }
}

function toMember(event: Record<string, Message>, context: SerdeContext): ResponseStream {
  const [key, message] = Object.entries(event)[0] ?? [];
  if (!key || !message) return { $unknown: ['', { headers: {}, body: new Uint8Array() }] };
  const body = parseBody(message, context);
  if (key === 'chunk') {
    const bytes = typeof body.bytes === 'string' ? context.base64Decoder(body.bytes) : undefined;
    return { chunk: bytes ? { bytes } : {} };
  }
  const exception = EXCEPTIONS[key];
  if (!exception) return { $unknown: [key, message] };
  const [name, $fault] = exception;
  const text = typeof body.message === 'string' ? body.message : (body.Message as string | undefined);
  return { [key]: { ...body, name, message: text ?? name, $fault } } as ResponseStream;
}

/**
 * Deserializes the body of a Bedrock `invoke-with-response-stream` response into
 * `ResponseStream` members (`chunk` with the raw bytes of one Anthropic stream event, or one of
 * the modelled exceptions), using the event-stream marshaller of `context`.
 *
 * @example
 * ```ts
 * for await (const event of de_ResponseStream(body, getMinimalSerdeContext())) {
 *   if ('chunk' in event) console.log(new TextDecoder().decode(event.chunk.bytes));
 * }
 * ```
 */
export const de_ResponseStream = (
  output: any,
  context: SerdeContext & EventStreamSerdeContext,
): AsyncIterable<ResponseStream> =>
  context.eventStreamMarshaller.deserialize(output, async (event) => toMember(event, context));

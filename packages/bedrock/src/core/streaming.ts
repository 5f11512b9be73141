import type { BaseAnthropic } from '@sdkgen/anthropic/core/base-client';
import { AnthropicError, APIError } from '@sdkgen/anthropic/core/error';
import {
  Stream as CoreStream,
  type ServerSentEvent,
  type StreamOptions,
} from '@sdkgen/anthropic/core/streaming';
import { readBedrockStream } from './event-stream.js';

export { fromUtf8, getMinimalSerdeContext, toUtf8 } from './serde-context.js';

/** The content type of a Bedrock `invoke-with-response-stream` response. */
export const EVENT_STREAM_CONTENT_TYPE = 'application/vnd.amazon.eventstream';

/** HTTP status and Anthropic error type that best describe each Bedrock stream exception. */
const EXCEPTION_STATUS: Record<string, [number, string]> = {
  throttlingException: [429, 'rate_limit_error'],
  validationException: [400, 'invalid_request_error'],
  accessDeniedException: [403, 'permission_error'],
  modelTimeoutException: [408, 'timeout_error'],
  serviceUnavailableException: [503, 'overloaded_error'],
  modelStreamErrorException: [500, 'api_error'],
  internalServerException: [500, 'api_error'],
};

/** True when `response` carries AWS event-stream framing rather than SSE. */
export function isEventStreamResponse(response: Response): boolean {
  return !!response.body && !!response.headers.get('content-type')?.includes(EVENT_STREAM_CONTENT_TYPE);
}

/**
 * Turns a Bedrock exception frame into the `APIError` subclass for its status
 * (`throttlingException` -> `RateLimitError`, unknown -> `InternalServerError`). The body has
 * the shape of an Anthropic error body; its message starts with `bedrock <exceptionType>:`.
 */
export function exceptionToAPIError(item: { type: string; message: string }, headers: Headers): APIError {
  const [status, errorType] = EXCEPTION_STATUS[item.type] ?? [500, 'api_error'];
  const body = {
    type: 'error',
    error: { type: errorType, message: `bedrock ${item.type}: ${item.message}` },
  };
  return APIError.generate(status, body, undefined, headers);
}

async function* bodyChunks(body: ReadableStream<Uint8Array>): AsyncGenerator<Uint8Array> {
  const reader = body.getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      yield value;
    }
  } finally {
    // Cancelling (rather than only unlocking) frees the connection when iteration stops early.
    await reader.cancel().catch(() => {});
  }
}

function eventName(data: string): string | null {
  let parsed: unknown;
  try {
    parsed = JSON.parse(data);
  } catch (err) {
    throw new AnthropicError(`Amazon Bedrock: could not parse a stream chunk as JSON: ${data}`, {
      cause: err,
    });
  }
  const type = (parsed as { type?: unknown } | null)?.type;
  return typeof type === 'string' ? type : null;
}

/**
 * Re-frames a Bedrock event stream as the server-sent events the Anthropic API would have sent:
 * each chunk's JSON becomes an event named by its `type` (so `error` payloads become SSE error
 * events), and an exception frame throws an `APIError`. Feed the result to
 * `Stream.fromServerSentEvents` to get exactly the items the main SDK yields.
 */
export async function* bedrockServerSentEvents(response: Response): AsyncGenerator<ServerSentEvent> {
  if (!response.body) throw new AnthropicError('Attempted to iterate over a response with no body');
  for await (const item of readBedrockStream(bodyChunks(response.body))) {
    if (item.kind === 'exception') throw exceptionToAPIError(item, response.headers);
    yield { event: eventName(item.data), data: item.data, raw: [] };
  }
}

/**
 * A `Stream` decoded from a Bedrock `invoke-with-response-stream` response (AWS event-stream
 * framing) instead of SSE; it yields the same items as the main SDK's stream, and exception
 * frames are thrown as the matching `APIError` subclass.
 *
 * @example
 * ```ts
 * const stream = Stream.fromSSEResponse<RawMessageStreamEvent>(response, new AbortController());
 * for await (const event of stream) console.log(event.type);
 * ```
 */
export class Stream<Item> extends CoreStream<Item> {
  static override fromSSEResponse<Item>(
    response: Response,
    controller: AbortController,
    client?: BaseAnthropic,
    options?: StreamOptions,
  ): Stream<Item> {
    const events = bedrockServerSentEvents(response);
    const core = CoreStream.fromServerSentEvents<Item>(events, controller, client, response.headers, options);
    return new Stream<Item>(() => core[Symbol.asyncIterator](), controller, client);
  }
}

import { AnthropicError, APIError } from '@sdkgen/anthropic/core/error';
import { Stream as CoreStream } from '@sdkgen/anthropic/core/streaming';
import { type BedrockStreamItem, readBedrockStream } from './event-stream.js';

/** The events the main SDK's SSE decoder yields; anything else (`ping`, unknown) is skipped. */
const YIELDED_EVENTS = new Set([
  'completion',
  'message_start',
  'message_delta',
  'message_stop',
  'content_block_start',
  'content_block_delta',
  'content_block_stop',
]);

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

/**
 * Turns a Bedrock exception frame into the `APIError` subclass for its status
 * (`throttlingException` -> `RateLimitError`, ...). The body mirrors an Anthropic error body.
 */
export function exceptionToAPIError(item: { type: string; message: string }, headers: Headers): APIError {
  const [status, errorType] = EXCEPTION_STATUS[item.type] ?? [500, 'api_error'];
  const body = {
    type: 'error',
    error: { type: errorType, message: `bedrock ${item.type}: ${item.message}` },
  };
  return APIError.generate(status, body, undefined, headers);
}

function isAbortError(err: unknown): boolean {
  return typeof err === 'object' && err !== null && (err as { name?: unknown }).name === 'AbortError';
}

async function* bodyChunks(response: Response): AsyncGenerator<Uint8Array> {
  if (!response.body) throw new AnthropicError('Attempted to iterate over a response with no body');
  const reader = response.body.getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      yield value;
    }
  } finally {
    reader.releaseLock();
  }
}

/** Parses one chunk into a stream event; `undefined` for events the main SDK does not yield. */
function chunkToEvent(item: BedrockStreamItem, headers: Headers): unknown {
  if (item.kind === 'exception') throw exceptionToAPIError(item, headers);
  let event: { type?: unknown };
  try {
    event = JSON.parse(item.data);
  } catch (err) {
    throw new AnthropicError(`Amazon Bedrock: could not parse a stream chunk as JSON: ${item.data}`, {
      cause: err,
    });
  }
  if (event.type === 'error') throw new APIError(undefined, event, undefined, headers);
  return typeof event.type === 'string' && YIELDED_EVENTS.has(event.type) ? event : undefined;
}

/**
 * A `Stream` whose response body is AWS event-stream framing rather than SSE. It yields the same
 * event objects as the main SDK's `Stream`, so `MessageStream` and friends work unchanged.
 */
export class Stream<Item> extends CoreStream<Item> {
  /** Decodes `response` (from `invoke-with-response-stream`) into stream events. */
  static override fromSSEResponse<Item>(
    response: Response,
    controller: AbortController,
    client?: ConstructorParameters<typeof CoreStream>[2],
  ): Stream<Item> {
    let consumed = false;
    async function* iterator(): AsyncGenerator<Item> {
      if (consumed) {
        throw new AnthropicError('Cannot iterate over a consumed stream, use `.tee()` to split the stream.');
      }
      consumed = true;
      let done = false;
      try {
        for await (const item of readBedrockStream(bodyChunks(response))) {
          const event = chunkToEvent(item, response.headers);
          if (event !== undefined) yield event as Item;
        }
        done = true;
      } catch (err) {
        if (isAbortError(err)) return;
        throw err;
      } finally {
        // Stopping early (break, error) must cancel the underlying request.
        if (!done) controller.abort();
      }
    }
    return new Stream<Item>(iterator, controller, client);
  }
}

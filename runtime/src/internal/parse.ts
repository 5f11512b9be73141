import { APIConnectionError, APIError, APIUserAbortError, SDKError } from './api-errors.js';
import { type BodyGuard, guardBody } from './body-guard.js';
import { castToError, isAbortError } from './errors.js';
import { readGuardedText } from './read-guarded.js';
import type { FinalRequestOptions } from './request-options.js';
import { SDK } from './sdk-facts.js';
import { formatRequestDetails, type LogSource, loggerFor, logLevelEnabled } from './utils/log.js';
import { safeJSON } from './utils/values.js';

/**
 * What parsing a response needs from the client: its logger and secrets, and (for `stream: true`) its protected
 * `makeStream(props)` hook. The client's type stays above `internal/`.
 */
export type ResponseHost = LogSource;

/** The client's protected stream hook, as `readBody` calls it. */
type StreamMaker = { makeStream(props: APIResponseProps): unknown };

/** Everything known about a successful (2xx) response before its body is read. */
export type APIResponseProps = {
  response: Response;
  options: FinalRequestOptions;
  /** Aborting it cancels the request and its body. */
  controller: AbortController;
  requestLogID: string;
  retryOfRequestLogID: string | undefined;
  startTime: number;
  /**
   * Limits on reading a non-streaming body, applied when it is read: by the SDK's own parse
   * (`readGuardedText`), or by a guarded copy of `response` for `asResponse()` (`responseOf`).
   */
  bodyGuard?: BodyGuard | undefined;
};

const guardedCopies = new WeakMap<APIResponseProps, Response>();

/**
 * The response to hand out for `props`: a copy whose body enforces `bodyGuard` (made once), or `response`
 * itself when there is nothing to guard or its body is already being read.
 */
export function responseOf(props: APIResponseProps): Response {
  const { response, bodyGuard } = props;
  if (!bodyGuard || response.bodyUsed || response.body?.locked) return guardedCopies.get(props) ?? response;
  let copy = guardedCopies.get(props);
  if (!copy) guardedCopies.set(props, (copy = guardBody(response, bodyGuard)));
  return copy;
}

/**
 * True when the SDK reads the body itself under `bodyGuard`; otherwise the response reads it (a guarded copy
 * that was handed out, a body with nothing to guard, or a Response-like object from a stub `fetch`).
 */
function readsItself(props: APIResponseProps): props is APIResponseProps & { bodyGuard: BodyGuard } {
  const { response, bodyGuard } = props;
  return !!bodyGuard && !guardedCopies.has(props) && response.body instanceof ReadableStream;
}

/** `T` plus the non-enumerable `_request_id` the SDK attaches to parsed objects. */
export type WithRequestID<T> = T extends Array<any> | Response | { getPaginatedItems(): unknown[] }
  ? T
  : T extends Record<string, any>
    ? T & { _request_id?: string | null }
    : T;

/** The response's request id (from the SDK's request-id header), or null. */
export function requestID(response: Response): string | null {
  return SDK.requestIdHeader ? response.headers.get(SDK.requestIdHeader) : null;
}

/** Attaches `_request_id` (from the request-id header) to an object, non-enumerably. */
export function addRequestID<T>(value: T, response: Response): WithRequestID<T> {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return value as WithRequestID<T>;
  return Object.defineProperty(value, '_request_id', {
    value: requestID(response),
    enumerable: false,
  }) as WithRequestID<T>;
}

/** Media types that are never an event stream: a proxy's or gateway's JSON, HTML or text answer. */
const NOT_A_STREAM = /^(application\/(json|xml|problem\+json)|text\/(html|plain|xml))$|\+json$/;

/**
 * A streaming request answered with a body that is not an event stream (a proxy's JSON or HTML page, say) would
 * iterate as zero events; it fails instead, with the body in the error.
 */
async function notAStreamError(response: Response): Promise<APIError | undefined> {
  const mediaType = response.headers.get('content-type')?.split(';')[0]?.trim().toLowerCase();
  if (!mediaType || !NOT_A_STREAM.test(mediaType)) return undefined;
  const text = await response.text().catch(() => '');
  const json = safeJSON(text) as object | undefined;
  const shown = text.length > 2000 ? `${text.slice(0, 2000)}…` : text;
  const message = `Expected a text/event-stream response to a streaming request, got ${mediaType}: ${shown}`;
  return new APIError(
    response.status,
    json && typeof json === 'object' ? { ...json, message } : undefined,
    message,
    response.headers,
  );
}

async function readBody(client: ResponseHost, props: APIResponseProps): Promise<unknown> {
  const { response, options } = props;
  if (options.stream && !options.__binaryResponse) {
    const error = await notAStreamError(response);
    if (error) throw error;
  }
  // The stream hook is protected so platform subclasses can override it; reach it by name here.
  if (options.stream) return (client as unknown as StreamMaker).makeStream(props);
  if (response.status === 204) return null;
  if (options.__binaryResponse) return response;
  const mediaType = response.headers.get('content-type')?.split(';')[0]?.trim();
  const read = async () => {
    if (mediaType?.includes('application/json') || mediaType?.endsWith('+json')) {
      if (response.headers.get('content-length') === '0') return undefined;
      const json = readsItself(props)
        ? JSON.parse(await readGuardedText(response.body, props.bodyGuard))
        : await responseOf(props).json();
      return addRequestID(json, response);
    }
    return readsItself(props) ? readGuardedText(response.body, props.bodyGuard) : responseOf(props).text();
  };
  return read().catch((err: unknown) => {
    throw bodyReadError(err, options.signal);
  });
}

/**
 * The SDK's error for a failure while reading a body: the caller's abort is `APIUserAbortError`, a dropped
 * connection `APIConnectionError`; the SDK's own errors (timeouts) and invalid JSON pass as they are.
 */
export function bodyReadError(err: unknown, signal: AbortSignal | null | undefined): unknown {
  if (err instanceof SDKError || err instanceof SyntaxError) return err;
  if (signal?.aborted || isAbortError(err)) return new APIUserAbortError();
  return new APIConnectionError({
    message: 'Connection error while reading the response body.',
    cause: castToError(err),
  });
}

/**
 * Turns a response into the value an `APIPromise` resolves to: a `Stream` for `stream: true`,
 * the raw `Response` for `__binaryResponse`, parsed JSON (with `_request_id`) or text otherwise.
 */
export async function defaultParseResponse<T>(
  client: ResponseHost,
  props: APIResponseProps,
): Promise<WithRequestID<T>> {
  const body = await readBody(client, props);
  if (!logLevelEnabled(client, 'debug')) return body as WithRequestID<T>;
  loggerFor(client).debug(
    `[${props.requestLogID}] response parsed`,
    formatRequestDetails({
      retryOfRequestLogID: props.retryOfRequestLogID,
      url: props.response.url,
      status: props.response.status,
      body: props.options.stream || props.options.__binaryResponse ? '(stream)' : body,
      durationMs: Date.now() - props.startTime,
    }),
  );
  return body as WithRequestID<T>;
}

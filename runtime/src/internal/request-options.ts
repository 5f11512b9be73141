import type { HeadersLike } from './headers.js';
import type { HTTPMethod, MergedRequestInit } from './types.js';
import type { Logger } from './utils/log.js';

/**
 * Per-request options accepted as the last argument of every SDK method.
 *
 * @example
 * ```ts
 * await client.models.list({}, { timeout: 5_000, maxRetries: 0, headers: { 'x-trace': '1' } });
 * ```
 */
export type RequestOptions = {
  /** HTTP method; set by generated code. */
  method?: HTTPMethod;
  /** URL path, e.g. `/v1/messages`; set by generated code. */
  path?: string;
  /** Query parameters (primitives only; `undefined` entries are dropped). */
  query?: object | undefined | null;
  /** Request body: JSON-serialisable object, string, bytes, Blob, FormData or a stream. */
  body?: unknown;
  /** Extra headers; `null` removes a default header. */
  headers?: HeadersLike;
  /**
   * Retries after a connection error, 408, 409, 429 or >= 500.
   * @default 2 (or the client's `maxRetries`)
   */
  maxRetries?: number;
  /** Resolve to a `Stream` of server-sent events instead of parsed JSON. */
  stream?: boolean | undefined;
  /**
   * Milliseconds each attempt may take, from sending the request to the end of a non-streaming body
   * (for streams and downloads: until the headers; `idleTimeout` guards their body).
   * @default 600000 (or the client's `timeout`)
   */
  timeout?: number;
  /**
   * Milliseconds the response body may go without a byte while it is being read (`0`: no limit).
   * @default 120000 (or the client's `idleTimeout`)
   */
  idleTimeout?: number;
  /** Extra `fetch` options merged over the client's `fetchOptions`. */
  fetchOptions?: MergedRequestInit;
  /** Cancels the request (and a streaming body) when aborted. */
  signal?: AbortSignal | undefined | null;
  /** Middleware for this request only, run after the client's (see `Middleware`). */
  middleware?: readonly Middleware[] | undefined;
  /** Idempotency key, sent when the client defines an idempotency header. */
  idempotencyKey?: string;
  /** Base URL used for this request unless the client's base URL was overridden. */
  defaultBaseURL?: string | undefined;
  /** Resolve to the raw `Response` (downloads, JSONL). Set by generated code. */
  __binaryResponse?: boolean | undefined;
  /** Event type that ends a complete stream; one that stops before it fails. Set by generated code. */
  __streamEnd?: string | undefined;
  /** Stream class whose `fromSSEResponse` decodes a streaming response (`Stream` or a subclass). */
  __streamClass?: StreamClass | undefined;
};

/** The static side of `core/streaming.ts`'s `Stream` that a streaming request needs, without importing it. */
export type StreamClass = {
  fromSSEResponse<Item>(
    response: Response,
    controller: AbortController,
    client?: unknown,
    options?: { end?: string | undefined },
  ): AsyncIterable<Item>;
};

/** Request options once the method and path are known. */
export type FinalRequestOptions = RequestOptions & { method: HTTPMethod; path: string };

/** An HTTP request as it goes to `fetch`: its `RequestInit` and URL. `headers` may be changed in place. */
export type APIRequest = Omit<RequestInit, 'headers'> & { url: string; headers: Headers };

/** The rest of the middleware chain, ending in `fetch`; may be called more than once, or not at all. */
export type MiddlewareNext = (request: APIRequest) => Promise<Response>;

/** What a middleware knows of the call in flight; one context is shared by the chain of one attempt. */
export interface MiddlewareContext {
  /** The options of the API call (method, path, query, body before encoding, `stream`, ...). */
  readonly options: FinalRequestOptions;
  /** The client's logger, filtered to the client's log level. */
  readonly logger: Logger;
  /** 0 for the first attempt, then 1, 2, ... for the SDK's retries. */
  readonly retryCount: number;
  /**
   * The body parsed as the SDK would parse it for this call (JSON with `_request_id`, else text; `null` for a
   * 204; a streaming call's `Stream`, a download's `Response`), read from a clone, so the body stays readable.
   * Non-streaming results are cached per response.
   */
  parse<T = unknown>(response: Response): Promise<T>;
}

/**
 * A function around each HTTP attempt: it may read or change the request, call `next` once, several times or
 * not at all, and read or replace the response. It must not consume the body of the response it returns (read a
 * `clone()`, or use `ctx.parse`). See `internal/middleware.ts` for how the chain runs.
 *
 * @example
 * ```ts
 * const timing: Middleware = async (request, next, ctx) => {
 *   const started = Date.now();
 *   const response = await next(request);
 *   ctx.logger.info(`${request.method} ${request.url}: ${response.status} in ${Date.now() - started} ms`);
 *   return response;
 * };
 * ```
 */
export type Middleware = (
  request: APIRequest,
  next: MiddlewareNext,
  ctx: MiddlewareContext,
) => Promise<Response>;

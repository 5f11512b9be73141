/**
 * The SDK's error classes. They live on the ground floor, so that every part of the runtime can throw them;
 * `core/error.ts` is their public home.
 */
import { castToError } from './errors.js';
import { SDK } from './sdk-facts.js';

/**
 * Base class of every error the SDK throws on purpose.
 *
 * @example
 * ```ts
 * try { await client.models.list(); } catch (err) { if (err instanceof SDKError) console.log(err.message); }
 * ```
 */
export class SDKError extends Error {}

/**
 * An error response from the API (or a failure to get one, for the connection subclasses).
 * `status`, `headers` and the parsed JSON `error` body are kept; `requestID` comes from the
 * request-id response header (`SDK.requestIdHeader`), which is what API support asks for.
 *
 * @example
 * ```ts
 * catch (err) { if (err instanceof APIError) console.log(err.status, err.requestID, err.error); }
 * ```
 */
export class APIError<
  TStatus extends number | undefined = number | undefined,
  THeaders extends Headers | undefined = Headers | undefined,
  TError extends Object | undefined = Object | undefined,
> extends SDKError {
  /** HTTP status of the failed response. */
  readonly status: TStatus;
  /** Headers of the failed response. */
  readonly headers: THeaders;
  /** Parsed JSON body of the failed response. */
  readonly error: TError;
  /** Value of the request-id response header. */
  readonly requestID: string | null | undefined;

  constructor(status: TStatus, error: TError, message: string | undefined, headers: THeaders) {
    super(APIError.makeMessage(status, error, message));
    this.status = status;
    this.headers = headers;
    this.requestID = SDK.requestIdHeader ? headers?.get(SDK.requestIdHeader) : undefined;
    this.error = error;
  }

  private static makeMessage(status: number | undefined, error: any, message: string | undefined): string {
    let detail: string | undefined = message;
    if (error?.message) {
      detail = typeof error.message === 'string' ? error.message : JSON.stringify(error.message);
    } else if (error) {
      detail = JSON.stringify(error);
    }
    if (status && detail) return `${status} ${detail}`;
    if (status) return `${status} status code (no body)`;
    return detail || '(no status code or body)';
  }

  /**
   * Builds the subclass matching `status` (see the table in the class docs of each subclass).
   * Without a status or headers the failure was a connection error.
   */
  static generate(
    status: number | undefined,
    errorResponse: Object | undefined,
    message: string | undefined,
    headers: Headers | undefined,
  ): APIError {
    if (!status || !headers) {
      return new APIConnectionError({ message, cause: castToError(errorResponse) });
    }
    const error = errorResponse as Record<string, any>;
    const ErrorClass = STATUS_CLASSES[status] ?? (status >= 500 ? InternalServerError : APIError);
    return new ErrorClass(status, error, message, headers);
  }
}

/** The request was cancelled through its `signal` (or a stream's `controller`). */
export class APIUserAbortError extends APIError<undefined, undefined, undefined> {
  constructor({ message }: { message?: string } = {}) {
    super(undefined, undefined, message || 'Request was aborted.', undefined);
  }
}

/** No usable response arrived: DNS, refused or dropped connection. The transport error is the `cause`. */
export class APIConnectionError extends APIError<undefined, undefined, undefined> {
  constructor({ message, cause }: { message?: string | undefined; cause?: Error | undefined }) {
    super(undefined, undefined, message || 'Connection error.', undefined);
    if (cause) this.cause = cause;
  }
}

/** The response headers did not arrive within `timeout` milliseconds (after all retries). */
export class APIConnectionTimeoutError extends APIConnectionError {
  constructor({ message, cause }: { message?: string | undefined; cause?: Error | undefined } = {}) {
    super({ message: message ?? 'Request timed out.', cause });
  }
}

/**
 * A response body sent no bytes for `idleTimeout` milliseconds while it was being read (a dead connection or a
 * stuck proxy); the connection is closed. A timeout, so `instanceof APIConnectionTimeoutError` also holds.
 */
export class APIIdleTimeoutError extends APIConnectionTimeoutError {
  /** The limit that was exceeded, in milliseconds. */
  readonly idleMs: number;

  constructor({ idleMs, message }: { idleMs: number; message?: string | undefined }) {
    super({ message: message ?? `No data received for ${idleMs} ms; the connection was closed.` });
    this.idleMs = idleMs;
  }
}

/** HTTP 400. */
export class BadRequestError extends APIError<400, Headers> {}
/** HTTP 401. */
export class AuthenticationError extends APIError<401, Headers> {}
/** HTTP 403. */
export class PermissionDeniedError extends APIError<403, Headers> {}
/** HTTP 404. */
export class NotFoundError extends APIError<404, Headers> {}
/** HTTP 409. */
export class ConflictError extends APIError<409, Headers> {}
/** HTTP 422. */
export class UnprocessableEntityError extends APIError<422, Headers> {}
/** HTTP 429. */
export class RateLimitError extends APIError<429, Headers> {}
/** Any HTTP status >= 500 (including 529 overloaded). */
export class InternalServerError extends APIError<number, Headers> {}

type StatusErrorClass = new (
  status: any,
  error: any,
  message: string | undefined,
  headers: Headers,
) => APIError<number, Headers>;

const STATUS_CLASSES: Record<number, StatusErrorClass> = {
  400: BadRequestError,
  401: AuthenticationError,
  403: PermissionDeniedError,
  404: NotFoundError,
  409: ConflictError,
  422: UnprocessableEntityError,
  429: RateLimitError,
};

import { APIConnectionError, APIConnectionTimeoutError, APIUserAbortError } from './api-errors.js';
import { castToError, isAbortError } from './errors.js';
import { isFetchError, markFetchErrors } from './middleware.js';
import { fetchPinned } from './pinned-fetch.js';
import { backoffMillis, jitter, MAX_RETRY_DELAY_MS, retryAfterMillis, shouldRetryResponse } from './retry.js';
import { cancelBody } from './shims.js';
import { abortableSleep, eitherSignal } from './signals.js';

/** A `fetch`-compatible function. */
export type Fetch = (input: string | URL | Request, init?: RequestInit) => Promise<Response>;

/** One attempt's URL and fetch options (the signal is supplied by `sendWithRetries`). */
export type PreparedAttempt = { url: string; init: RequestInit };

/** What happened before a retry, for logging. */
export type RetryEvent = {
  retryCount: number;
  response?: Response;
  error?: Error;
  delayMs?: number | undefined;
};

/** Inputs of `sendWithRetries`. */
export type SendOptions = {
  method: string;
  maxRetries: number;
  /** Per-attempt time limit (until response headers), in milliseconds. */
  timeout: number;
  /** Aborts everything: attempts in flight and waits between them. */
  signal: AbortSignal;
  fetch: Fetch;
  /** Builds attempt number `retryCount` (0 = first). Errors thrown here are never retried. */
  prepare: (retryCount: number) => Promise<PreparedAttempt>;
  onRetry?: ((event: RetryEvent) => void) | undefined;
  /** The only origin that receives credential headers (see `fetchPinned`). */
  credentialOrigin: string;
  /** Told when credentials are withheld from another origin. */
  onCredentialsWithheld?: ((origin: string) => void) | undefined;
  /**
   * Sends one prepared attempt through `send` (the fetch, credentials pinned), with whatever runs around it: the
   * client's middleware chain and its last step. An error that did not come out of `send` is not retried.
   * Absent: `send` itself.
   */
  exchange?: ((attempt: PreparedAttempt, send: Send) => Promise<Response>) | undefined;
};

/** The fetch an attempt ends in. */
export type Send = (url: string, init: RequestInit) => Promise<Response>;

/** Wraps errors from building a request so the retry policy can tell them from network errors. */
class PrepareError extends Error {
  constructor(readonly inner: unknown) {
    super('request preparation failed');
  }
}

const ALL_METHODS = ['get', 'post', 'put', 'patch', 'delete', 'head', 'options', 'trace'];
const MAX_TIMER_MS = 2_147_483_647;

type KyModule = typeof import('./ky.js');
let kyModule: Promise<KyModule> | undefined;

/**
 * ky is loaded on the first request, not at import: its module body probes `Request` and
 * `FormData`, which makes Node load its whole fetch implementation (undici) and added ~30 ms to
 * `import('@sdkgen/anthropic')`. A literal `import('./ky.js')` stays visible to bundlers.
 */
function loadKy(): Promise<KyModule> {
  kyModule ??= import('./ky.js');
  return kyModule;
}

/** Error names and codes that fetch implementations use for a timeout (undici, Node's net, DOM `TimeoutError`). */
const TIMEOUT_NAMES = new Set([
  'TimeoutError',
  'ConnectTimeoutError',
  'HeadersTimeoutError',
  'BodyTimeoutError',
]);
const TIMEOUT_CODES = new Set([
  'ETIMEDOUT',
  'UND_ERR_CONNECT_TIMEOUT',
  'UND_ERR_HEADERS_TIMEOUT',
  'UND_ERR_BODY_TIMEOUT',
]);

/**
 * True when `err`, or an error in its `cause` chain, is a timeout by its type: its name or code, never its
 * message text (a message may quote a header such as `x-stainless-timeout` without anything having timed out).
 */
function isTimeoutByType(err: unknown): boolean {
  for (let e = err, depth = 0; typeof e === 'object' && e !== null && depth < 5; depth++) {
    const { name, code } = e as { name?: unknown; code?: unknown };
    if (TIMEOUT_NAMES.has(String(name)) || TIMEOUT_CODES.has(String(code))) return true;
    e = (e as { cause?: unknown }).cause;
  }
  return false;
}

function toSDKError(err: unknown, signal: AbortSignal, isTimeoutError: KyModule['isTimeoutError']): unknown {
  if (err instanceof PrepareError) return err.inner;
  if (signal.aborted) return new APIUserAbortError();
  const cause = castToError(err);
  // An abort the caller did not ask for comes from a fetch-level timer, as in 0.74.0.
  if (isTimeoutError(err) || isAbortError(err) || isTimeoutByType(err)) {
    return new APIConnectionTimeoutError({ cause });
  }
  return new APIConnectionError({ cause });
}

/**
 * Sends a request with the SDK's retry policy, using ky for the retry loop and the per-attempt
 * timeout; there is no second loop around it. The backoff (with jitter, or the server-requested
 * delay) is waited in ky's `beforeRetry` hook, where the caller's signal can end it.
 *
 * Status-based retries are decided inside the fetch function ky calls: a retryable response
 * (see `shouldRetryResponse`) is cancelled and ky's own `ForceRetryError` is thrown, after noting
 * the server-requested delay, if any. This does what an `afterResponse` hook returning `ky.retry()`
 * does, without ky cloning (teeing) every response body for the hook, which would slow streaming.
 * Connection errors and timeouts reach ky's `shouldRetry`; errors from `prepare` and aborts are
 * not retried. Resolves with the final response, which may be a non-2xx one.
 */
export async function sendWithRetries(o: SendOptions): Promise<Response> {
  const { default: ky, ForceRetryError, isTimeoutError } = await loadKy();
  let attempts = 0;
  const send: Send = markFetchErrors((url: string, init: RequestInit) =>
    fetchPinned(o.fetch, url, init, o.credentialOrigin, o.onCredentialsWithheld),
  );
  /** The wait before the next attempt, when the server asked for one (`retry-after`). */
  let requestedDelay: number | undefined;
  const prepare = async (retryCount: number): Promise<PreparedAttempt> => {
    try {
      return await o.prepare(retryCount);
    } catch (err) {
      throw new PrepareError(err);
    }
  };
  /** The first attempt, prepared before ky starts so that ky's request takes its URL (built once per attempt). */
  let first: PreparedAttempt | undefined;
  const fetchAttempt = async (request: Request): Promise<Response> => {
    const retryCount = attempts++;
    // The caller aborted while ky waited to retry: stop here (shouldRetry sees the abort and ends the loop).
    if (o.signal.aborted) throw o.signal.reason;
    const prepared = retryCount === 0 && first ? first : await prepare(retryCount);
    const attempt = {
      url: prepared.url,
      init: { ...prepared.init, signal: eitherSignal(request.signal, o.signal) },
    };
    let response: Response;
    if (o.exchange) {
      try {
        response = await o.exchange(attempt, send);
      } catch (err) {
        // A fetch error, or one after an abort or ky's timeout, follows the retry policy; anything else is final.
        if (isFetchError(err) || attempt.init.signal.aborted) throw err;
        throw new PrepareError(err);
      }
    } else {
      response = await send(attempt.url, attempt.init);
    }
    if (!response.ok && retryCount < o.maxRetries && shouldRetryResponse(response)) {
      const delayMs = retryAfterMillis(response.headers);
      o.onRetry?.({ retryCount, response, delayMs });
      void cancelBody(response.body);
      requestedDelay = delayMs;
      throw new ForceRetryError();
    }
    return response;
  };

  // ky gets no signal of ours: given one, it would combine it with its own through `AbortSignal.any` on every
  // request (tens of microseconds in Node 20). Each attempt's fetch follows both signals instead, and the wait
  // between attempts happens in a `beforeRetry` hook that the caller's signal can cut short; ky's own wait,
  // which only a signal given to ky could cut short, is zero.
  const beforeRetry = async ({ retryCount }: { retryCount: number }) => {
    const delayMs = requestedDelay ?? Math.min(jitter(backoffMillis(retryCount)), MAX_RETRY_DELAY_MS);
    requestedDelay = undefined;
    await abortableSleep(Math.min(delayMs, MAX_TIMER_MS), o.signal);
  };
  try {
    first = await prepare(0);
    return await ky(first.url, {
      method: o.method,
      timeout: Math.min(o.timeout, MAX_TIMER_MS),
      throwHttpErrors: false,
      fetch: fetchAttempt as typeof fetch,
      hooks: { beforeRetry: [beforeRetry] },
      retry: {
        limit: o.maxRetries,
        methods: ALL_METHODS as any,
        statusCodes: [],
        afterStatusCodes: [],
        delay: () => 0,
        shouldRetry: ({ error, retryCount }) => {
          if (error instanceof PrepareError || o.signal.aborted) return false;
          o.onRetry?.({ retryCount: retryCount - 1, error });
          return true;
        },
      },
    });
  } catch (err) {
    throw toSDKError(err, o.signal, isTimeoutError);
  }
}

/**
 * The retry policy, as pure functions over responses and attempt numbers. `http.ts` plugs them
 * into ky's `retry` option.
 */

/** First backoff delay in milliseconds. */
export const INITIAL_RETRY_DELAY_MS = 500;
/** Cap on the exponential backoff delay in milliseconds. */
export const MAX_RETRY_DELAY_MS = 8_000;
/** Server-requested waits at or above this are ignored in favour of the backoff. */
export const MAX_RETRY_AFTER_MS = 60_000;

/**
 * Whether a failed response should be retried: `x-should-retry: true|false` wins; otherwise 408,
 * 409, 429 and every status >= 500 (529 "overloaded" included) are retried.
 */
export function shouldRetryResponse(response: Response): boolean {
  const explicit = response.headers.get('x-should-retry');
  if (explicit === 'true') return true;
  if (explicit === 'false') return false;
  const { status } = response;
  return status === 408 || status === 409 || status === 429 || status >= 500;
}

/**
 * The wait the server asked for: `retry-after-ms` (milliseconds), else `retry-after` as seconds
 * or an HTTP date. Returns `undefined` when absent, unparsable, negative, or a minute or more,
 * in which case the exponential backoff applies.
 */
export function retryAfterMillis(headers: Headers): number | undefined {
  let ms: number | undefined;
  const afterMs = headers.get('retry-after-ms');
  if (afterMs) {
    const parsed = Number.parseFloat(afterMs);
    if (!Number.isNaN(parsed)) ms = parsed;
  }
  const after = headers.get('retry-after');
  if (ms === undefined && after) {
    const seconds = Number.parseFloat(after);
    ms = Number.isNaN(seconds) ? Date.parse(after) - Date.now() : seconds * 1000;
  }
  if (ms === undefined || Number.isNaN(ms) || ms < 0 || ms >= MAX_RETRY_AFTER_MS) return undefined;
  return ms;
}

/** Backoff before retry number `attempt` (1-based): 0.5 s doubling, capped at 8 s, before jitter. */
export function backoffMillis(attempt: number): number {
  return Math.min(INITIAL_RETRY_DELAY_MS * 2 ** (attempt - 1), MAX_RETRY_DELAY_MS);
}

/** Jitter that keeps 75-100% of the delay, so clients spread out without waiting much less. */
export function jitter(delayMs: number): number {
  return delayMs * (1 - Math.random() * 0.25);
}

/**
 * How a middleware chain runs (the types are in `request-options.ts`):
 * - order: the client's middleware, then the request's, then the client's last step: `prepareRequest` (where
 *   platform clients sign) and `fetch`. What a middleware changes is what gets signed and sent;
 * - once per attempt: the SDK's retries run the whole chain again (`ctx.retryCount` counts them), and a
 *   retryable status is judged on the response the chain returns;
 * - errors: one thrown by `fetch` itself (a connection error, a timeout, an abort) follows the SDK's retry policy,
 *   as without middleware; any other (thrown by a middleware or by `prepareRequest`) is not retried and reaches
 *   the caller as it was thrown;
 * - responses pass through as they are: a streaming body is neither read nor buffered on the way;
 * - the attempt's `timeout` covers the whole chain, middleware included.
 *
 * Why not ky's hooks: `beforeRequest` and `afterResponse` run once per ky call around a `Request` object; no hook
 * can call the rest of the chain again or wrap the fetch, and an `afterResponse` hook makes ky clone (tee) every
 * response body, which would cost streaming its speed. The chain runs instead in the `fetch` that ky calls for
 * each attempt, inside ky's retry loop (`http.ts`).
 */

import type { Middleware, MiddlewareContext, MiddlewareNext } from './request-options.js';

const fromFetch = new WeakSet<object>();

/** True when `err` came out of `fetch` itself (and so follows the retry policy), not out of a middleware. */
export function isFetchError(err: unknown): boolean {
  return typeof err === 'object' && err !== null && fromFetch.has(err);
}

/** `send`, with every error it throws marked as a fetch error. */
export function markFetchErrors<A extends unknown[]>(
  send: (...args: A) => Promise<Response>,
): (...args: A) => Promise<Response> {
  return async (...args) => {
    try {
      return await send(...args);
    } catch (err) {
      if (typeof err === 'object' && err !== null) fromFetch.add(err);
      throw err;
    }
  };
}

/** The chain's entry: `middleware` in order around `last`, all sharing `ctx`. */
export function composeMiddleware(
  middleware: readonly Middleware[],
  last: MiddlewareNext,
  ctx: MiddlewareContext,
): MiddlewareNext {
  let next = last;
  for (let i = middleware.length - 1; i >= 0; i--) {
    const step = middleware[i]!;
    const inner = next;
    next = (request) => step(request, inner, ctx);
  }
  return next;
}

import type { Fetch } from './http.js';

/**
 * One `fetch` that `controller` aborts after `ms` milliseconds, or as soon as the caller's own `init.signal`
 * aborts. The timer is cleared once the response headers arrive (or the fetch fails), so reading the body is not
 * limited by it. A `ReadableStream` body is sent with `duplex: 'half'`, which Node's fetch requires for streams.
 */
export async function fetchWithTimeout(
  fetch: Fetch,
  url: string | URL | Request,
  init: RequestInit | undefined,
  ms: number,
  controller: AbortController,
): Promise<Response> {
  const { signal, ...rest } = init ?? {};
  const abort = () => controller.abort(signal?.reason);
  if (signal?.aborted) abort();
  else signal?.addEventListener('abort', abort, { once: true });
  const timer = setTimeout(() => controller.abort(), ms);
  const streamed = typeof ReadableStream !== 'undefined' && rest.body instanceof ReadableStream;
  const request = { ...rest, signal: controller.signal, ...(streamed ? { duplex: 'half' } : {}) };
  try {
    return await fetch(url, request as RequestInit);
  } finally {
    clearTimeout(timer);
    signal?.removeEventListener('abort', abort);
  }
}

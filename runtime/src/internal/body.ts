import { SDKError } from './api-errors.js';
import { buildHeaders, type HeadersLike } from './headers.js';
import { ReadableStreamFrom } from './shims.js';

/** A request body ready for `fetch`, plus the headers its encoding implies. */
export type EncodedBody = { bodyHeaders: HeadersLike; body: BodyInit | undefined };

const isReadableStream = (value: unknown): value is ReadableStream =>
  typeof ReadableStream !== 'undefined' && value instanceof ReadableStream;

function isIterableBody(body: object): boolean {
  return (
    Symbol.asyncIterator in body ||
    (Symbol.iterator in body && 'next' in body && typeof (body as { next?: unknown }).next === 'function')
  );
}

/**
 * Chooses how a request body goes on the wire: bytes, Blobs, `FormData`, `URLSearchParams` and
 * streams pass through (fetch sets their content type); a string passes through when the caller
 * set a content type; async iterables become a `ReadableStream`; anything else is JSON.
 */
export function encodeBody(body: unknown, rawHeaders: HeadersLike): EncodedBody {
  if (body === undefined || body === null) return { bodyHeaders: undefined, body: undefined };
  if (
    ArrayBuffer.isView(body) ||
    body instanceof ArrayBuffer ||
    (typeof body === 'string' && buildHeaders([rawHeaders]).values.has('content-type')) ||
    (typeof Blob !== 'undefined' && body instanceof Blob) ||
    body instanceof FormData ||
    body instanceof URLSearchParams ||
    isReadableStream(body)
  ) {
    return { bodyHeaders: undefined, body: body as BodyInit };
  }
  if (typeof body === 'object' && isIterableBody(body)) {
    return { bodyHeaders: undefined, body: ReadableStreamFrom(body as AsyncIterable<Uint8Array>) };
  }
  return { bodyHeaders: { 'content-type': 'application/json' }, body: JSON.stringify(body) };
}

/** True when `fetch` needs `duplex: 'half'` to send `body`. */
export const needsDuplex = (body: unknown): boolean => isReadableStream(body);

/** Encodes primitive query values; `undefined` is dropped, `null` becomes an empty value. */
export function stringifyQuery(query: Record<string, unknown>): string {
  const parts: string[] = [];
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined) continue;
    if (value === null) {
      parts.push(`${encodeURIComponent(key)}=`);
    } else if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') {
      parts.push(`${encodeURIComponent(key)}=${encodeURIComponent(value)}`);
    } else {
      throw new SDKError(
        `Cannot stringify type ${typeof value}; expected string, number, boolean, or null. ` +
          `Encode nested values yourself, e.g. { 'foo[key1]': value1 }.`,
      );
    }
  }
  return parts.join('&');
}

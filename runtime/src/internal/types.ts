/** Shared private type aliases. */

/** A value, or a promise of one. */
export type PromiseOrValue<T> = T | Promise<T>;

/** HTTP methods the client issues, lower-cased as in generated code. */
export type HTTPMethod = 'get' | 'post' | 'put' | 'patch' | 'delete';

/** A `RequestInit` whose headers have already been merged into a `Headers` object. */
export type FinalizedRequestInit = RequestInit & { headers: Headers };

/**
 * Extra `fetch` options a caller may pass through (`dispatcher`, `keepalive`, ...).
 * `body`, `headers`, `method` and `signal` are owned by the client and cannot be overridden here.
 */
export type MergedRequestInit = Omit<RequestInit, 'body' | 'headers' | 'method' | 'signal'> &
  Record<string, unknown>;

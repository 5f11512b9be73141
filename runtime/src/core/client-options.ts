import type { HeadersLike } from '../internal/headers.js';
import type { Fetch } from '../internal/http.js';
import type { Middleware } from '../internal/request-options.js';
import type { MergedRequestInit } from '../internal/types.js';
import type { Logger, LogLevel } from '../internal/utils/log.js';

/** An async source of API keys, called before every request (for rotation). */
export type ApiKeySetter = () => Promise<string>;

/**
 * Options of the client's constructor (and of `BaseClient` subclasses).
 *
 * @example
 * ```ts
 * const client = new Client({ maxRetries: 4, timeout: 60_000, logLevel: 'info' });
 * ```
 */
export interface ClientOptions {
  /**
   * @credential API key sent as `X-Example-Key`; a function is called before each request and must resolve to a
   * non-empty string.
   * @default process.env['EXAMPLE_API_KEY'] ?? null
   */
  apiKey?: string | ApiKeySetter | null | undefined;
  /**
   * @credential Token sent as `Authorization: Bearer <token>`.
   * @default process.env['EXAMPLE_AUTH_TOKEN'] ?? null
   */
  authToken?: string | ApiKeySetter | null | undefined;
  /**
   * Base URL of the API.
   * @default process.env['EXAMPLE_BASE_URL'] ?? 'https://api.example.com'
   */
  baseURL?: string | null | undefined;
  /**
   * Milliseconds each attempt may take, from sending the request to the end of a non-streaming body (for
   * streams and downloads: until the headers; `idleTimeout` guards their body). Timeouts before the headers are
   * retried.
   * @default 600000 (10 minutes)
   */
  timeout?: number | undefined;
  /**
   * Milliseconds a response body (a stream, a download, a JSON body) may go without sending a byte while it is
   * being read; past that the read fails with `APIIdleTimeoutError` and the connection is closed. Two minutes is
   * far longer than any healthy gap (the API sends `ping` events while the model thinks, and non-streaming
   * bodies arrive all at once after their headers) and far shorter than anyone waits for a dead connection.
   * `0` turns the check off.
   * @default 120000 (2 minutes)
   */
  idleTimeout?: number | undefined;
  /** Extra `fetch` options for every request; per-request `fetchOptions` override them. */
  fetchOptions?: MergedRequestInit | undefined;
  /** `fetch` implementation. @default globalThis.fetch */
  fetch?: Fetch | undefined;
  /**
   * Functions around every HTTP attempt, in order, before any per-request `middleware`: each may change the
   * request, answer it, call `next` again, or replace the response. Kept by `withOptions()`.
   */
  middleware?: readonly Middleware[] | undefined;
  /**
   * Retries after a connection error, timeout, 408, 409, 429 or >= 500.
   * @default 2
   */
  maxRetries?: number | undefined;
  /** Headers sent with every request; a per-request `null` removes one. */
  defaultHeaders?: HeadersLike | undefined;
  /** Query parameters sent with every request; a per-request `undefined` removes one. */
  defaultQuery?: Record<string, string | undefined> | undefined;
  /**
   * Allow running in a browser, which exposes your credentials to the page's users.
   * @default false
   */
  dangerouslyAllowBrowser?: boolean | undefined;
  /**
   * Log level.
   * @default process.env['EXAMPLE_LOG'] ?? 'warn'
   */
  logLevel?: LogLevel | undefined;
  /**
   * Logger; secrets are masked in every line.
   * @default globalThis.console
   */
  logger?: Logger | undefined;
}

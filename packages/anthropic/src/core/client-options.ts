import type { HeadersLike } from '../internal/headers.js';
import type { Fetch } from '../internal/http.js';
import type { MergedRequestInit } from '../internal/types.js';
import type { Logger, LogLevel } from '../internal/utils/log.js';

/** An async source of API keys, called before every request (for rotation). */
export type ApiKeySetter = () => Promise<string>;

/**
 * Options of `new Anthropic(...)` (and of `BaseAnthropic` subclasses).
 *
 * @example
 * ```ts
 * const client = new Anthropic({ apiKey: 'sk-...', maxRetries: 4, timeout: 60_000, logLevel: 'info' });
 * ```
 */
export interface ClientOptions {
  /**
   * API key sent as `x-api-key`; a function is called before each request and must resolve to a
   * non-empty string.
   * @default process.env['ANTHROPIC_API_KEY'] ?? null
   */
  apiKey?: string | ApiKeySetter | null | undefined;
  /**
   * Token sent as `Authorization: Bearer <token>`.
   * @default process.env['ANTHROPIC_AUTH_TOKEN'] ?? null
   */
  authToken?: string | null | undefined;
  /**
   * Base URL of the API.
   * @default process.env['ANTHROPIC_BASE_URL'] ?? 'https://api.anthropic.com'
   */
  baseURL?: string | null | undefined;
  /**
   * Milliseconds to wait for response headers, per attempt (timeouts are retried).
   * @default 600000 (10 minutes)
   */
  timeout?: number | undefined;
  /** Extra `fetch` options for every request; per-request `fetchOptions` override them. */
  fetchOptions?: MergedRequestInit | undefined;
  /** `fetch` implementation. @default globalThis.fetch */
  fetch?: Fetch | undefined;
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
   * @default process.env['ANTHROPIC_LOG'] ?? 'warn'
   */
  logLevel?: LogLevel | undefined;
  /**
   * Logger; secrets are masked in every line.
   * @default globalThis.console
   */
  logger?: Logger | undefined;
}

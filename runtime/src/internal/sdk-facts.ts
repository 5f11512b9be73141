/**
 * The facts of one SDK that the runtime reads: its name, where requests go, which credentials it takes and how
 * they travel, the headers every request carries, what its event streams look like.
 *
 * This copy describes an imaginary "Example" API and is what the runtime's own tests run against. The generator
 * writes each SDK's copy from that SDK's config (`client` in `sdk.config.yaml`), so the runtime itself names no
 * API: nothing else in `core/` or `internal/` holds a base URL, an env var, a header name or an event name.
 */

/** One client option that carries a credential. */
export interface CredentialFact {
  /** Client option (and client property) holding it: `apiKey`. */
  readonly option: string;
  /** Protected client method that turns it into headers (subclasses may override it). */
  readonly method: string;
  /** Env var read when the option is not passed. */
  readonly env?: string;
  /** Header it is sent in. */
  readonly header: string;
  /** Header value, `{value}` replaced by the credential: `Bearer {value}`. */
  readonly format: string;
}

/** A non-streaming request whose token budget implies a long generation must stream instead. */
export interface NonStreamingLimit {
  /** Timeout used when the request is allowed. */
  readonly defaultMs: number;
  /** `tokensPerMaxTime` tokens take this long (absent: only the per-model caps apply). */
  readonly maxTimeMs?: number;
  readonly tokensPerMaxTime?: number;
  /** Error message when streaming is required. */
  readonly errorMessage: string;
}

export interface SDKFacts {
  /** Client class name, as users write it (`new Example(...)`). */
  readonly clientName: string;
  readonly baseURL: string;
  readonly baseURLEnv?: string;
  readonly logLevelEnv?: string;
  readonly timeoutMs: number;
  readonly maxRetries: number;
  readonly credentials: readonly CredentialFact[];
  /** Sent with every request, before the client's `defaultHeaders`. */
  readonly defaultHeaders: Readonly<Record<string, string>>;
  /** Header set to `true` when the client was created with `dangerouslyAllowBrowser`. */
  readonly browserAccessHeader?: string;
  /** Response header with the request id (`APIError.requestID`, `_request_id`). */
  readonly requestIdHeader?: string;
  /**
   * SSE event names whose data the stream yields as JSON; other events (keep-alives) are skipped. Absent: every
   * event but `error` is yielded.
   */
  readonly streamEvents?: readonly string[];
  /** `error.type` values of a stream's first `error` event that are retried like a 529. */
  readonly streamRetryableErrors: readonly string[];
  readonly nonStreamingLimit?: NonStreamingLimit;
}

export const SDK: SDKFacts = {
  clientName: 'Example',
  baseURL: 'https://api.example.com',
  baseURLEnv: 'EXAMPLE_BASE_URL',
  logLevelEnv: 'EXAMPLE_LOG',
  timeoutMs: 600_000,
  maxRetries: 2,
  credentials: [
    {
      option: 'apiKey',
      method: 'apiKeyAuth',
      env: 'EXAMPLE_API_KEY',
      header: 'X-Example-Key',
      format: '{value}',
    },
    {
      option: 'authToken',
      method: 'bearerAuth',
      env: 'EXAMPLE_AUTH_TOKEN',
      header: 'Authorization',
      format: 'Bearer {value}',
    },
  ],
  defaultHeaders: { 'example-version': '2024-01-01' },
  browserAccessHeader: 'example-dangerous-direct-browser-access',
  requestIdHeader: 'x-example-request-id',
  streamRetryableErrors: ['temporarily_unavailable'],
  nonStreamingLimit: {
    defaultMs: 600_000,
    maxTimeMs: 3_600_000,
    tokensPerMaxTime: 128_000,
    errorMessage: 'Streaming is required for requests that may take longer than 10 minutes.',
  },
};

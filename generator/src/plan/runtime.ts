import type { ResolvedConfig } from '../config/index.js';

/** A credential option of the client, as the runtime's `internal/sdk-facts.ts` describes it. */
export interface PlannedCredential {
  option: string;
  method: string;
  env?: string;
  header: string;
  format: string;
}

/**
 * What instantiating the runtime for one SDK needs: the names its classes take, and the facts the runtime reads
 * (the shape of `SDK` in the runtime's `internal/sdk-facts.ts`).
 */
export interface PlannedRuntime {
  /** Runtime identifier -> this SDK's name (`BaseClient` -> `BaseAnthropic`, `SDKError` -> `AnthropicError`). */
  renames: Record<string, string>;
  clientName: string;
  facts: {
    clientName: string;
    baseURL: string;
    baseURLEnv?: string;
    logLevelEnv?: string;
    timeoutMs: number;
    maxRetries: number;
    credentials: PlannedCredential[];
    defaultHeaders: Record<string, string>;
    browserAccessHeader?: string;
    requestIdHeader?: string;
    streamEvents?: string[];
    streamRetryableErrors: string[];
    nonStreamingLimit?: {
      defaultMs: number;
      maxTimeMs?: number;
      tokensPerMaxTime?: number;
      errorMessage: string;
    };
  };
  /** The package version (`src/version.ts`, read by the user agent). */
  version: string;
  /** Static string members of the base class (config constants marked `static`). */
  statics: { name: string; value: string }[];
}

/** Defaults of a config that leaves them out. */
const DEFAULT_TIMEOUT_MS = 60_000;
const DEFAULT_MAX_RETRIES = 2;

/**
 * Plans the runtime instance of one SDK from its config: names, base URL, env vars, credentials, headers,
 * stream facts and the non-streaming limit of the first computed timeout policy.
 */
export function planRuntime(
  config: ResolvedConfig,
  serverURL: string | undefined,
  version: string,
): PlannedRuntime {
  const c = config.client;
  const limit = Object.values(config.timeouts).find((t) => t.maxTokensParam !== undefined);
  const opt = <K extends string, V>(key: K, value: V | undefined) =>
    (value === undefined ? {} : { [key]: value }) as Partial<Record<K, V>>;
  return {
    renames: { BaseClient: c.baseClassName, SDKError: c.errorClass ?? `${c.className}Error` },
    clientName: c.className,
    facts: {
      clientName: c.className,
      baseURL: c.baseURL?.default ?? serverURL ?? '',
      ...opt('baseURLEnv', c.baseURL?.env),
      ...opt('logLevelEnv', c.logLevelEnv),
      timeoutMs: c.timeoutMs ?? DEFAULT_TIMEOUT_MS,
      maxRetries: c.maxRetries ?? DEFAULT_MAX_RETRIES,
      credentials: c.auth.map((a) => ({
        option: a.option,
        method: a.method ?? `${a.option}Auth`,
        ...opt('env', a.env),
        header: a.header,
        format: a.format,
      })),
      defaultHeaders: c.defaultHeaders,
      ...opt('browserAccessHeader', c.browserAccessHeader),
      ...opt('requestIdHeader', c.requestIdHeader),
      ...opt('streamEvents', c.streamEvents),
      streamRetryableErrors: c.streamRetryableErrors,
      ...(limit
        ? {
            nonStreamingLimit: {
              defaultMs: limit.defaultMs ?? c.timeoutMs ?? DEFAULT_TIMEOUT_MS,
              ...opt('maxTimeMs', limit.maxTimeMs),
              ...opt('tokensPerMaxTime', limit.tokensPerMaxTime),
              errorMessage:
                limit.errorMessage ?? 'Streaming is required for requests that may take this long.',
            },
          }
        : {}),
    },
    version,
    statics: c.constants.filter((k) => k.static).map((k) => ({ name: k.name, value: k.value })),
  };
}

import { APIConnectionTimeoutError, type APIError, APIIdleTimeoutError, SDKError } from './api-errors.js';
import { type BodyGuard, guardBody } from './body-guard.js';
import { castToError, maskSecrets, maskSecretsInError } from './errors.js';
import { type Fetch, type RetryEvent, sendWithRetries } from './http.js';
import { composeMiddleware } from './middleware.js';
import type { APIResponseProps } from './parse.js';
import type { APIRequest, FinalRequestOptions, Middleware, MiddlewareContext } from './request-options.js';
import { backoffMillis, jitter } from './retry.js';
import { abortableSleep } from './signals.js';
import { peekStreamStart } from './stream-start.js';
import type { FinalizedRequestInit } from './types.js';
import { formatRequestDetails, type LogSource, loggerFor, logLevelEnabled } from './utils/log.js';
import { safeJSON } from './utils/values.js';

/** The client members `executeRequest` uses (protected hooks are passed in as callbacks). */
export type RequestHost = LogSource & {
  timeout: number;
  baseURL: string;
  buildURL(path: string, query: Record<string, unknown> | null | undefined, defaultBaseURL?: string): string;
  buildRequest(
    options: FinalRequestOptions,
    ctx: { retryCount?: number },
  ): Promise<{ req: FinalizedRequestInit; url: string; timeout: number }>;
  _secrets(): string[];
};

/** Per-request pieces the client supplies. */
export type ExecuteHooks = {
  maxRetries: number;
  /** Milliseconds a body may wait for bytes while read (`0`: no limit). */
  idleTimeout: number;
  /** Called once per attempt sent. */
  onAttempt?: (() => void) | undefined;
  fetch: Fetch;
  /** The client's last step before `fetch`, after all middleware (platform clients sign here). */
  prepareRequest(req: RequestInit, ctx: { url: string; options: FinalRequestOptions }): Promise<void>;
  /** The call's middleware (client's, then request's) and the context each attempt's chain shares. */
  middleware?: { steps: readonly Middleware[]; context(retryCount: number): MiddlewareContext } | undefined;
  makeStatusError(status: number, error: Object, message: string | undefined, headers: Headers): APIError;
};

const newLogID = () => `log_${((Math.random() * (1 << 24)) | 0).toString(16).padStart(6, '0')}`;

const origins = new WeakMap<RequestHost, { key: string; origin: string }>();

/** The origin of the client's base URL (the one that gets credentials), parsed once per base URL. */
function credentialOriginOf(host: RequestHost, defaultBaseURL: string | undefined): string {
  const key = `${host.baseURL} ${defaultBaseURL ?? ''}`;
  const cached = origins.get(host);
  if (cached?.key === key) return cached.origin;
  const origin = new URL(host.buildURL('/', null, defaultBaseURL)).origin;
  origins.set(host, { key, origin });
  return origin;
}

/**
 * Runs one logical request: per-attempt `buildRequest` + `prepareRequest`, retries and timeouts
 * through `sendWithRetries`, logging with secrets masked, and an `APIError` for a final non-2xx.
 */
export async function executeRequest(
  host: RequestHost,
  options: FinalRequestOptions,
  hooks: ExecuteHooks,
): Promise<APIResponseProps> {
  const log = loggerFor(host);
  // Formatting a debug record copies the headers; skip it unless debug logging is on.
  const debug = logLevelEnabled(host, 'debug');
  const requestLogID = newLogID();
  const startTime = Date.now();
  const controller = new AbortController();
  const signal = options.signal ? AbortSignal.any([options.signal, controller.signal]) : controller.signal;
  /** The URL of the latest attempt, as `buildRequest` built it (the only place a request's URL is built). */
  let url = options.path;
  let attemptStart = startTime;
  let attemptCount = 0;
  let attemptTimeout = options.timeout ?? host.timeout;

  const unguarded = await sendWithRetries({
    method: options.method,
    maxRetries: hooks.maxRetries,
    timeout: options.timeout ?? host.timeout,
    signal,
    fetch: hooks.fetch,
    prepare: async (retryCount) => {
      hooks.onAttempt?.();
      const built = await host.buildRequest(options, { retryCount });
      const { req, timeout } = built;
      url = built.url;
      attemptStart = Date.now();
      attemptTimeout = timeout;
      attemptCount = retryCount;
      return { url, init: req };
    },
    exchange: async (attempt, send) => {
      const retryCount = attemptCount;
      // The client's last step: prepareRequest (platform signing) on the request as the chain passes it on.
      const last = async ({ url: target, ...rest }: APIRequest): Promise<Response> => {
        const init = rest as RequestInit;
        await hooks.prepareRequest(init, { url: target, options });
        if (debug) {
          log.debug(
            `[${requestLogID}] sending request`,
            formatRequestDetails({
              method: init.method,
              url: target,
              options,
              headers: new Headers(init.headers),
              retryOf: retryCount ? requestLogID : undefined,
            }),
          );
        }
        return send(target, init);
      };
      const headers = attempt.init.headers;
      const request = {
        ...attempt.init,
        url: attempt.url,
        headers: headers instanceof Headers ? headers : new Headers(headers),
      };
      const chain = hooks.middleware;
      if (!chain?.steps.length) return last(request);
      const response = await composeMiddleware(chain.steps, last, chain.context(retryCount))(request);
      if (response.bodyUsed || response.body?.locked) {
        throw new SDKError(
          'middleware consumed the response body; read response.clone() to inspect it, or return new Response(body, response) to replace it',
        );
      }
      return response;
    },
    onRetry: (event) => logRetry(host, requestLogID, event, hooks.maxRetries, startTime),
    credentialOrigin: credentialOriginOf(host, options.defaultBaseURL),
    onCredentialsWithheld: (origin) =>
      log.warn(`[${requestLogID}] credentials not sent to ${origin}: it is not the client's base URL origin`),
  }).catch((err: unknown) => {
    maskSecretsInError(err, host._secrets());
    log.info(
      `[${requestLogID}] ${options.method.toUpperCase()} ${url} failed: ${castToError(err).name}; no more retries`,
    );
    throw err;
  });
  const { response, bodyGuard } = guardResponse(
    unguarded,
    options,
    hooks.idleTimeout,
    attemptStart + attemptTimeout,
  );

  const elapsed = Date.now() - startTime;
  if (logLevelEnabled(host, 'info')) {
    log.info(
      `[${requestLogID}] ${options.method.toUpperCase()} ${url} ${response.ok ? 'succeeded' : 'failed'} with status ${response.status} in ${elapsed}ms`,
    );
  }
  if (!response.ok) throw await statusError(host, hooks, response);
  if (debug) {
    log.debug(
      `[${requestLogID}] response start`,
      formatRequestDetails({
        url: response.url,
        status: response.status,
        headers: response.headers,
        durationMs: elapsed,
      }),
    );
  }
  return {
    response,
    options,
    controller,
    requestLogID,
    retryOfRequestLogID: undefined,
    startTime,
    bodyGuard,
  };
}

/**
 * `executeRequest`, plus retry before content for server-sent event streams: a stream whose first event is a
 * transient error (`overloaded_error`, `api_error`) has delivered nothing, so it is retried like a 529, within
 * the same `maxRetries` budget and with the same backoff. Once any other event has arrived, errors surface as
 * they come.
 */
export async function executeWithStreamRetry(
  host: RequestHost,
  options: FinalRequestOptions,
  hooks: ExecuteHooks,
): Promise<APIResponseProps> {
  if (!options.stream || options.__binaryResponse) return executeRequest(host, options, hooks);
  let attempts = 0;
  const counted = { ...hooks, onAttempt: () => attempts++ };
  for (;;) {
    const props = await executeRequest(host, options, {
      ...counted,
      maxRetries: hooks.maxRetries - attempts,
    });
    if (attempts > hooks.maxRetries) return props;
    const start = await peekStreamStart(props.response);
    if (!start.retryable) return { ...props, response: start.response };
    const delayMs = jitter(backoffMillis(attempts));
    loggerFor(host).info(
      `[${props.requestLogID}] stream opened with a transient error event - retrying in ${Math.round(delayMs)}ms, ${hooks.maxRetries + 1 - attempts} attempts remaining`,
    );
    await abortableSleep(delayMs, options.signal);
  }
}

/**
 * A streaming or binary body is held to the idle limit only; any other body must also be read by the end of
 * the attempt's `timeout`, which then covers the whole exchange and not just the wait for headers.
 */
function bodyGuardFor(streaming: boolean, idleMs: number, deadlineAt: number): BodyGuard | undefined {
  if (streaming && idleMs <= 0) return undefined;
  return {
    idleMs: idleMs > 0 ? idleMs : undefined,
    deadlineAt: streaming ? undefined : deadlineAt,
    idleError: () => new APIIdleTimeoutError({ idleMs }),
    deadlineError: () => new APIConnectionTimeoutError(),
  };
}

/**
 * A stream (and an error body, read right here) is guarded now by a wrapper; a successful non-streaming body
 * only when it is read (see `APIResponseProps.bodyGuard`), which spares each JSON response a second stream.
 */
function guardResponse(
  response: Response,
  options: FinalRequestOptions,
  idleMs: number,
  deadlineAt: number,
): { response: Response; bodyGuard?: BodyGuard | undefined } {
  const streaming = Boolean(options.stream || options.__binaryResponse);
  const guard = bodyGuardFor(streaming, idleMs, deadlineAt);
  if (!guard) return { response };
  if (streaming || !response.ok) return { response: guardBody(response, guard) };
  return { response, bodyGuard: guard };
}

async function statusError(host: RequestHost, hooks: ExecuteHooks, response: Response): Promise<APIError> {
  const secrets = host._secrets();
  // An error body or header could echo a credential back; never let it into the error.
  const text = maskSecrets(await response.text().catch((err: unknown) => castToError(err).message), secrets);
  const json = safeJSON(text);
  return hooks.makeStatusError(
    response.status,
    json,
    json ? undefined : text,
    maskedHeaders(response.headers, secrets),
  );
}

/** `headers` itself, or a copy with every secret in a value replaced by `***` when one appears. */
function maskedHeaders(headers: Headers, secrets: readonly string[]): Headers {
  let masked: Headers | undefined;
  headers.forEach((value, name) => {
    const clean = maskSecrets(value, secrets);
    if (clean === value) return;
    masked ??= new Headers(headers);
    masked.set(name, clean);
  });
  return masked ?? headers;
}

function logRetry(
  host: RequestHost,
  id: string,
  event: RetryEvent,
  maxRetries: number,
  startTime: number,
): void {
  const what = event.response
    ? `failed with status ${event.response.status}`
    : `connection failed (${event.error?.name ?? 'error'})`;
  loggerFor(host).info(
    `[${id}] attempt ${event.retryCount + 1} ${what} after ${Date.now() - startTime}ms - retrying, ${maxRetries - event.retryCount} attempts remaining`,
  );
}

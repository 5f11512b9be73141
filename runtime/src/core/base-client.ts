import { callApiKeySetter } from '../internal/auth.js';
import { encodeBody, needsDuplex, stringifyQuery } from '../internal/body.js';
import { executeWithStreamRetry } from '../internal/execute.js';
import { fetchWithTimeout } from '../internal/fetch-with-timeout.js';
import { buildHeaders, type HeadersLike, type NullableHeaders } from '../internal/headers.js';
import type { Fetch } from '../internal/http.js';
import { type APIResponseProps, defaultParseResponse } from '../internal/parse.js';
import { composeRequestHeaders } from '../internal/request-headers.js';
import type {
  FinalRequestOptions,
  Middleware,
  MiddlewareContext,
  RequestOptions,
} from '../internal/request-options.js';
import { type CredentialFact, SDK } from '../internal/sdk-facts.js';
import type {
  FinalizedRequestInit,
  HTTPMethod,
  MergedRequestInit,
  PromiseOrValue,
} from '../internal/types.js';
import { buildURLWithQuery } from '../internal/url.js';
import { readEnv } from '../internal/utils/env.js';
import { type Logger, type LogLevel, loggerFor, parseLogLevel } from '../internal/utils/log.js';
import { uuid4 } from '../internal/utils/uuid.js';
import { isEmptyObj, validatePositiveInteger } from '../internal/utils/values.js';
import { VERSION } from '../version.js';
import { type AbstractPage, PagePromise } from './abstract-page.js';
import { APIPromise } from './api-promise.js';
import type { ApiKeySetter, ClientOptions } from './client-options.js';
import * as Errors from './error.js';
import { Stream } from './streaming.js';
import { toFile } from './uploads.js';

export type { Logger, LogLevel } from '../internal/utils/log.js';
export type { ApiKeySetter, ClientOptions } from './client-options.js';

const DEFAULT_BASE_URL = SDK.baseURL;
const isRunningInBrowser = (): boolean =>
  typeof window !== 'undefined' && typeof window.document !== 'undefined' && typeof navigator !== 'undefined';

/**
 * The hand-written half of the client: configuration, auth, request building, retries (through
 * ky), logging and response parsing. The generated client class extends it with resources. What is specific to
 * one API (base URL, env vars, credentials and their headers) comes from `internal/sdk-facts.ts`.
 *
 * Subclasses in other packages (Bedrock, Vertex, ...) customise it through these hooks:
 * - `prepareOptions(options)`: rewrite path/query/body once, before any attempt (e.g. move
 *   `model` from the body into the path).
 * - `buildRequest(options, { retryCount })`: returns `{ req, url, timeout }` for one attempt;
 *   override to rewrite the final URL or body.
 * - `prepareRequest(req, { url, options })`: async, per attempt, after the URL, headers and body
 *   are final; mutate `req.headers` here to sign the request (e.g. AWS SigV4).
 * - `authHeaders(options)` / `validateHeaders(headers)`: replace or relax API-key auth.
 * - `makeStream(props)`: turn a successful streaming response into a `Stream` (e.g. decode AWS
 *   event-stream frames and hand events to `Stream.fromServerSentEvents`).
 *
 * @example
 * ```ts
 * class MyClient extends BaseClient {
 *   protected override async prepareRequest(req: RequestInit, { url }: { url: string }) {
 *     (req.headers as Headers).set('x-signature', await sign(url, req.body));
 *   }
 * }
 * ```
 */
export class BaseClient {
  /** @credential API key, sent as `X-Example-Key`. */
  apiKey: string | null = null;
  /** @credential Bearer token, sent as `Authorization: Bearer <token>`. */
  authToken: string | null = null;
  baseURL: string;
  maxRetries: number;
  timeout: number;
  logger: Logger;
  logLevel: LogLevel | undefined;
  fetchOptions: MergedRequestInit | undefined;
  /** Runs around every attempt of every request, before per-request middleware (see `ClientOptions.middleware`). */
  readonly middleware: readonly Middleware[];

  protected fetch: Fetch;
  /** Header carrying an idempotency key on non-GET requests, when set by a subclass. */
  protected idempotencyHeader?: string;
  protected _options: ClientOptions;
  /** Credential options given as functions, called before each request. */
  #setters = new Map<string, ApiKeySetter>();

  /** @param options see {@link ClientOptions}; unset values fall back to the SDK's environment variables. */
  constructor({
    baseURL = SDK.baseURLEnv ? readEnv(SDK.baseURLEnv) : undefined,
    ...opts
  }: ClientOptions = {}) {
    const options: ClientOptions = { ...opts, baseURL: baseURL || DEFAULT_BASE_URL };
    const given = opts as Record<string, unknown>;
    const resolved = options as Record<string, unknown>;
    for (const c of SDK.credentials) {
      resolved[c.option] =
        given[c.option] === undefined ? ((c.env && readEnv(c.env)) ?? null) : given[c.option];
    }
    if (!options.dangerouslyAllowBrowser && isRunningInBrowser()) {
      // Worded as 0.74.0 words it: people match on this text.
      throw new Errors.SDKError(
        "It looks like you're running in a browser-like environment.\n\n" +
          'This is disabled by default, as it risks exposing your secret API credentials to attackers.\n' +
          'If you understand the risks and have appropriate mitigations in place,\n' +
          'you can set the `dangerouslyAllowBrowser` option to `true`, e.g.,\n\n' +
          `new ${SDK.clientName}({ ${SDK.credentials[0]?.option ?? 'apiKey'}, dangerouslyAllowBrowser: true });\n`,
      );
    }
    // Credentials first, so that even the constructor's own warnings can mask them.
    const self = this as unknown as Record<string, string | null>;
    for (const c of SDK.credentials) {
      const value = resolved[c.option];
      self[c.option] = typeof value === 'string' ? value : null;
      if (typeof value === 'function') this.#setters.set(c.option, value as ApiKeySetter);
    }
    this.baseURL = options.baseURL!;
    this.timeout = options.timeout ?? BaseClient.DEFAULT_TIMEOUT;
    this.logger = options.logger ?? console;
    this.middleware = [...(options.middleware ?? [])];
    this.logLevel = 'warn';
    this.logLevel =
      parseLogLevel(options.logLevel, 'ClientOptions.logLevel', this) ??
      (SDK.logLevelEnv
        ? parseLogLevel(readEnv(SDK.logLevelEnv), `process.env['${SDK.logLevelEnv}']`, this)
        : undefined) ??
      'warn';
    this.fetchOptions = options.fetchOptions;
    this.maxRetries = options.maxRetries ?? SDK.maxRetries;
    this.fetch = options.fetch ?? ((...args) => globalThis.fetch(...args));
    this._options = options;
  }

  /**
   * A new client of the same class with these options overriding the current ones.
   *
   * @example
   * ```ts
   * const patient = client.withOptions({ maxRetries: 5, timeout: 120_000 });
   * ```
   */
  withOptions(options: Partial<ClientOptions>): this {
    const Ctor = this.constructor as new (options: ClientOptions) => this;
    return new Ctor({
      ...this._options,
      baseURL: this.baseURL,
      maxRetries: this.maxRetries,
      timeout: this.timeout,
      logger: this.logger,
      logLevel: this.logLevel,
      fetch: this.fetch,
      fetchOptions: this.fetchOptions,
      middleware: this.middleware,
      ...Object.fromEntries(
        SDK.credentials.map((c) => [c.option, this.#setters.get(c.option) ?? this.credential(c)]),
      ),
      ...options,
    });
  }

  /**
   * One `fetch` through this client's `fetch` that `controller` aborts after `ms` milliseconds (or when
   * `init.signal` aborts); 0.74.0's public hook, kept for code that calls it. The client's own requests go
   * through its transport, which applies `timeout`, retries and `idleTimeout` itself.
   *
   * @example
   * ```ts
   * const res = await client.fetchWithTimeout('https://example.com/health', { method: 'GET' }, 5_000, new AbortController());
   * ```
   */
  async fetchWithTimeout(
    url: string | URL | Request,
    init: RequestInit | undefined,
    ms: number,
    controller: AbortController,
  ): Promise<Response> {
    return fetchWithTimeout(this.fetch, url, init, ms, controller);
  }

  protected defaultQuery(): Record<string, string | undefined> | undefined {
    return this._options.defaultQuery;
  }

  /** Throws unless some auth header is present or was removed on purpose (set to `null`). */
  protected validateHeaders({ values, nulls }: NullableHeaders): void {
    if (SDK.credentials.length === 0) return;
    const names = SDK.credentials.map((c) => c.header.toLowerCase());
    if (names.some((n) => values.get(n) || nulls.has(n))) return;
    const options = SDK.credentials.map((c) => `\`${c.option}\``).join(' or ');
    const envs = SDK.credentials.flatMap((c) => (c.env ? [c.env] : []));
    throw new Errors.SDKError(
      `Could not resolve authentication method: set ${options}${envs.length ? ` (or ${envs.join(' / ')})` : ''}, ` +
        `or remove the ${SDK.credentials.map((c) => `"${c.header}"`).join(' and ')} headers on purpose by setting them to null.`,
    );
  }

  /** Auth headers for one attempt; called after `buildRequest` has encoded the body. */
  protected async authHeaders(opts: FinalRequestOptions): Promise<NullableHeaders | undefined> {
    const self = this as unknown as Record<string, unknown>;
    const parts: (NullableHeaders | undefined)[] = [];
    for (const c of SDK.credentials) {
      const method = self[c.method];
      parts.push(
        typeof method === 'function'
          ? await (method as (o: FinalRequestOptions) => Promise<NullableHeaders | undefined>).call(
              this,
              opts,
            )
          : await this.credentialHeaders(c),
      );
    }
    return buildHeaders(parts);
  }

  /** @credential Headers for `apiKey`. */
  protected async apiKeyAuth(_opts: FinalRequestOptions): Promise<NullableHeaders | undefined> {
    return this.credentialHeaders(SDK.credentials[0]!);
  }

  /** @credential Headers for `authToken`. */
  protected async bearerAuth(_opts: FinalRequestOptions): Promise<NullableHeaders | undefined> {
    return this.credentialHeaders(SDK.credentials[1]!);
  }

  /** The current value of a credential option. */
  private credential(c: CredentialFact): string | null {
    return (this as unknown as Record<string, string | null>)[c.option] ?? null;
  }

  /** The header of one credential, after calling its setter function if it was given one. */
  protected async credentialHeaders(c: CredentialFact): Promise<NullableHeaders | undefined> {
    const setter = this.#setters.get(c.option);
    if (setter) (this as unknown as Record<string, string | null>)[c.option] = await callApiKeySetter(setter);
    const value = this.credential(c);
    return value == null ? undefined : buildHeaders([{ [c.header]: c.format.split('{value}').join(value) }]);
  }

  /** Query-string encoding for primitive values. */
  protected stringifyQuery(query: Record<string, unknown>): string {
    return stringifyQuery(query);
  }

  private getUserAgent(): string {
    return `${this.constructor.name}/JS ${VERSION}`;
  }

  protected defaultIdempotencyKey(): string {
    return `sdkgen-node-retry-${uuid4()}`;
  }

  /** Builds the `APIError` subclass for a failed response. */
  protected makeStatusError(
    status: number,
    error: Object,
    message: string | undefined,
    headers: Headers,
  ): Errors.APIError {
    return Errors.APIError.generate(status, error, message, headers);
  }

  /** @internal Secret values masked in logs and error messages. */
  _secrets(): string[] {
    return SDK.credentials
      .map((c) => this.credential(c))
      .filter((s): s is string => typeof s === 'string' && s.length > 0);
  }

  /** Absolute URL for `path` plus the default and given query parameters. */
  buildURL(
    path: string,
    query: Record<string, unknown> | null | undefined,
    defaultBaseURL?: string | undefined,
  ): string {
    const baseURL = (this.baseURL === DEFAULT_BASE_URL && defaultBaseURL) || this.baseURL;
    const defaults = this.defaultQuery();
    const merged = isEmptyObj(defaults) ? query : { ...defaults, ...query };
    return buildURLWithQuery(baseURL, path, merged, (q) => this.stringifyQuery(q));
  }

  /** Older name of {@link calculateNonstreamingTimeout} (seconds-based check, milliseconds result). */
  _calculateNonstreamingTimeout(maxTokens: number): number {
    return this.calculateNonstreamingTimeout(maxTokens);
  }

  /**
   * Timeout for a non-streaming request with a budget of `maxTokens`, or an error when that budget implies a
   * generation longer than the SDK's default timeout (or exceeds the model's non-streaming limit,
   * `maxNonstreamingTokens`). Generated methods call it when no timeout was set.
   */
  calculateNonstreamingTimeout(maxTokens: number, maxNonstreamingTokens?: number): number {
    const limit = SDK.nonStreamingLimit;
    if (!limit) return this.timeout;
    const expected =
      limit.maxTimeMs && limit.tokensPerMaxTime ? (limit.maxTimeMs * maxTokens) / limit.tokensPerMaxTime : 0;
    if (expected > limit.defaultMs || (maxNonstreamingTokens != null && maxTokens > maxNonstreamingTokens)) {
      throw new Errors.SDKError(limit.errorMessage);
    }
    return limit.defaultMs;
  }

  /** Hook: mutate the options once per request, before the first attempt. */
  protected async prepareOptions(_options: FinalRequestOptions): Promise<void> {}

  /** Hook: mutate the final request (headers) of each attempt, e.g. to sign it. */
  protected async prepareRequest(
    _request: RequestInit,
    _context: { url: string; options: FinalRequestOptions },
  ): Promise<void> {}

  /** Hook: decode a successful streaming response into a `Stream`. */
  protected makeStream<T>(props: APIResponseProps): Stream<T> {
    const StreamClass = props.options.__streamClass ?? Stream;
    // A `__streamClass` is `Stream` or a subclass (request-options.ts types it without importing core/).
    return StreamClass.fromSSEResponse<T>(props.response, props.controller, this, {
      end: props.options.__streamEnd,
    }) as Stream<T>;
  }

  /** `GET path`; resolves to the parsed body. */
  get<Rsp>(path: string, opts?: PromiseOrValue<RequestOptions>): APIPromise<Rsp> {
    return this.methodRequest('get', path, opts);
  }
  /** `POST path`. */
  post<Rsp>(path: string, opts?: PromiseOrValue<RequestOptions>): APIPromise<Rsp> {
    return this.methodRequest('post', path, opts);
  }
  /** `PATCH path`. */
  patch<Rsp>(path: string, opts?: PromiseOrValue<RequestOptions>): APIPromise<Rsp> {
    return this.methodRequest('patch', path, opts);
  }
  /** `PUT path`. */
  put<Rsp>(path: string, opts?: PromiseOrValue<RequestOptions>): APIPromise<Rsp> {
    return this.methodRequest('put', path, opts);
  }
  /** `DELETE path`. */
  delete<Rsp>(path: string, opts?: PromiseOrValue<RequestOptions>): APIPromise<Rsp> {
    return this.methodRequest('delete', path, opts);
  }

  private methodRequest<Rsp>(
    method: HTTPMethod,
    path: string,
    opts?: PromiseOrValue<RequestOptions>,
  ): APIPromise<Rsp> {
    return this.request(Promise.resolve(opts).then((o) => ({ method, path, ...o })));
  }

  /** Sends a request described by `options`; `remainingRetries` overrides `maxRetries`. */
  request<Rsp>(
    options: PromiseOrValue<FinalRequestOptions>,
    remainingRetries: number | null = null,
  ): APIPromise<Rsp> {
    return new APIPromise(this, this.makeRequest(options, remainingRetries));
  }

  /** Requests the first page of a list endpoint; the result auto-paginates. */
  getAPIList<Item, PageClass extends AbstractPage<Item> = AbstractPage<Item>>(
    path: string,
    Page: new (...args: any[]) => PageClass,
    opts?: PromiseOrValue<RequestOptions>,
  ): PagePromise<PageClass, Item> {
    const options = Promise.resolve(opts).then((o) => ({ method: 'get' as const, path, ...o }));
    return this.requestAPIList(Page, options);
  }

  /** Requests one page with fully specified options. */
  requestAPIList<Item = unknown, PageClass extends AbstractPage<Item> = AbstractPage<Item>>(
    Page: new (...args: ConstructorParameters<typeof AbstractPage>) => PageClass,
    options: PromiseOrValue<FinalRequestOptions>,
  ): PagePromise<PageClass, Item> {
    return new PagePromise<PageClass, Item>(this, this.makeRequest(options, null), Page);
  }

  /** Builds URL, headers and body for one attempt (hook: override to rewrite them). */
  async buildRequest(
    inputOptions: FinalRequestOptions,
    { retryCount = 0 }: { retryCount?: number } = {},
  ): Promise<{ req: FinalizedRequestInit; url: string; timeout: number }> {
    const options = { ...inputOptions };
    const { method, path, query, defaultBaseURL } = options;
    const url = this.buildURL(path, query as Record<string, unknown>, defaultBaseURL);
    if (options.timeout !== undefined) validatePositiveInteger('timeout', options.timeout);
    const timeout = options.timeout ?? this.timeout;
    const { bodyHeaders, body } = encodeBody(options.body, options.headers);
    const headers = await this.buildHeaders({
      options: inputOptions,
      method,
      bodyHeaders,
      retryCount,
      timeout,
    });
    const req = {
      ...(this.fetchOptions as RequestInit),
      ...(options.fetchOptions as RequestInit),
      method: method.toUpperCase(),
      headers,
      ...(body !== undefined && { body }),
      ...(needsDuplex(body) && ({ duplex: 'half' } as RequestInit)),
    } as FinalizedRequestInit;
    return { req, url, timeout };
  }

  private async buildHeaders(ctx: {
    options: FinalRequestOptions;
    method: HTTPMethod;
    bodyHeaders: HeadersLike;
    retryCount: number;
    timeout: number;
  }): Promise<Headers> {
    const { options } = ctx;
    let idempotency: [string, string] | undefined;
    if (this.idempotencyHeader && ctx.method !== 'get') {
      options.idempotencyKey ??= this.defaultIdempotencyKey();
      idempotency = [this.idempotencyHeader, options.idempotencyKey];
    }
    const headers = composeRequestHeaders({
      idempotency,
      userAgent: this.getUserAgent(),
      retryCount: ctx.retryCount,
      timeoutMs: ctx.timeout,
      browser: !!this._options.dangerouslyAllowBrowser,
      sdk: SDK,
      auth: await this.authHeaders(options),
      defaults: this._options.defaultHeaders,
      body: ctx.bodyHeaders,
      request: options.headers,
    });
    this.validateHeaders(headers);
    return headers.values;
  }

  private async makeRequest(
    optionsInput: PromiseOrValue<FinalRequestOptions>,
    retriesOverride: number | null,
  ): Promise<APIResponseProps> {
    const options = await optionsInput;
    await this.prepareOptions(options);
    if (options.signal?.aborted) throw new Errors.APIUserAbortError();
    const idleTimeout = options.idleTimeout ?? this._options.idleTimeout ?? BaseClient.DEFAULT_IDLE_TIMEOUT;
    validatePositiveInteger('idleTimeout', idleTimeout);
    const steps = options.middleware?.length ? [...this.middleware, ...options.middleware] : this.middleware;
    return executeWithStreamRetry(this, options, {
      maxRetries: retriesOverride ?? options.maxRetries ?? this.maxRetries,
      idleTimeout,
      fetch: this.fetch,
      prepareRequest: (req, ctx) => this.prepareRequest(req, ctx),
      middleware: steps.length
        ? { steps, context: (retryCount) => this.middlewareContext(options, retryCount) }
        : undefined,
      makeStatusError: (status, error, message, headers) =>
        this.makeStatusError(status, error, message, headers),
    });
  }

  /** What one attempt's middleware chain shares: the call's options, the logger, the attempt, `parse`. */
  private middlewareContext(options: FinalRequestOptions, retryCount: number): MiddlewareContext {
    const parsed = new WeakMap<Response, Promise<unknown>>();
    const read = (response: Response) => {
      const streaming = Boolean(options.stream) && response.ok;
      // An error response parses as JSON or text, as the SDK reads it for its status error.
      const asRead = response.ok ? options : { ...options, stream: false, __binaryResponse: false };
      return {
        streaming,
        value: defaultParseResponse<unknown>(this, {
          response: response.clone(),
          options: asRead,
          // Its own controller: ending the middleware's copy of a stream leaves the caller's running.
          controller: new AbortController(),
          requestLogID: '',
          retryOfRequestLogID: undefined,
          startTime: Date.now(),
        }),
      };
    };
    const parse = (response: Response): Promise<unknown> => {
      const cached = parsed.get(response);
      if (cached) return cached;
      const { streaming, value } = read(response);
      // A stream can be read once: each call gets its own copy.
      if (!streaming) parsed.set(response, value);
      return value;
    };
    return { options, logger: loggerFor(this), retryCount, parse: parse as MiddlewareContext['parse'] };
  }

  /** Default per-attempt timeout. */
  static DEFAULT_TIMEOUT = SDK.timeoutMs;
  /** Default limit on a silent response body: 2 minutes (see `ClientOptions.idleTimeout`). */
  static DEFAULT_IDLE_TIMEOUT = 120_000;

  static SDKError = Errors.SDKError;
  static APIError = Errors.APIError;
  static APIConnectionError = Errors.APIConnectionError;
  static APIConnectionTimeoutError = Errors.APIConnectionTimeoutError;
  static APIIdleTimeoutError = Errors.APIIdleTimeoutError;
  static APIUserAbortError = Errors.APIUserAbortError;
  static NotFoundError = Errors.NotFoundError;
  static ConflictError = Errors.ConflictError;
  static RateLimitError = Errors.RateLimitError;
  static BadRequestError = Errors.BadRequestError;
  static AuthenticationError = Errors.AuthenticationError;
  static InternalServerError = Errors.InternalServerError;
  static PermissionDeniedError = Errors.PermissionDeniedError;
  static UnprocessableEntityError = Errors.UnprocessableEntityError;

  static toFile = toFile;
}

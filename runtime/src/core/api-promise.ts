import {
  type APIResponseProps,
  addRequestID,
  defaultParseResponse,
  type ResponseHost,
  requestID,
  responseOf,
  type WithRequestID,
} from '../internal/parse.js';
import type { PromiseOrValue } from '../internal/types.js';

/** Parses a response for `client` (any client: it is only read through `ResponseHost`). */
type Parser<T> = (client: ResponseHost, props: APIResponseProps) => PromiseOrValue<WithRequestID<T>>;

/**
 * The promise every SDK method returns. Await it for the parsed body; use `.withResponse()` or
 * `.asResponse()` for the raw `Response`. The body is parsed lazily, once.
 *
 * @example
 * ```ts
 * const { data, response, request_id } = await client.models.list().withResponse();
 * ```
 */
export class APIPromise<T> extends Promise<WithRequestID<T>> {
  private parsedPromise: Promise<WithRequestID<T>> | undefined;
  #client: ResponseHost;

  constructor(
    client: ResponseHost,
    private responsePromise: Promise<APIResponseProps>,
    private parseResponse: Parser<T> = defaultParseResponse,
  ) {
    // The executor result is never used: then/catch/finally are redirected to the parsed body.
    super((resolve) => resolve(null as any));
    this.#client = client;
  }

  /** Derives a promise whose value is `transform(parsed, props)`, sharing the same request. */
  _thenUnwrap<U>(transform: (data: T, props: APIResponseProps) => U): APIPromise<U> {
    return new APIPromise<U>(this.#client, this.responsePromise, async (client, props) =>
      addRequestID(transform((await this.parseResponse(client, props)) as T, props), props.response),
    );
  }

  /** The raw `Response`, body unread. */
  asResponse(): Promise<Response> {
    return this.responsePromise.then(responseOf);
  }

  /** The parsed body together with the raw `Response` and the request-id header. */
  async withResponse(): Promise<{ data: T; response: Response; request_id: string | null | undefined }> {
    const [data, response] = await Promise.all([this.parse(), this.asResponse()]);
    return { data, response, request_id: requestID(response) };
  }

  private parse(): Promise<WithRequestID<T>> {
    this.parsedPromise ??= this.responsePromise.then(
      (props) => this.parseResponse(this.#client, props) as Promise<WithRequestID<T>>,
    );
    return this.parsedPromise;
  }

  // biome-ignore lint/suspicious/noThenProperty: APIPromise is a Promise subclass; then is the point.
  override then<R1 = WithRequestID<T>, R2 = never>(
    onfulfilled?: ((value: WithRequestID<T>) => R1 | PromiseLike<R1>) | undefined | null,
    onrejected?: ((reason: any) => R2 | PromiseLike<R2>) | undefined | null,
  ): Promise<R1 | R2> {
    return this.parse().then(onfulfilled, onrejected);
  }

  override catch<R = never>(
    onrejected?: ((reason: any) => R | PromiseLike<R>) | undefined | null,
  ): Promise<WithRequestID<T> | R> {
    return this.parse().catch(onrejected);
  }

  override finally(onfinally?: (() => void) | undefined | null): Promise<WithRequestID<T>> {
    return this.parse().finally(onfinally);
  }
}

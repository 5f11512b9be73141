/**
 * The generic half of pagination: the page base class every generated page scheme extends (`core/pagination.ts`
 * is generated from the config's `pagination` schemes and re-exports these), and the promise list methods return.
 */
import {
  type APIResponseProps,
  defaultParseResponse,
  type ResponseHost,
  type WithRequestID,
} from '../internal/parse.js';
import type { FinalRequestOptions } from '../internal/request-options.js';
import { APIPromise } from './api-promise.js';
import { SDKError } from './error.js';

/** What a page needs from its client: to request the next page (the base client fits; its type stays above). */
export type PageHost = ResponseHost & {
  requestAPIList(
    Page: new (...args: any[]) => AbstractPage<unknown>,
    options: FinalRequestOptions,
  ): PromiseLike<unknown>;
};

/** The subset of request options a page needs to request the next one. */
export type PageRequestOptions = Pick<FinalRequestOptions, 'query' | 'headers' | 'body' | 'path' | 'method'>;

/**
 * One page of a list endpoint. Iterating it with `for await` walks every item of every later
 * page; `iterPages()` walks pages.
 */
export abstract class AbstractPage<Item> implements AsyncIterable<Item> {
  #client: PageHost;
  protected options: FinalRequestOptions;
  protected response: Response;
  protected body: unknown;

  constructor(client: PageHost, response: Response, body: unknown, options: FinalRequestOptions) {
    this.#client = client;
    this.options = options;
    this.response = response;
    this.body = body;
  }

  /** Options for the next request, or `null` on the last page. */
  abstract nextPageRequestOptions(): PageRequestOptions | null;

  /** The items on this page. */
  abstract getPaginatedItems(): Item[];

  /** True when this page has items and a cursor to a following page. */
  hasNextPage(): boolean {
    if (!this.getPaginatedItems().length) return false;
    return this.nextPageRequestOptions() != null;
  }

  /** Fetches the following page; throws if there is none (check `hasNextPage()` first). */
  async getNextPage(): Promise<this> {
    const next = this.nextPageRequestOptions();
    if (!next) {
      throw new SDKError(
        'No next page expected; please check `.hasNextPage()` before calling `.getNextPage()`.',
      );
    }
    return (await this.#client.requestAPIList(this.constructor as any, next as FinalRequestOptions)) as this;
  }

  /** Yields this page and then each following page. */
  async *iterPages(): AsyncGenerator<this> {
    let page: this = this;
    yield page;
    while (page.hasNextPage()) {
      page = await page.getNextPage();
      yield page;
    }
  }

  async *[Symbol.asyncIterator](): AsyncGenerator<Item> {
    for await (const page of this.iterPages()) {
      for (const item of page.getPaginatedItems()) yield item;
    }
  }
}

/**
 * What list methods return: await it for the first page, or iterate it directly with
 * `for await` to auto-paginate through every item.
 *
 * @example
 * ```ts
 * for await (const model of client.models.list({ limit: 20 })) console.log(model.id);
 * ```
 */
export class PagePromise<
    PageClass extends AbstractPage<Item>,
    Item = ReturnType<PageClass['getPaginatedItems']>[number],
  >
  extends APIPromise<PageClass>
  implements AsyncIterable<Item>
{
  constructor(
    client: PageHost,
    request: Promise<APIResponseProps>,
    Page: new (...args: ConstructorParameters<typeof AbstractPage>) => PageClass,
  ) {
    super(
      client,
      request,
      async (_host, props) =>
        new Page(
          client,
          props.response,
          await defaultParseResponse(client, props),
          props.options,
        ) as WithRequestID<PageClass>,
    );
  }

  async *[Symbol.asyncIterator](): AsyncGenerator<Item> {
    const page = await this;
    for await (const item of page) yield item as Item;
  }
}

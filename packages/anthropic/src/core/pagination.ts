import { type APIResponseProps, defaultParseResponse, type WithRequestID } from '../internal/parse.js';
import type { FinalRequestOptions } from '../internal/request-options.js';
import { maybeObj } from '../internal/utils/values.js';
import { APIPromise } from './api-promise.js';
import type { BaseAnthropic } from './base-client.js';
import { AnthropicError } from './error.js';

/** The subset of request options a page needs to request the next one. */
export type PageRequestOptions = Pick<FinalRequestOptions, 'query' | 'headers' | 'body' | 'path' | 'method'>;

/**
 * One page of a list endpoint. Iterating it with `for await` walks every item of every later
 * page; `iterPages()` walks pages.
 */
export abstract class AbstractPage<Item> implements AsyncIterable<Item> {
  #client: BaseAnthropic;
  protected options: FinalRequestOptions;
  protected response: Response;
  protected body: unknown;

  constructor(client: BaseAnthropic, response: Response, body: unknown, options: FinalRequestOptions) {
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
      throw new AnthropicError(
        'No next page expected; please check `.hasNextPage()` before calling `.getNextPage()`.',
      );
    }
    return await this.#client.requestAPIList(this.constructor as any, next as FinalRequestOptions);
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
    client: BaseAnthropic,
    request: Promise<APIResponseProps>,
    Page: new (...args: ConstructorParameters<typeof AbstractPage>) => PageClass,
  ) {
    super(
      client,
      request,
      async (client, props) =>
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

/** Body shape of `Page` endpoints. */
export interface PageResponse<Item> {
  data: Array<Item>;
  has_more: boolean;
  first_id: string | null;
  last_id: string | null;
}

/** Query parameters of `Page` endpoints. */
export interface PageParams {
  /** Number of items per page. */
  limit?: number;
  /** Return the page before this ID (paging backwards). */
  before_id?: string;
  /** Return the page after this ID. */
  after_id?: string;
}

/**
 * ID-cursor page (`first_id`/`last_id`). Continues with `after_id = last_id`, or, when the
 * first request used `before_id`, backwards with `before_id = first_id`.
 */
export class Page<Item> extends AbstractPage<Item> implements PageResponse<Item> {
  data: Array<Item>;
  has_more: boolean;
  first_id: string | null;
  last_id: string | null;

  constructor(
    client: BaseAnthropic,
    response: Response,
    body: PageResponse<Item>,
    options: FinalRequestOptions,
  ) {
    super(client, response, body, options);
    this.data = body.data || [];
    this.has_more = body.has_more || false;
    this.first_id = body.first_id || null;
    this.last_id = body.last_id || null;
  }

  getPaginatedItems(): Item[] {
    return this.data ?? [];
  }

  override hasNextPage(): boolean {
    return this.has_more !== false && super.hasNextPage();
  }

  nextPageRequestOptions(): PageRequestOptions | null {
    const query = maybeObj(this.options.query) as Record<string, unknown>;
    if (query['before_id']) {
      return this.first_id ? { ...this.options, query: { ...query, before_id: this.first_id } } : null;
    }
    return this.last_id ? { ...this.options, query: { ...query, after_id: this.last_id } } : null;
  }
}

/** Body shape of `PageCursor` (and `TokenPage`) endpoints. */
export interface PageCursorResponse<Item> {
  data: Array<Item>;
  has_more: boolean;
  next_page: string | null;
}

/** Query parameters of `PageCursor` endpoints. */
export interface PageCursorParams {
  /** Number of items per page. */
  limit?: number;
  /** Opaque cursor from a previous page's `next_page`. */
  page?: string | null;
}

/** Opaque-cursor page: continues with `page = next_page`. */
export class PageCursor<Item> extends AbstractPage<Item> implements PageCursorResponse<Item> {
  data: Array<Item>;
  has_more: boolean;
  next_page: string | null;

  constructor(
    client: BaseAnthropic,
    response: Response,
    body: PageCursorResponse<Item>,
    options: FinalRequestOptions,
  ) {
    super(client, response, body, options);
    this.data = body.data || [];
    this.has_more = body.has_more || false;
    this.next_page = body.next_page || null;
  }

  getPaginatedItems(): Item[] {
    return this.data ?? [];
  }

  override hasNextPage(): boolean {
    return this.has_more !== false && super.hasNextPage();
  }

  /** Name of the query parameter that carries the cursor. */
  protected cursorParam(): string {
    return 'page';
  }

  nextPageRequestOptions(): PageRequestOptions | null {
    if (!this.next_page) return null;
    return {
      ...this.options,
      query: { ...maybeObj(this.options.query), [this.cursorParam()]: this.next_page },
    };
  }
}

/** Body shape of `TokenPage` endpoints. */
export type TokenPageResponse<Item> = PageCursorResponse<Item>;

/** Query parameters of `TokenPage` endpoints. */
export interface TokenPageParams {
  /** Number of items per page. */
  limit?: number;
  /** Opaque cursor from a previous page's `next_page`. */
  page_token?: string;
}

/** Like `PageCursor`, but the cursor travels as `page_token`. */
export class TokenPage<Item> extends PageCursor<Item> {
  protected override cursorParam(): string {
    return 'page_token';
  }
}

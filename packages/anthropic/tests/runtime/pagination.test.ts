import { Page, PageCursor, PagePromise } from '@sdkgen/anthropic/core/pagination';
import { afterEach, describe, expect, it } from 'vitest';
import { clientFor, type FaultServer, type RecordedRequest, type Reply, startServer } from './client.js';

let server: FaultServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

type Item = { id: string };
const ids = (n: number, from = 0) => Array.from({ length: n }, (_, i) => ({ id: `item_${from + i}` }));

/** A Page endpoint over 7 items: `after_id`/`before_id` cursors, `limit` items per page. */
function pageServer(req: RecordedRequest): Reply {
  const all = ids(7);
  const q = new URL(req.url, 'http://x').searchParams;
  const limit = Number(q.get('limit') ?? 3);
  let slice: Item[];
  if (q.get('before_id')) {
    const end = all.findIndex((x) => x.id === q.get('before_id'));
    slice = all.slice(Math.max(0, end - limit), end);
  } else {
    const start = q.get('after_id') ? all.findIndex((x) => x.id === q.get('after_id')) + 1 : 0;
    slice = all.slice(start, start + limit);
  }
  const first = all.indexOf(slice[0]!);
  const has_more = q.get('before_id') ? first > 0 : first + slice.length < all.length;
  return {
    body: { data: slice, has_more, first_id: slice[0]?.id ?? null, last_id: slice.at(-1)?.id ?? null },
    headers: { 'request-id': `req_${req.url}` },
  };
}

describe('Page', () => {
  it('for-await over the unawaited PagePromise walks every item across pages', async () => {
    server = await startServer(pageServer);
    const client = clientFor(server);
    const list = client.getAPIList<Item, Page<Item>>('/v1/items', Page<Item>, { query: { limit: 3 } });
    expect(list).toBeInstanceOf(PagePromise);
    const seen: string[] = [];
    for await (const item of list) seen.push(item.id);
    expect(seen).toEqual(ids(7).map((x) => x.id));
    expect(server.requests.map((r) => r.url)).toEqual([
      '/v1/items?limit=3',
      '/v1/items?limit=3&after_id=item_2',
      '/v1/items?limit=3&after_id=item_5',
    ]);
  });

  it('awaiting gives the first page with its fields; getNextPage and hasNextPage work', async () => {
    server = await startServer(pageServer);
    const page = await clientFor(server).getAPIList<Item, Page<Item>>('/v1/items', Page<Item>, {
      query: { limit: 5 },
    });
    expect(page).toBeInstanceOf(Page);
    expect([page.data.length, page.has_more, page.first_id, page.last_id]).toEqual([
      5,
      true,
      'item_0',
      'item_4',
    ]);
    expect(page.hasNextPage()).toBe(true);
    const next = await page.getNextPage();
    expect(next.data.map((x) => x.id)).toEqual(['item_5', 'item_6']);
    expect(next.hasNextPage()).toBe(false);
  });

  it('getNextPage() throws when there is no cursor to follow', async () => {
    server = await startServer([{ body: { data: [], has_more: false, first_id: null, last_id: null } }]);
    const page = await clientFor(server).getAPIList<Item, Page<Item>>('/v1/items', Page<Item>);
    expect(page.hasNextPage()).toBe(false);
    await expect(page.getNextPage()).rejects.toThrow(/No next page expected/);
  });

  it('iterPages() yields each page once', async () => {
    server = await startServer(pageServer);
    const first = await clientFor(server).getAPIList<Item, Page<Item>>('/v1/items', Page<Item>, {
      query: { limit: 3 },
    });
    const sizes: number[] = [];
    for await (const page of first.iterPages()) sizes.push(page.data.length);
    expect(sizes).toEqual([3, 3, 1]);
  });

  it('pages backwards with before_id = first_id when the first request used before_id', async () => {
    server = await startServer(pageServer);
    const seen: string[] = [];
    const list = clientFor(server).getAPIList<Item, Page<Item>>('/v1/items', Page<Item>, {
      query: { limit: 2, before_id: 'item_6' },
    });
    for await (const item of list) seen.push(item.id);
    expect(seen).toEqual(['item_4', 'item_5', 'item_2', 'item_3', 'item_0', 'item_1']);
    expect(server.requests.map((r) => new URL(r.url, 'http://x').searchParams.get('before_id'))).toEqual([
      'item_6',
      'item_4',
      'item_2',
    ]);
  });

  it('keeps per-request headers on follow-up pages', async () => {
    server = await startServer(pageServer);
    const list = clientFor(server).getAPIList<Item, Page<Item>>('/v1/items', Page<Item>, {
      query: { limit: 4 },
      headers: { 'anthropic-beta': 'files-api-2025-04-14' },
    });
    for await (const _ of list) {
      // drain
    }
    expect(server.requests.map((r) => r.headers['anthropic-beta'])).toEqual([
      'files-api-2025-04-14',
      'files-api-2025-04-14',
    ]);
  });
});

describe('PageCursor', () => {
  it('follows next_page through the page query parameter until has_more is false', async () => {
    const pages: Record<string, Reply> = {
      '': { body: { data: ids(2, 0), has_more: true, next_page: 'cur_a' } },
      cur_a: { body: { data: ids(2, 2), has_more: true, next_page: 'cur/b' } },
      'cur/b': { body: { data: ids(1, 4), has_more: false, next_page: null } },
    };
    server = await startServer((req) => pages[new URL(req.url, 'http://x').searchParams.get('page') ?? '']);
    const seen: string[] = [];
    for await (const item of clientFor(server).getAPIList<Item, PageCursor<Item>>(
      '/v1/skills',
      PageCursor<Item>,
      {
        query: { limit: 2 },
      },
    )) {
      seen.push(item.id);
    }
    expect(seen).toEqual(ids(5).map((x) => x.id));
    expect(server.requests.map((r) => r.url)).toEqual([
      '/v1/skills?limit=2',
      '/v1/skills?limit=2&page=cur_a',
      '/v1/skills?limit=2&page=cur%2Fb',
    ]);
  });

  it('an empty page ends iteration even if has_more is true', async () => {
    server = await startServer([{ body: { data: [], has_more: true, next_page: 'x' } }]);
    const page = await clientFor(server).getAPIList<Item, PageCursor<Item>>('/v1/skills', PageCursor<Item>);
    expect(page.hasNextPage()).toBe(false);
  });
});

/**
 * Page classes as the generator emits them from a config scheme, run against the real runtime and a local
 * HTTP server: a `{ data, next_page }` scheme with no has-more field, and the generated `TokenPage`.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { AbstractPage } from '@sdkgen/anthropic/core/pagination';
import { TokenPage } from '@sdkgen/anthropic/core/pagination';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { paginationFile } from '../../../../generator/src/emit/pagination.js';
import type { Plan } from '../../../../generator/src/plan/types.js';
import { clientFor, type FaultServer, type RecordedRequest, type Reply, startServer } from './client.js';

let server: FaultServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});
const tmp = mkdtempSync(join(tmpdir(), 'sdkgen-page-scheme-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

type Item = { id: string };
type PageClass = new (...args: ConstructorParameters<typeof AbstractPage>) => AbstractPage<Item>;

/** The package's `src/core/`: the generated file's relative imports resolve from here. */
const CORE = fileURLToPath(new URL('../../src/core/', import.meta.url));

const SCHEMES = [
  {
    name: 'NextPage',
    paramsType: 'NextPageParams',
    request: { limit: 'integer', page: 'string' },
    response: { items: 'data', nextPage: 'next_page' },
    next: { param: 'page', from: 'next_page' },
    pointer: 'test#/pagination/NextPage',
  },
  {
    name: 'LinkPage',
    paramsType: 'LinkPageParams',
    request: { page: 'integer' },
    response: { items: 'results', nextUrl: 'next' },
    pointer: 'test#/pagination/LinkPage',
  },
];

/**
 * Emits `core/pagination.ts` for a `{ data, next_page }` scheme without `hasMore` and a `{ results, next }`
 * link scheme, and loads it with its relative imports pointed at the package's runtime (as if it sat in
 * `src/core/`).
 */
async function schemeClass(name: 'NextPage' | 'LinkPage'): Promise<PageClass> {
  const plan = {
    client: { baseClassName: 'BaseAnthropic', baseModule: 'core/base-client', paginationSchemes: SCHEMES },
  } as unknown as Plan;
  const text = paginationFile(plan, '// test')!.replace(
    /from '(\.\.?\/[^']+)\.js'/g,
    (_, spec: string) => `from '${join(CORE, spec)}'`,
  );
  const file = join(tmp, 'pagination.ts');
  writeFileSync(file, text);
  const mod = await import(/* @vite-ignore */ pathToFileURL(file).href);
  return mod[name] as PageClass;
}

/** Three pages of two items, linked by `next_page`; the last has `next_page: null`. No `has_more` anywhere. */
function cursorServer(param: string) {
  return (req: RecordedRequest): Reply => {
    const cursor = new URL(req.url, 'http://x').searchParams.get(param);
    const n = cursor ? Number(cursor.replace('cur_', '')) : 0;
    return {
      body: {
        data: [{ id: `item_${2 * n}` }, { id: `item_${2 * n + 1}` }],
        next_page: n < 2 ? `cur_${n + 1}` : null,
      },
    };
  };
}

describe('a generated scheme with no has-more field', () => {
  it('walks 3 pages while next_page is set and stops at next_page null', async () => {
    const NextPage = await schemeClass('NextPage');
    server = await startServer(cursorServer('page'));
    const list = clientFor(server).getAPIList<Item, AbstractPage<Item>>('/v1/things', NextPage, {
      query: { limit: 2 },
    });
    const seen: string[] = [];
    for await (const item of list) seen.push(item.id);
    expect(seen).toEqual(['item_0', 'item_1', 'item_2', 'item_3', 'item_4', 'item_5']);
    expect(server.requests.map((r) => r.url)).toEqual([
      '/v1/things?limit=2',
      '/v1/things?limit=2&page=cur_1',
      '/v1/things?limit=2&page=cur_2',
    ]);
  });

  it('the last page reports no next page', async () => {
    const NextPage = await schemeClass('NextPage');
    server = await startServer(cursorServer('page'));
    const first = await clientFor(server).getAPIList<Item, AbstractPage<Item>>('/v1/things', NextPage);
    const pages: AbstractPage<Item>[] = [];
    for await (const p of first.iterPages()) pages.push(p);
    expect(pages).toHaveLength(3);
    expect(pages.map((p) => p.hasNextPage())).toEqual([true, true, false]);
    await expect(pages[2]!.getNextPage()).rejects.toThrow(/No next page expected/);
  });
});

describe('a generated nextUrl scheme', () => {
  it('follows absolute and relative links with their own query, not the first one', async () => {
    const LinkPage = await schemeClass('LinkPage');
    server = await startServer((req) => {
      const page = Number(new URL(req.url, 'http://x').searchParams.get('page') ?? 1);
      const next =
        page === 1 ? `${server!.url}/v1/pets?page=2` : page === 2 ? '/v1/pets?page=3&extra=1' : null;
      return { body: { results: [{ id: `pet_${page}` }], next } };
    });
    const list = clientFor(server).getAPIList<Item, AbstractPage<Item>>('/v1/pets', LinkPage, {
      query: { limit: 1 },
    });
    const seen: string[] = [];
    for await (const item of list) seen.push(item.id);
    expect(seen).toEqual(['pet_1', 'pet_2', 'pet_3']);
    expect(server.requests.map((r) => r.url)).toEqual([
      '/v1/pets?limit=1',
      '/v1/pets?page=2',
      '/v1/pets?page=3&extra=1',
    ]);
  });
});

describe('TokenPage (generated from spec/sdk.config.yaml)', () => {
  it('sends the cursor back as page_token', async () => {
    server = await startServer((req) => {
      const reply = cursorServer('page_token')(req);
      return { ...reply, body: { ...(reply.body as object), has_more: true } };
    });
    const list = clientFor(server).getAPIList<Item, TokenPage<Item>>('/v1/things', TokenPage<Item>);
    const seen: string[] = [];
    for await (const item of list) seen.push(item.id);
    expect(seen).toHaveLength(6);
    expect(server.requests.map((r) => r.url)).toEqual([
      '/v1/things',
      '/v1/things?page_token=cur_1',
      '/v1/things?page_token=cur_2',
    ]);
  });
});

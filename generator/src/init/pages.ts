import { pascalCase } from '../plan/names.js';

/** A page scheme as `sdkgen init` writes it into the config's `pagination` table. */
export interface InitPageScheme {
  paramsType: string;
  request: Record<string, string>;
  response: Record<string, string>;
  next?: { param: string; from: string };
  previous?: { param: string; from: string };
}

/** What a page-shaped response looks like, found by {@link detectPage}. */
interface PageShape {
  kind: 'Page' | 'CursorPage' | 'LinkPage';
  request: Record<string, string>;
  response: Record<string, string>;
  next?: { param: string; from: string };
  previous?: { param: string; from: string };
}

const ITEM_FIELDS = ['data', 'items', 'results', 'records', 'entries'];
const CURSOR_FIELDS = [
  'next_cursor',
  'nextCursor',
  'next_page_token',
  'nextPageToken',
  'next_page',
  'next_token',
];
const CURSOR_PARAMS = ['cursor', 'page_token', 'pageToken', 'page', 'starting_after', 'after', 'token'];
const LIMIT_PARAMS = ['limit', 'page_size', 'pageSize', 'per_page', 'perPage'];
const LINK_FIELDS = ['next', 'next_url', 'nextUrl', 'nextLink', 'next_link'];

/** Follows local `#/components/...` references of a bundled document. */
export function deref(doc: Record<string, any>, node: any): any {
  let n = node;
  for (let i = 0; i < 20 && typeof n?.$ref === 'string' && n.$ref.startsWith('#/'); i++) {
    n = n.$ref
      .slice(2)
      .split('/')
      .map((s: string) => s.replace(/~1/g, '/').replace(/~0/g, '~'))
      .reduce((o: any, k: string) => o?.[k], doc);
  }
  return n;
}

/** Query parameter name -> the `request` type the runtime's page params use (`string` or `integer`). */
function queryParams(doc: Record<string, any>, op: any, pathItem: any): Map<string, string> {
  const out = new Map<string, string>();
  for (const raw of [...(pathItem?.parameters ?? []), ...(op.parameters ?? [])]) {
    const p = deref(doc, raw);
    if (p?.in !== 'query' || typeof p.name !== 'string') continue;
    const type = deref(doc, p.schema)?.type;
    out.set(p.name, type === 'integer' || type === 'number' ? 'integer' : 'string');
  }
  return out;
}

function pick(names: string[], has: (n: string) => boolean): string | undefined {
  return names.find(has);
}

/**
 * The page shape of a list operation (a GET whose JSON response has an items array plus cursor fields), or
 * undefined. Recognized: `{data, has_more, first_id, last_id}` (id cursors), `{items, next_cursor}` and
 * similar (opaque cursor), `{results, next}` (link to the next page).
 */
export function detectPage(doc: Record<string, any>, op: any, pathItem: any): PageShape | undefined {
  const ok = op?.responses?.['200'] ?? op?.responses?.['2XX'];
  const schema = deref(doc, deref(doc, ok)?.content?.['application/json']?.schema);
  const props: Record<string, any> =
    schema?.type === 'object' || schema?.properties ? (schema.properties ?? {}) : {};
  const has = (n: string) => Object.hasOwn(props, n);
  const arrays = Object.keys(props).filter((n) => deref(doc, props[n])?.type === 'array');
  const items = pick(ITEM_FIELDS, (n) => arrays.includes(n)) ?? (arrays.length === 1 ? arrays[0] : undefined);
  if (!items) return undefined;
  const query = queryParams(doc, op, pathItem);
  const request = (names: string[]) =>
    Object.fromEntries(names.filter((n) => query.has(n)).map((n) => [n, query.get(n)!]));
  const limit = LIMIT_PARAMS.filter((n) => query.has(n));
  if (has('has_more') && has('first_id') && has('last_id')) {
    const shape: PageShape = {
      kind: 'Page',
      request: request(['after_id', 'before_id', ...limit]),
      response: { items, hasMore: 'has_more', firstId: 'first_id', lastId: 'last_id' },
    };
    if (query.has('after_id')) shape.next = { param: 'after_id', from: 'last_id' };
    if (query.has('before_id')) shape.previous = { param: 'before_id', from: 'first_id' };
    return shape;
  }
  const cursorField = pick(CURSOR_FIELDS, has);
  const cursorParam = pick(CURSOR_PARAMS, (n) => query.has(n));
  if (cursorField && cursorParam) {
    const response: Record<string, string> = { items, nextPage: cursorField };
    if (has('has_more')) response.hasMore = 'has_more';
    return {
      kind: 'CursorPage',
      request: request([cursorParam, ...limit]),
      response,
      next: { param: cursorParam, from: cursorField },
    };
  }
  const link = pick(LINK_FIELDS, has);
  if (link && deref(doc, props[link])?.type !== 'array') {
    return {
      kind: 'LinkPage',
      request: request([...CURSOR_PARAMS, ...limit]),
      response: { items, nextUrl: link },
    };
  }
  return undefined;
}

/**
 * Collects the distinct page shapes of all list operations into named schemes (`CursorPage`, then
 * `CursorPage2` for a second shape of the same kind). Returns the table and a lookup from shape to name.
 */
export class PageSchemes {
  readonly table: Record<string, InitPageScheme> = {};
  private readonly bySignature = new Map<string, string>();

  /** The scheme name for a shape, adding it to the table on first sight. */
  nameFor(shape: PageShape): string {
    const { kind, ...scheme } = shape;
    const signature = JSON.stringify(scheme);
    const known = this.bySignature.get(signature);
    if (known) return known;
    let name: string = kind;
    for (let i = 2; Object.hasOwn(this.table, name); i++) name = `${kind}${i}`;
    this.table[name] = { paramsType: `${pascalCase(name)}Params`, ...scheme };
    this.bySignature.set(signature, name);
    return name;
  }
}

import { camelCase, pascalCase } from '../plan/names.js';
import { detectPage, type PageSchemes } from './pages.js';

/** One method entry as `sdkgen init` writes it. */
export interface InitMethod {
  operation: string;
  pagination?: string;
}

/** One resource entry as `sdkgen init` writes it. */
export interface InitResource {
  className: string;
  module: string;
  methods: Record<string, InitMethod>;
}

const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options', 'trace'] as const;

/** An operation of the spec with where it sits. */
interface SpecOperation {
  method: string;
  pathKey: string;
  op: any;
  pathItem: any;
}

function operations(doc: Record<string, any>): SpecOperation[] {
  return Object.entries<any>(doc.paths ?? {}).flatMap(([pathKey, pathItem]) =>
    HTTP_METHODS.filter((m) => pathItem?.[m]).map((method) => ({
      method,
      pathKey,
      op: pathItem[method],
      pathItem,
    })),
  );
}

/** Literal path segments, without a leading version segment (`/v1/pets/{id}` -> `['pets']`). */
function literals(pathKey: string): string[] {
  const segs = pathKey.split('?')[0]!.split('/').filter(Boolean);
  const start = segs.length > 1 && /^v\d+(\.\d+)?$/i.test(segs[0]!) ? 1 : 0;
  return segs.slice(start).filter((s) => !s.startsWith('{'));
}

/** The resource an operation belongs to: its first tag, else its leading path segment. */
function groupOf(o: SpecOperation): string {
  const tag = Array.isArray(o.op.tags) && typeof o.op.tags[0] === 'string' ? o.op.tags[0] : undefined;
  return camelCase(tag ?? literals(o.pathKey)[0] ?? 'default') || 'default';
}

/** CRUD verb from the HTTP method and path shape, else the last literal segment (`/pets/{id}/adopt` -> `adopt`). */
function verbOf(o: SpecOperation): string {
  const segs = o.pathKey.split('?')[0]!.split('/').filter(Boolean);
  const last = segs[segs.length - 1] ?? '';
  const isItem = last.startsWith('{');
  const nested = literals(o.pathKey).length > 1 && !isItem;
  if (!nested) {
    if (o.method === 'get') return isItem ? 'retrieve' : 'list';
    if (o.method === 'post' && !isItem) return 'create';
    if ((o.method === 'put' || o.method === 'patch') && isItem) return 'update';
    if (o.method === 'delete') return 'delete';
  }
  return camelCase(literals(o.pathKey).at(-1) ?? o.method) || o.method;
}

/** A name not yet used in `taken`: the verb, else the operationId, else `<httpMethod><Verb>`. */
function uniqueName(o: SpecOperation, taken: Record<string, unknown>): string {
  const candidates = [
    verbOf(o),
    ...(typeof o.op.operationId === 'string' ? [camelCase(o.op.operationId)] : []),
  ];
  candidates.push(`${o.method}${pascalCase(verbOf(o))}`);
  const free = candidates.find((c) => c && !Object.hasOwn(taken, c));
  if (free) return free;
  for (let i = 2; ; i++) if (!Object.hasOwn(taken, `${candidates[0]}${i}`)) return `${candidates[0]}${i}`;
}

/**
 * Groups every operation of the spec into resources (first tag, else leading path segment) with CRUD-style
 * method names (`list`, `create`, `retrieve`, `update`, `delete`, else the action segment). Operations are
 * referenced by operationId, or by `<method> <path>` when they have none. List operations whose response
 * looks like a page get a page scheme from `schemes`.
 */
export function initResources(doc: Record<string, any>, schemes: PageSchemes): Record<string, InitResource> {
  const schemaNames = new Set(Object.keys(doc.components?.schemas ?? {}));
  const out: Record<string, InitResource> = {};
  for (const o of operations(doc)) {
    const group = groupOf(o);
    const cls = pascalCase(group);
    out[group] ??= {
      className: schemaNames.has(cls) ? `${cls}Resource` : cls,
      module: group.replace(/([a-z0-9])([A-Z])/g, '$1-$2').toLowerCase(),
      methods: {},
    };
    const methods = out[group]!.methods;
    const method: InitMethod = {
      operation: typeof o.op.operationId === 'string' ? o.op.operationId : `${o.method} ${o.pathKey}`,
    };
    const page = o.method === 'get' ? detectPage(doc, o.op, o.pathItem) : undefined;
    if (page) method.pagination = schemes.nameFor(page);
    methods[uniqueName(o, methods)] = method;
  }
  return out;
}

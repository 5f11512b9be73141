import { camelCase, pascalCase } from '../plan/names.js';

/** What naming needs of an operation: where it sits and what the spec calls it. */
export interface OperationShape {
  method: string;
  pathKey: string;
  operationId?: string | undefined;
  tags?: readonly unknown[] | undefined;
}

/** Literal path segments, without a leading version segment (`/v1/pets/{id}` -> `['pets']`). */
export function literals(pathKey: string): string[] {
  const segs = pathKey.split('?')[0]!.split('/').filter(Boolean);
  const start = segs.length > 1 && /^v\d+(\.\d+)?$/i.test(segs[0]!) ? 1 : 0;
  return segs.slice(start).filter((s) => !s.startsWith('{'));
}

/** The first tag, when it is a usable string. */
export function firstTag(o: OperationShape): string | undefined {
  const tag = Array.isArray(o.tags) ? o.tags[0] : undefined;
  return typeof tag === 'string' && camelCase(tag) ? tag : undefined;
}

/** The resource an operation belongs to: its first tag, else its leading path segment. */
export function groupOf(o: OperationShape): string {
  return camelCase(firstTag(o) ?? literals(o.pathKey)[0] ?? 'default') || 'default';
}

/** CRUD verb from the HTTP method and path shape, else the last literal segment (`/pets/{id}/adopt` -> `adopt`). */
export function verbOf(o: OperationShape): string {
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

/** A name not yet used in `taken`: the verb, else the operationId, else `<httpMethod><Verb>`, else numbered. */
export function uniqueName(o: OperationShape, taken: (name: string) => boolean): string {
  const verb = verbOf(o);
  const id = typeof o.operationId === 'string' ? [camelCase(o.operationId)] : [];
  const candidates = [verb, ...id, `${o.method}${pascalCase(verb)}`];
  const free = candidates.find((c) => c && !taken(c));
  if (free) return free;
  for (let i = 2; ; i++) if (!taken(`${candidates[0]}${i}`)) return `${candidates[0]}${i}`;
}

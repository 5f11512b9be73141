/**
 * Absolute URL for `path` (joined to `baseURL` unless it is itself absolute) with `query` appended.
 * A query already in the path (e.g. `/v1/messages?beta=true`) is kept and the new parameters follow it.
 */
export function buildURLWithQuery(
  baseURL: string,
  path: string,
  query: Record<string, unknown> | null | undefined,
  stringify: (query: Record<string, unknown>) => string,
): string {
  const url = /^[a-z][a-z0-9+.-]*:/i.test(path)
    ? new URL(path)
    : new URL(baseURL + (baseURL.endsWith('/') && path.startsWith('/') ? path.slice(1) : path));
  if (query && typeof query === 'object' && !Array.isArray(query)) {
    const search = stringify(query);
    const existing = url.search.slice(1);
    if (search) url.search = existing ? `${existing}&${search}` : search;
  }
  return url.toString();
}

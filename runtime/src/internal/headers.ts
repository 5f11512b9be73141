import { isReadonlyArray } from './utils/values.js';

type HeaderValue = string | undefined | null;

/**
 * Anything `buildHeaders` accepts: a `Headers`, `[name, value]` rows, a record (array values
 * become repeated headers), or an already-built `NullableHeaders`. A `null` value removes the
 * header, including one set by the client's defaults; `undefined` leaves it alone.
 */
export type HeadersLike =
  | Headers
  | readonly HeaderValue[][]
  | Record<string, HeaderValue | readonly HeaderValue[]>
  | undefined
  | null
  | NullableHeaders;

const brand = Symbol.for('sdkgen.nullableHeaders');

/**
 * Merged headers plus the lower-cased names that a caller explicitly set to `null`, so later
 * stages (e.g. auth validation) can tell "removed on purpose" from "never set".
 */
export type NullableHeaders = {
  /** Brand, so plain objects are never mistaken for this type. */
  [brand]: true;
  /** The merged header values. */
  values: Headers;
  /** Lower-cased names explicitly set to `null`. */
  nulls: Set<string>;
};

type RowFn = (name: string, value: string | null) => void;

/** Calls `each` for every row of `headers`; a callback, not a generator: this runs per request. */
function forEachRow(headers: HeadersLike, each: RowFn): void {
  if (!headers) return;
  if (brand in headers) {
    const { values, nulls } = headers as NullableHeaders;
    values.forEach((value, name) => {
      each(name, value);
    });
    for (const name of nulls) each(name, null);
    return;
  }
  if (headers instanceof Headers) {
    headers.forEach((value, name) => {
      each(name, value);
    });
    return;
  }
  // Record form: a key replaces whatever earlier sources set (hence the leading null row);
  // tuple form appends, like `Headers#append`.
  const fromRecord = !isReadonlyArray(headers);
  const rows = fromRecord ? Object.entries(headers) : (headers as readonly HeaderValue[][]);
  for (const [name, raw] of rows as Iterable<readonly unknown[]>) {
    if (typeof name !== 'string') throw new TypeError('expected header name to be a string');
    const values = (isReadonlyArray(raw) ? raw : [raw]) as readonly HeaderValue[];
    let cleared = false;
    for (const value of values) {
      if (value === undefined) continue;
      if (fromRecord && !cleared) {
        cleared = true;
        each(name, null);
      }
      each(name, value);
    }
  }
}

/**
 * Merges header sources left to right: a later source replaces earlier values of the same name
 * (case-insensitively), `null` deletes. Generated code uses it to combine per-method headers
 * with `options.headers`.
 *
 * @example
 * ```ts
 * buildHeaders([{ 'anthropic-beta': 'files-api-2025-04-14' }, options?.headers]);
 * ```
 */
export function buildHeaders(sources: HeadersLike[]): NullableHeaders {
  // Merge in a Map keyed by lower-cased name and build the Headers once at the end: deleting
  // and re-appending on a live Headers for every row was a measurable share of each request.
  const merged = new Map<string, [string, string][]>();
  const nulls = new Set<string>();
  let seen = new Set<string>();
  const add: RowFn = (name, value) => {
    const lower = name.toLowerCase();
    if (!seen.has(lower)) {
      merged.delete(lower);
      seen.add(lower);
    }
    if (value === null) {
      merged.delete(lower);
      nulls.add(lower);
      return;
    }
    const rows = merged.get(lower);
    if (rows) rows.push([name, value]);
    else merged.set(lower, [[name, value]]);
    nulls.delete(lower);
  };
  for (const source of sources) {
    if (!source) continue;
    if (seen.size) seen = new Set();
    forEachRow(source, add);
  }
  const values = new Headers();
  for (const rows of merged.values()) for (const [name, value] of rows) appendHeader(values, name, value);
  return { [brand]: true, values, nulls };
}

/**
 * `Headers#append`, except that a rejected value (CR, LF or NUL in it, e.g. an API key pasted with its newline)
 * raises an error that names the header but never shows the value: the runtime's own `TypeError` quotes it in
 * full, and the value is often a credential.
 */
function appendHeader(headers: Headers, name: string, value: string): void {
  try {
    headers.append(name, value);
  } catch {
    if (/^[!#$%&'*+.^`|~\w-]+$/.test(name))
      throw new TypeError(`invalid value for header ${name.toLowerCase()}`);
    throw new TypeError(`invalid header name ${JSON.stringify(name)}`);
  }
}

/** True when `headers` contributes no rows at all. */
export function isEmptyHeaders(headers: HeadersLike): boolean {
  let empty = true;
  forEachRow(headers, () => {
    empty = false;
  });
  return empty;
}

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

type Row = readonly [string, string | null];

function* rowsOf(headers: HeadersLike): Generator<Row> {
  if (!headers) return;
  if (brand in headers) {
    const { values, nulls } = headers as NullableHeaders;
    yield* values.entries();
    for (const name of nulls) yield [name, null];
    return;
  }
  if (headers instanceof Headers) {
    yield* headers.entries();
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
        yield [name, null];
      }
      yield [name, value];
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
  const values = new Headers();
  const nulls = new Set<string>();
  for (const source of sources) {
    const seen = new Set<string>();
    for (const [name, value] of rowsOf(source)) {
      const lower = name.toLowerCase();
      if (!seen.has(lower)) {
        values.delete(name);
        seen.add(lower);
      }
      if (value === null) {
        values.delete(name);
        nulls.add(lower);
      } else {
        values.append(name, value);
        nulls.delete(lower);
      }
    }
  }
  return { [brand]: true, values, nulls };
}

/** True when `headers` contributes no rows at all. */
export function isEmptyHeaders(headers: HeadersLike): boolean {
  for (const _ of rowsOf(headers)) return false;
  return true;
}

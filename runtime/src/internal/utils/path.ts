import { SDKError } from '../api-errors.js';

/**
 * Percent-encodes every character that may not appear literally in a path segment
 * (RFC 3986 `pchar`). `/`, `?` and `#` are always encoded, so a parameter can never add a
 * segment, a query or a fragment.
 */
export function encodeURIPath(str: string): string {
  return str.replace(/[^A-Za-z0-9\-._~!$&'()*+,;=:@]+/g, encodeURIComponent);
}

const DOT_SEGMENT = /(?<=^|\/)(?:\.|%2e){1,2}(?=\/|$)/gi;

/** One unsafe part of a built path: where it is and what is wrong with it. */
type Problem = { start: number; length: number; error: string };

/**
 * The `Object.prototype.toString` of `value`'s realm (through its `hasOwnProperty`, a function of that realm),
 * or undefined for an object without `Object.prototype` in its chain.
 */
function realmObjectToString(value: object): unknown {
  const ownFn = (value as { hasOwnProperty?: unknown }).hasOwnProperty;
  if (typeof ownFn !== 'function') return undefined;
  return Object.getPrototypeOf(Object.getPrototypeOf(ownFn))?.toString;
}

/**
 * Why `value` cannot be a path parameter, or undefined: `null`, `undefined`, and objects that would print as
 * `[object ...]` (their `toString` is the realm's `Object.prototype.toString`, or they have none).
 */
function describeInvalid(value: unknown): string | undefined {
  const printsAsObject =
    typeof value === 'object' &&
    value !== null &&
    (value as { toString?: unknown }).toString === realmObjectToString(value);
  if (value != null && !printsAsObject) return undefined;
  return `Value of type ${Object.prototype.toString.call(value).slice(8, -1)} is not a valid path parameter`;
}

/** The error listing each problem, the path, and a line of `^` under each problem (0.74.0's wording). */
function unsafePathError(path: string, problems: Problem[]): SDKError {
  problems.sort((a, b) => a.start - b.start);
  let underline = '';
  for (const p of problems)
    underline += ' '.repeat(Math.max(p.start - underline.length, 0)) + '^'.repeat(p.length);
  return new SDKError(
    `Path parameters result in path with invalid segments:\n${problems.map((p) => p.error).join('\n')}\n${path}\n${underline}`,
  );
}

/**
 * Builds a tagged-template function that encodes each interpolated value with `encoder` (and
 * with `encodeURIComponent` once the literal text has started a query or fragment).
 * Throws `SDKError` for `null`/`undefined`/plain-object values, and for any `.` or `..`
 * segment in the resulting path, so `'../x'` can never change the route.
 */
export function createPathTagFunction(encoder: (value: string) => string = encodeURIPath) {
  return function path(statics: readonly string[], ...params: readonly unknown[]): string {
    if (statics.length === 1) return statics[0]!;
    const problems: Problem[] = [];
    let inQuery = false;
    let out = '';
    for (let i = 0; i < statics.length; i++) {
      const literal = statics[i]!;
      if (/[?#]/.test(literal)) inQuery = true;
      out += literal;
      if (i === params.length) break;
      const value = params[i];
      const invalid = describeInvalid(value);
      const text = invalid ? String(value) : (inQuery ? encodeURIComponent : encoder)(String(value));
      if (invalid) problems.push({ start: out.length, length: text.length, error: invalid });
      out += text;
    }
    const pathOnly = out.split(/[?#]/, 1)[0]!;
    for (const match of pathOnly.matchAll(DOT_SEGMENT)) {
      const error = `Value "${match[0]}" can't be safely passed as a path parameter`;
      problems.push({ start: match.index, length: match[0].length, error });
    }
    if (problems.length) throw unsafePathError(out, problems);
    return out;
  };
}

/**
 * Tagged template for request paths; every interpolated value is percent-encoded.
 *
 * @example
 * ```ts
 * this._client.get(path`/v1/models/${modelID}`, options);
 * ```
 */
export const path = /* @__PURE__ */ createPathTagFunction(encodeURIPath);

import { AnthropicError } from '../../core/error.js';

/**
 * Percent-encodes every character that may not appear literally in a path segment
 * (RFC 3986 `pchar`). `/`, `?` and `#` are always encoded, so a parameter can never add a
 * segment, a query or a fragment.
 */
export function encodeURIPath(str: string): string {
  return str.replace(/[^A-Za-z0-9\-._~!$&'()*+,;=:@]+/g, encodeURIComponent);
}

const DOT_SEGMENT = /(?:^|\/)(?:\.|%2e){1,2}(?=\/|$)/gi;

function describeInvalid(value: unknown): string | undefined {
  if (value == null) return `${String(value)} cannot be used as a path parameter`;
  if (typeof value === 'object' && (value as object).toString === Object.prototype.toString) {
    return `A plain ${Object.prototype.toString.call(value).slice(8, -1)} cannot be used as a path parameter`;
  }
  return undefined;
}

/**
 * Builds a tagged-template function that encodes each interpolated value with `encoder` (and
 * with `encodeURIComponent` once the literal text has started a query or fragment).
 * Throws `AnthropicError` for `null`/`undefined`/plain-object values, and for any `.` or `..`
 * segment in the resulting path, so `'../x'` can never change the route.
 */
export function createPathTagFunction(encoder: (value: string) => string = encodeURIPath) {
  return function path(statics: readonly string[], ...params: readonly unknown[]): string {
    if (statics.length === 1) return statics[0]!;
    const problems: string[] = [];
    let inQuery = false;
    let out = '';
    for (let i = 0; i < statics.length; i++) {
      const literal = statics[i]!;
      if (/[?#]/.test(literal)) inQuery = true;
      out += literal;
      if (i === params.length) break;
      const value = params[i];
      const invalid = describeInvalid(value);
      if (invalid) problems.push(invalid);
      out += (inQuery ? encodeURIComponent : encoder)(String(value));
    }
    const pathOnly = out.split(/[?#]/, 1)[0]!;
    for (const match of pathOnly.matchAll(DOT_SEGMENT)) {
      problems.push(`"${match[0].replace('/', '')}" would be a relative path segment`);
    }
    if (problems.length) {
      throw new AnthropicError(`Unsafe path parameters in ${out}:\n${problems.join('\n')}`);
    }
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

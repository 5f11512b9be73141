import { AnthropicError } from '@sdkgen/anthropic/core/error';

/** The `anthropic_version` Bedrock expects in the body when the caller sets none. */
export const DEFAULT_BEDROCK_VERSION = 'bedrock-2023-05-31';

/** Anthropic API paths whose requests are rewritten to Bedrock's per-model invoke endpoints. */
export const MODEL_ENDPOINTS: ReadonlySet<string> = new Set([
  '/v1/complete',
  '/v1/messages',
  '/v1/messages?beta=true',
]);

/** The part of a request's options the rewrite reads and changes. */
export type RewritableOptions = { method: string; path: string; body?: unknown };

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function invalidValue(value: unknown): string | undefined {
  const plainObject =
    typeof value === 'object' && value !== null && value.toString === Object.prototype.toString;
  if (value != null && !plainObject) return undefined;
  return `Value of type ${Object.prototype.toString.call(value).slice(8, -1)} is not a valid path parameter`;
}

/**
 * The invoke path for `model`, escaped as one path segment: `/` in ARNs is escaped, while `:`
 * (as in `...-v2:0`) is a legal segment character and stays readable, as Bedrock documents it.
 * A missing model, a plain object or a `.`/`..` segment is refused with the official wording.
 */
function invokePath(model: unknown, stream: boolean): string {
  const prefix = '/model/';
  const segment = String(model).replace(/[^A-Za-z0-9\-._~!$&'()*+,;=:@]+/g, encodeURIComponent);
  const path = `${prefix}${segment}/${stream ? 'invoke-with-response-stream' : 'invoke'}`;
  const problem =
    invalidValue(model) ??
    (/^(?:\.|%2e){1,2}$/i.test(segment)
      ? `Value "${segment}" can't be safely passed as a path parameter`
      : undefined);
  if (!problem) return path;
  const underline = ' '.repeat(prefix.length) + '^'.repeat(segment.length);
  throw new AnthropicError(
    `Path parameters result in path with invalid segments:\n${problem}\n${path}\n${underline}`,
  );
}

/**
 * Rewrites Anthropic-shaped options into Bedrock's: a shallow copy of the body with
 * `anthropic_version` set, and for model endpoints `model` and `stream` moved out of the body
 * into the path (`/model/{model}/invoke` or `/model/{model}/invoke-with-response-stream`).
 * `options` is changed in place; the caller's body object is never mutated.
 *
 * @example
 * ```ts
 * const opts = { method: 'post', path: '/v1/messages', body: { model: 'm', stream: true } };
 * rewriteForBedrock(opts); // opts.path === '/model/m/invoke-with-response-stream'
 * ```
 */
export function rewriteForBedrock<T extends RewritableOptions>(options: T): T {
  if (!isObject(options.body)) {
    if (MODEL_ENDPOINTS.has(options.path) && options.method === 'post') {
      throw new Error('Expected request body to be an object for post /v1/messages');
    }
    return options;
  }
  const body: Record<string, unknown> = { ...options.body };
  body.anthropic_version ||= DEFAULT_BEDROCK_VERSION;
  if (MODEL_ENDPOINTS.has(options.path) && options.method === 'post') {
    options.path = invokePath(body.model, !!body.stream);
    delete body.model;
    delete body.stream;
  }
  options.body = body;
  return options;
}

/**
 * Bedrock takes beta flags in the body, not the `anthropic-beta` header: returns `body` (a JSON
 * text) with `anthropic_beta` set from the header's comma-separated list, unless already set.
 */
export function moveBetasIntoBody(body: string, betaHeader: string | null): string {
  if (!betaHeader) return body;
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    return body;
  }
  if (!isObject(parsed) || parsed.anthropic_beta) return body;
  const betas = betaHeader
    .split(',')
    .map((beta) => beta.trim())
    .filter(Boolean);
  return JSON.stringify({ ...parsed, anthropic_beta: betas });
}

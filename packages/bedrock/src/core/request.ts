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

/**
 * Escapes a model id for use as one path segment: `/` in ARNs must be escaped, while `:` (as in
 * `...-v2:0`) is a legal segment character and stays readable, as Bedrock documents it.
 */
function modelSegment(model: unknown): string {
  if (typeof model !== 'string' || !model) {
    throw new AnthropicError('Amazon Bedrock: the request body needs a `model` (model id, ARN or profile)');
  }
  return model.replace(/[^A-Za-z0-9\-._~!$&'()*+,;=:@]+/g, encodeURIComponent);
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
      throw new AnthropicError(`Amazon Bedrock: expected a JSON object body for post ${options.path}`);
    }
    return options;
  }
  const body: Record<string, unknown> = { ...options.body };
  body.anthropic_version ??= DEFAULT_BEDROCK_VERSION;
  if (MODEL_ENDPOINTS.has(options.path) && options.method === 'post') {
    const model = modelSegment(body.model);
    const stream = body.stream === true;
    delete body.model;
    delete body.stream;
    options.path = `/model/${model}/${stream ? 'invoke-with-response-stream' : 'invoke'}`;
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
  if (!isObject(parsed) || parsed.anthropic_beta !== undefined) return body;
  const betas = betaHeader
    .split(',')
    .map((beta) => beta.trim())
    .filter(Boolean);
  return JSON.stringify({ ...parsed, anthropic_beta: betas });
}

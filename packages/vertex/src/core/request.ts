/** The `anthropic_version` Vertex AI expects in the body when the caller sets none. */
export const DEFAULT_VERTEX_VERSION = 'vertex-2023-10-16';

const MODEL_ENDPOINTS: ReadonlySet<string> = new Set(['/v1/messages', '/v1/messages?beta=true']);
const COUNT_TOKENS_ENDPOINTS: ReadonlySet<string> = new Set([
  '/v1/messages/count_tokens',
  '/v1/messages/count_tokens?beta=true',
]);

/** The part of a request's options the rewrite reads and changes. */
export type RewritableOptions = { method: string; path: string; body?: unknown };

/** Where the client sends requests. */
export type VertexTarget = { region: string; projectId: string | null };

/**
 * The default base URL for a region: `https://{region}-aiplatform.googleapis.com/v1`, or
 * `https://aiplatform.googleapis.com/v1` for the `global` endpoint.
 */
export function vertexBaseURL(region: string): string {
  return region === 'global'
    ? 'https://aiplatform.googleapis.com/v1'
    : `https://${region}-aiplatform.googleapis.com/v1`;
}

function segment(value: string): string {
  return value.replace(/[^A-Za-z0-9\-._~!$&'()*+,;=:@]+/g, encodeURIComponent);
}

function publisherPath({ region, projectId }: VertexTarget): string {
  if (!projectId) {
    throw new Error(
      'No projectId was given and it could not be resolved from credentials. The client should be instantiated with the `projectId` option or the `ANTHROPIC_VERTEX_PROJECT_ID` environment variable should be set.',
    );
  }
  return `/projects/${segment(projectId)}/locations/${segment(region)}/publishers/anthropic/models`;
}

/**
 * Rewrites Anthropic-shaped options into Vertex AI's: `anthropic_version` in a copy of the body;
 * messages go to `.../models/{model}:rawPredict` (or `:streamRawPredict` when streaming) with
 * `model` taken out of the body; token counting goes to `.../models/count-tokens:rawPredict`
 * with the body unchanged. `options` is changed in place; the caller's body is never mutated.
 *
 * @example
 * ```ts
 * rewriteForVertex({ method: 'post', path: '/v1/messages', body }, { region: 'us-east5', projectId: 'p' });
 * ```
 */
export function rewriteForVertex<T extends RewritableOptions>(options: T, target: VertexTarget): T {
  const hasBody = typeof options.body === 'object' && options.body !== null && !Array.isArray(options.body);
  const body: Record<string, unknown> | undefined = hasBody ? { ...(options.body as object) } : undefined;
  if (body) body.anthropic_version ||= DEFAULT_VERTEX_VERSION;
  if (options.method === 'post' && MODEL_ENDPOINTS.has(options.path)) {
    const models = publisherPath(target);
    if (!body) throw new Error('Expected request body to be an object for post /v1/messages');
    const model = body.model;
    delete body.model;
    const specifier = body.stream ? 'streamRawPredict' : 'rawPredict';
    options.path = `${models}/${segment(String(model))}:${specifier}`;
  } else if (options.method === 'post' && COUNT_TOKENS_ENDPOINTS.has(options.path)) {
    options.path = `${publisherPath(target)}/count-tokens:rawPredict`;
  }
  if (body) options.body = body;
  return options;
}

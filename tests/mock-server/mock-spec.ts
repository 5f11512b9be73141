import { Warnings } from '../../generator/src/errors.js';
import { load } from '../../generator/src/load/index.js';

/** Path prefix under which operations keyed with a query string (`/v1/models?beta=true`) are served. */
export const ALIAS_PREFIX = '/__q';

/** `?beta=true` -> `/__q/beta=true`: the alias segment for a fixed query string. */
export function aliasFor(query: string): string {
  return `${ALIAS_PREFIX}/${encodeURIComponent(query)}`;
}

/**
 * Bundles the spec and rewrites it for Prism, which routes on the path only: an operation keyed
 * `/v1/models?beta=true` moves to `/__q/beta%3Dtrue/v1/models`, where the proxy sends such requests.
 */
export async function mockSpec(specPath: string): Promise<Record<string, unknown>> {
  const { document } = await load(specPath, new Warnings());
  const paths: Record<string, unknown> = {};
  for (const [key, item] of Object.entries<unknown>(document.paths ?? {})) {
    const [path, query] = key.split('?', 2) as [string, string?];
    paths[query ? `${aliasFor(query)}${path}` : path] = item;
  }
  flattenArrayHeaders(document.components?.parameters);
  for (const item of Object.values<any>(paths)) {
    flattenArrayHeaders(item?.parameters);
    for (const op of Object.values<any>(item ?? {})) {
      flattenArrayHeaders(op?.parameters);
      rawStreamBodies(op?.responses);
    }
  }
  return { ...document, paths };
}

/**
 * Prism 5 crashes deserializing an absent optional `style: simple` array header, so the mock sees such
 * headers (`anthropic-beta`) as plain strings; the SDK still sends the comma-joined list.
 */
function flattenArrayHeaders(params: unknown): void {
  const list = Array.isArray(params) ? params : Object.values((params as object | undefined) ?? {});
  for (const p of list as any[]) {
    if (p?.in === 'header' && p.schema?.type === 'array') p.schema = { type: 'string' };
  }
}

const JSONL_MEDIA = ['application/x-jsonl', 'application/jsonl', 'application/x-ndjson'];
const RAW_MEDIA = ['text/event-stream', ...JSONL_MEDIA];

/**
 * SSE and JSON-lines examples are text, while their schemas describe one event or line; Prism (run with
 * `--errors`) would reject its own example, so the mock serves those media types as plain strings. A
 * JSON-lines response's examples (one line each) become one body with every line.
 */
function rawStreamBodies(responses: unknown): void {
  for (const res of Object.values<any>((responses as object | undefined) ?? {})) {
    for (const [media, content] of Object.entries<any>(res?.content ?? {})) {
      if (!RAW_MEDIA.includes(media) || !content) continue;
      content.schema = { type: 'string' };
      if (JSONL_MEDIA.includes(media)) joinLines(content);
    }
  }
}

function joinLines(content: any): void {
  const lines = Object.values<any>(content.examples ?? {})
    .filter((ex) => ex && 'value' in ex && typeof ex.value !== 'string')
    .map((ex) => JSON.stringify(ex.value));
  if (lines.length === 0) return;
  content.examples = { lines: { summary: 'Every example line', value: `${lines.join('\n')}\n` } };
}

import { pointerJoin } from '../errors.js';
import type { IRRequestBody } from '../ir/types.js';
import { deref, type NormalizeContext } from './context.js';
import { schemaObject } from './schema-object.js';
import { isPlainObject, objectAt } from './shape.js';

/**
 * Request Body Object (OpenAPI 3.1 section 4.8.13). JSON and multipart bodies are supported; any other
 * media type is sent as an untyped body with a warning. Returns the body and its first example, if any.
 */
export function requestBodyObject(
  ctx: NormalizeContext,
  raw: unknown,
  at: string,
): { body: IRRequestBody; example?: unknown } | undefined {
  if (raw === undefined) return undefined;
  const { node: found, pointer } = deref<any>(ctx, raw, at);
  const node = objectAt(found, pointer, 'a request body') ?? {};
  const content = mediaTypes(node.content, pointerJoin(pointer, 'content'));
  if (node.content === undefined)
    ctx.warnings.add('normalize', pointer, 'a request body without "content"; the method sends no body');
  const types = Object.keys(content);
  const json = types.find((t) => t === 'application/json' || t.endsWith('+json'));
  const multipart = types.find((t) => t === 'multipart/form-data');
  const chosen = json ?? multipart ?? types[0];
  if (chosen === undefined) return undefined;
  if (!json && !multipart)
    ctx.warnings.add('normalize', pointer, `request media type "${chosen}" sent as JSON`);
  const media = content[chosen]!;
  const mediaAt = pointerJoin(pointer, 'content', chosen);
  const type = schemaObject(ctx, media.schema, pointerJoin(mediaAt, 'schema'));
  const body: IRRequestBody = {
    encoding: multipart && !json ? 'multipart' : 'json',
    required: node.required === true,
    type,
    pointer,
  };
  return { body, example: mediaExample(ctx, media, mediaAt) };
}

/** A `content` map (media type -> Media Type Object, section 4.8.14), checked to hold objects. */
export function mediaTypes(content: unknown, at: string): Record<string, any> {
  const map = objectAt(content, at, '"content"') ?? {};
  for (const [type, media] of Object.entries(map)) objectAt(media, pointerJoin(at, type), 'a media type');
  return map;
}

/** First example of a Media Type Object: `example`, else the first of `examples` (following `$ref`). */
export function mediaExample(ctx: NormalizeContext, media: Record<string, any>, at: string): unknown {
  if ('example' in media) return media.example;
  const first = Object.entries<any>(isPlainObject(media.examples) ? media.examples : {})[0];
  if (!first) return undefined;
  const { node } = deref<any>(ctx, first[1], pointerJoin(at, 'examples', first[0]));
  return node?.value;
}

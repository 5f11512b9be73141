import { pointerJoin } from '../errors.js';
import type { IRResponse } from '../ir/types.js';
import { deref, type NormalizeContext } from './context.js';
import { mediaTypes } from './request-body-object.js';
import { schemaObject } from './schema-object.js';
import { isPlainObject, objectAt } from './shape.js';

const JSONL = ['application/x-jsonl', 'application/jsonl', 'application/x-ndjson', 'application/jsonlines'];

/**
 * Responses Object (OpenAPI 3.1 section 4.8.16): picks the first 2xx response and decides how the SDK
 * reads it from its media types: JSON, server-sent events, JSON lines, binary, or nothing.
 */
export function responsesObject(ctx: NormalizeContext, raw: unknown, at: string): IRResponse {
  const responses = objectAt(raw, at, 'responses') ?? {};
  const codes = Object.keys(responses).sort();
  const code = codes.find((c) => /^2(\d\d|XX)$/i.test(c)) ?? codes.find((c) => c === 'default');
  if (code === undefined) return { kind: 'empty', pointer: at };
  const { node: found, pointer } = deref<any>(ctx, responses[code], pointerJoin(at, code));
  const node = objectAt(found, pointer, 'a response') ?? {};
  const content = mediaTypes(node.content, pointerJoin(pointer, 'content'));
  const typeAt = (media: string) => pointerJoin(pointer, 'content', media, 'schema');
  const types = Object.keys(content);
  const json = types.find((t) => t === 'application/json' || t.endsWith('+json'));
  const sse = types.find((t) => t === 'text/event-stream');
  const jsonl = types.find((t) => JSONL.includes(t));
  if (jsonl) {
    const type = schemaObject(ctx, content[jsonl].schema, typeAt(jsonl));
    const examples = exampleValues(ctx, content[jsonl], pointerJoin(pointer, 'content', jsonl));
    return { kind: 'jsonl', type, ...(examples.length > 0 ? { examples } : {}), pointer };
  }
  if (json && sse) {
    return {
      kind: 'json+sse',
      type: schemaObject(ctx, content[json].schema, typeAt(json)),
      eventType: schemaObject(ctx, content[sse].schema, typeAt(sse)),
      pointer,
    };
  }
  if (sse) return { kind: 'sse', eventType: schemaObject(ctx, content[sse].schema, typeAt(sse)), pointer };
  if (json) return { kind: 'json', type: schemaObject(ctx, content[json].schema, typeAt(json)), pointer };
  if (types.length > 0) return { kind: 'binary', pointer };
  return { kind: 'empty', pointer };
}

/** Every example value of a Media Type Object (`example`, or each of `examples`, following `$ref`). */
function exampleValues(ctx: NormalizeContext, media: Record<string, any>, at: string): unknown[] {
  if ('example' in media) return [media.example];
  return Object.entries<any>(isPlainObject(media.examples) ? media.examples : {}).map(
    ([name, ex]) => deref<any>(ctx, ex, pointerJoin(at, 'examples', name)).node?.value,
  );
}

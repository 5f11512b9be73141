import type { MethodConfig, ResolvedConfig } from '../config/index.js';
import { GeneratorError, pointerJoin } from '../errors.js';
import type { IR, IROperation, IRType } from '../ir/types.js';

type SchemaRef = (name: string, at: string) => IRType;

/**
 * The operation as a method sends it: its config's streaming, JSON lines, binary, multipart and pagination
 * applied to a copy (the IR's operation is left as the spec says; two methods may bind one operation).
 * What the spec's media types already say is kept unless the config overrides it.
 */
export function bindTransport(
  spec: IROperation,
  mc: MethodConfig,
  config: ResolvedConfig,
  schemaRef: SchemaRef,
  ir: Pick<IR, 'schemas'>,
  pointer: string,
): IROperation {
  const op: IROperation = { ...spec, response: { ...spec.response } };
  if (spec.body) op.body = { ...spec.body };
  if (mc.stream) {
    op.response = {
      ...op.response,
      kind: op.response.type ? 'json+sse' : 'sse',
      eventType: schemaRef(mc.stream.event, 'stream/event'),
      streamParam: mc.stream.param,
      ...(mc.stream.end ? { streamEnd: mc.stream.end } : {}),
    };
  } else if (op.response.kind === 'json+sse') {
    op.response.streamParam = 'stream';
  }
  if (mc.jsonl)
    op.response = {
      kind: 'jsonl',
      type: schemaRef(mc.jsonl.item, 'jsonl/item'),
      ...(op.response.examples ? { examples: op.response.examples } : {}),
      pointer: op.response.pointer,
    };
  if (mc.binary) op.response = { kind: 'binary', pointer: op.response.pointer };
  if (mc.multipart && op.body) op.body.encoding = 'multipart';
  if (mc.deprecated) op.deprecated = true;
  const scheme = mc.pagination ?? detectScheme(op, config, ir);
  if (!scheme) return op;
  const pc = config.pagination[scheme];
  if (!pc)
    throw new GeneratorError(
      'plan',
      pointerJoin(pointer, 'pagination'),
      `no pagination scheme "${scheme}" in the config`,
    );
  const item = itemsOf(op.response.type, pc.response.items, ir);
  if (!item) {
    throw new GeneratorError(
      'plan',
      op.response.pointer,
      `response has no "${pc.response.items}" array for pagination "${scheme}"`,
    );
  }
  op.pagination = { scheme, item };
  return op;
}

function objectOf(type: IRType | undefined, ir: Pick<IR, 'schemas'>): IRType | undefined {
  let t = type;
  for (let i = 0; t?.kind === 'ref' && i < 10; i++) t = ir.schemas[t.name]?.type;
  return t;
}

function itemsOf(type: IRType | undefined, field: string, ir: Pick<IR, 'schemas'>): IRType | undefined {
  const obj = objectOf(type, ir);
  if (obj?.kind !== 'object') return undefined;
  const prop = obj.properties.find((p) => p.name === field);
  const arr = objectOf(prop?.type, ir);
  return arr?.kind === 'array' ? arr.items : undefined;
}

/**
 * A GET is paginated by the one scheme that fits it: its JSON response has every response field the scheme
 * names, and the operation takes the scheme's cursor params (`next.param`, `previous.param`) as query
 * params. Schemes whose response fields coincide (an opaque cursor sent back as `page` or as `page_token`)
 * are told apart by the cursor param; when more than one scheme still fits, none is picked (name it with the
 * method's `pagination`).
 */
function detectScheme(op: IROperation, config: ResolvedConfig, ir: Pick<IR, 'schemas'>): string | undefined {
  if (op.method !== 'get' || op.response.kind !== 'json') return undefined;
  const obj = objectOf(op.response.type, ir);
  if (obj?.kind !== 'object') return undefined;
  const names = new Set(obj.properties.map((p) => p.name));
  const query = new Set(op.params.query.map((p) => p.name));
  const matches = Object.entries(config.pagination).filter(
    ([, pc]) =>
      Object.values(pc.response).every((f) => typeof f !== 'string' || names.has(f)) &&
      [pc.next, pc.previous].every((rule) => !rule || query.has(rule.param)),
  );
  return matches.length === 1 ? matches[0]![0] : undefined;
}

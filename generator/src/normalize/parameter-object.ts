import { GeneratorError, pointerJoin } from '../errors.js';
import type { IRParameter } from '../ir/types.js';
import { deref, type NormalizeContext } from './context.js';
import { schemaDocs, schemaObject } from './schema-object.js';
import { arrayAt, isPlainObject } from './shape.js';

const LOCATIONS = ['path', 'query', 'header', 'cookie'];

/**
 * Parameter Object (OpenAPI 3.1 section 4.8.12). Path-item and operation parameters are merged
 * (operation wins, keyed by name + location); cookie parameters are skipped with a warning.
 */
export function parameterObjects(
  ctx: NormalizeContext,
  lists: { node: unknown; pointer: string }[],
): IRParameter[] {
  const byKey = new Map<string, IRParameter>();
  for (const { node, pointer } of lists) {
    arrayAt(node, pointer, 'parameters')?.forEach((raw, i) => {
      const at = pointerJoin(pointer, i);
      const param = parameterObject(ctx, raw, at);
      if (param) byKey.set(`${param.location}:${param.name}`, param);
    });
  }
  return [...byKey.values()];
}

function parameterObject(ctx: NormalizeContext, raw: unknown, at: string): IRParameter | undefined {
  const { node, pointer } = deref<any>(ctx, raw, at);
  checkParameter(node, pointer);
  if (node.in === 'cookie') {
    ctx.warnings.add('normalize', pointer, `cookie parameter "${node.name}" is not supported; skipped`);
    return undefined;
  }
  const schema = node.schema ?? node.content?.['application/json']?.schema;
  const type = schemaObject(ctx, schema, pointerJoin(pointer, 'schema'));
  const location = node.in as IRParameter['location'];
  const docs = { ...schemaDocs(schema), ...schemaDocs(node) };
  return {
    name: node.name,
    sdkName: node.name,
    location,
    required: location === 'path' || node.required === true,
    type,
    pointer,
    ...docs,
  };
}

/** A Parameter Object needs a non-empty `name` and one of the four locations. */
function checkParameter(
  node: unknown,
  pointer: string,
): asserts node is Record<string, any> & { name: string; in: string } {
  if (
    !isPlainObject(node) ||
    typeof node.name !== 'string' ||
    typeof node.in !== 'string' ||
    node.name === ''
  ) {
    throw new GeneratorError('normalize', pointer, 'a parameter needs "name" and "in"');
  }
  if (!LOCATIONS.includes(node.in)) {
    const hint =
      node.in === 'body' || node.in === 'formData' ? ' (a Swagger 2.0 location: use requestBody)' : '';
    throw new GeneratorError(
      'normalize',
      pointerJoin(pointer, 'in'),
      `unknown parameter location "${node.in}"${hint}`,
    );
  }
}

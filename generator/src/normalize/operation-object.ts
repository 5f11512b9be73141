import { GeneratorError, pointerJoin } from '../errors.js';
import type { IROperation } from '../ir/types.js';
import type { NormalizeContext } from './context.js';
import { parameterObjects } from './parameter-object.js';
import { requestBodyObject } from './request-body-object.js';
import { responsesObject } from './response-object.js';

/** Where an operation sits: its path key, method, and the path item's shared parameters. */
export interface OperationSite {
  pathKey: string;
  method: IROperation['method'];
  pathItem: any;
  pathItemPointer: string;
}

/**
 * Operation Object (OpenAPI 3.1 section 4.8.10) -> IR operation. A query string in the path key
 * (`/v1/messages?beta=true`, as the Anthropic spec writes beta endpoints) is kept as `fixedQuery`.
 */
export function operationObject(ctx: NormalizeContext, site: OperationSite): IROperation {
  const pointer = pointerJoin(site.pathItemPointer, site.method);
  const op = site.pathItem[site.method];
  if (op.operationId !== undefined && typeof op.operationId !== 'string')
    throw new GeneratorError(
      'normalize',
      pointerJoin(pointer, 'operationId'),
      'operationId must be a string',
    );
  const [path, fixedQuery = ''] = site.pathKey.split('?', 2) as [string, string?];
  const pathParts = path.split(/\{([^}]+)\}/);
  const params = parameterObjects(ctx, [
    { node: site.pathItem.parameters, pointer: pointerJoin(site.pathItemPointer, 'parameters') },
    { node: op.parameters, pointer: pointerJoin(pointer, 'parameters') },
  ]);
  const body = requestBodyObject(ctx, op.requestBody, pointerJoin(pointer, 'requestBody'));
  const ir: IROperation = {
    id: `${site.method} ${site.pathKey}`,
    method: site.method,
    path,
    pathParts,
    fixedQuery,
    params: {
      path: orderPathParams(
        pathParts,
        params.filter((p) => p.location === 'path'),
      ),
      query: params.filter((p) => p.location === 'query'),
      header: params.filter((p) => p.location === 'header'),
    },
    response: responsesObject(ctx, op.responses, pointerJoin(pointer, 'responses')),
    pointer,
  };
  if (body) {
    ir.body = body.body;
    if (body.example !== undefined) ir.bodyExample = body.example;
  }
  if (typeof op.operationId === 'string') ir.operationId = op.operationId;
  const tags = Array.isArray(op.tags) ? op.tags.filter((t: unknown) => typeof t === 'string') : [];
  if (tags.length > 0) ir.tags = tags;
  if (typeof op.summary === 'string') ir.summary = op.summary;
  if (typeof op.description === 'string') ir.description = op.description;
  if (op.deprecated === true) ir.deprecated = true;
  return ir;
}

/** Path parameters in the order they appear in the template; undeclared ones get a string type. */
function orderPathParams(
  pathParts: string[],
  declared: IROperation['params']['path'],
): IROperation['params']['path'] {
  const names = pathParts.filter((_, i) => i % 2 === 1);
  return names.map(
    (name) =>
      declared.find((p) => p.name === name) ?? {
        name,
        sdkName: name,
        location: 'path',
        required: true,
        type: { kind: 'string', pointer: '#' },
        pointer: '#',
      },
  );
}

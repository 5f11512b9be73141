import { GeneratorError, pointerJoin } from '../errors.js';
import type { IROperation } from '../ir/types.js';
import type { NormalizeContext } from './context.js';
import { operationObject } from './operation-object.js';
import { objectAt } from './shape.js';

const METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;

/**
 * Paths Object (OpenAPI 3.1 section 4.8.8): every operation, keyed `<method> <path key>`. Two operations
 * with the same operationId are reported as duplicates. Paths that differ only in parameter names
 * (`/items/{id}`, `/items/{slug}`) are ambiguous per section 4.8.8.1 but accepted, as openapi-typescript does:
 * they are distinct keys and become distinct methods.
 */
export function pathsObject(ctx: NormalizeContext): Record<string, IROperation> {
  const out: Record<string, IROperation> = {};
  const byOperationId = new Map<string, string>();
  for (const [pathKey, raw] of Object.entries<any>(ctx.doc.paths ?? {})) {
    if (pathKey.startsWith('x-')) continue;
    const pathItemPointer = pointerJoin('#/paths', pathKey);
    if (!pathKey.startsWith('/'))
      throw new GeneratorError('normalize', pathItemPointer, `path "${pathKey}" must start with "/"`);
    const pathItem = objectAt(raw, pathItemPointer, 'a path item') ?? {};
    for (const method of METHODS) {
      if (pathItem[method] === undefined) continue;
      objectAt(pathItem[method], pointerJoin(pathItemPointer, method), 'an operation');
      const op = operationObject(ctx, { pathKey, method, pathItem, pathItemPointer });
      if (op.operationId) checkDuplicate(byOperationId, op.operationId, op.pointer, 'operationId');
      out[op.id] = op;
    }
  }
  return out;
}

function checkDuplicate(seen: Map<string, string>, key: string, pointer: string, what: string): void {
  const first = seen.get(key);
  if (first !== undefined) {
    throw new GeneratorError('normalize', pointer, `duplicate ${what} "${key}" (first defined at ${first})`);
  }
  seen.set(key, pointer);
}

import { GeneratorError, pointerJoin } from '../errors.js';
import type { IROperation } from '../ir/types.js';
import type { NormalizeContext } from './context.js';
import { operationObject } from './operation-object.js';
import type { HeaderAliases } from './parameter-object.js';

const METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;

/**
 * Paths Object (OpenAPI 3.1 section 4.8.8): every operation, keyed `<method> <path key>`. Two operations
 * with the same operationId, or the same method on paths that differ only in parameter names, are
 * reported as duplicates.
 */
export function pathsObject(ctx: NormalizeContext, aliases: HeaderAliases): Record<string, IROperation> {
  const out: Record<string, IROperation> = {};
  const byOperationId = new Map<string, string>();
  const byShape = new Map<string, string>();
  for (const [pathKey, pathItem] of Object.entries<any>(ctx.doc.paths ?? {})) {
    const pathItemPointer = pointerJoin('#/paths', pathKey);
    for (const method of METHODS) {
      if (!pathItem?.[method]) continue;
      const op = operationObject(ctx, { pathKey, method, pathItem, pathItemPointer }, aliases);
      checkDuplicate(byShape, `${method} ${pathKey.replace(/\{[^}]+\}/g, '{}')}`, op.pointer, 'operation');
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

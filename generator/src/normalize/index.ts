import { pointerJoin, type Warnings } from '../errors.js';
import type { IR, IRSchema } from '../ir/types.js';
import type { LoadedSpec } from '../load/index.js';
import type { NormalizeContext } from './context.js';
import { checkAliasCycles } from './cycles.js';
import { pathsObject } from './paths-object.js';
import { schemaObject } from './schema-object.js';
import { objectAt } from './shape.js';

export { componentSchemaName } from './context.js';

/**
 * Turns the bundled spec into the IR: schemas and operations, as the spec says them. It reads no SDK
 * config: binding operations to resources and methods is the plan's. Throws `GeneratorError` (stage
 * `normalize`) on dangling refs, duplicate operations and inexpressible cycles.
 *
 * @example
 * ```ts
 * const ir = normalize(spec, warnings);
 * ```
 */
export function normalize(spec: LoadedSpec, warnings: Warnings): IR {
  const ctx: NormalizeContext = { doc: spec.document, warnings };
  const schemas: Record<string, IRSchema> = {};
  const components = objectAt(spec.document.components, '#/components', '"components"');
  for (const [name, raw] of Object.entries<any>(
    objectAt(components?.schemas, '#/components/schemas', '"schemas"') ?? {},
  )) {
    const pointer = pointerJoin('#/components/schemas', name);
    const source = spec.schemaSources[name] ?? '';
    schemas[name] = { name, type: schemaObject(ctx, raw, pointer), source, pointer };
  }
  checkAliasCycles(schemas);
  const operations = pathsObject(ctx);
  const info = spec.document.info ?? {};
  return {
    title: String(info.title ?? ''),
    version: String(info.version ?? ''),
    schemas,
    operations,
  };
}

import type { ResolvedConfig } from '../config/index.js';
import { pointerJoin, type Warnings } from '../errors.js';
import type { IR, IRSchema } from '../ir/types.js';
import type { LoadedSpec } from '../load/index.js';
import type { NormalizeContext } from './context.js';
import { checkAliasCycles } from './cycles.js';
import { pathsObject } from './paths-object.js';
import { resourceTree } from './resources.js';
import { schemaObject } from './schema-object.js';
import { objectAt } from './shape.js';

export { componentSchemaName } from './context.js';

/**
 * Turns the bundled spec plus the SDK config into the IR: schemas, operations (with transport decided)
 * and the resource tree. Throws `GeneratorError` (stage `normalize`) on dangling refs, duplicate
 * operations, inexpressible cycles and config entries naming missing operations.
 *
 * @example
 * ```ts
 * const ir = normalize(spec, cfg, warnings);
 * ```
 */
export function normalize(spec: LoadedSpec, config: ResolvedConfig, warnings: Warnings): IR {
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
  const aliases: Record<string, string> = {};
  for (const [sdkName, hp] of Object.entries(config.headerParams)) aliases[hp.header.toLowerCase()] = sdkName;
  for (const header of Object.keys(config.client.defaultHeaders)) aliases[header.toLowerCase()] = '';
  const operations = pathsObject(ctx, aliases);
  const resources = resourceTree(config, { operations, schemas });
  const overlays: IR['overlays'] = {};
  for (const [path, ov] of Object.entries(config.overlays)) {
    const [module, exportName] = ov.class.split('#') as [string, string];
    const exports = ov.exports.map((e) => {
      const [from, name] = e.split('#') as [string, string];
      return { module: from, name };
    });
    overlays[path] = { module, exportName, methods: ov.methods, exports };
  }
  const info = spec.document.info ?? {};
  return {
    title: String(info.title ?? ''),
    version: String(info.version ?? ''),
    schemas,
    operations,
    resources,
    overlays,
  };
}

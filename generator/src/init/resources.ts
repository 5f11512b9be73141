import { pascalCase } from '../plan/names.js';
import { groupOf, uniqueName } from './operation-names.js';
import { detectPage, type PageSchemes } from './pages.js';

/** One method entry as `sdkgen init` writes it. */
export interface InitMethod {
  operation: string;
  pagination?: string;
}

/** One resource entry as `sdkgen init` writes it. */
export interface InitResource {
  className: string;
  module: string;
  methods: Record<string, InitMethod>;
}

const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options', 'trace'] as const;

/** An operation of the spec with where it sits. */
interface SpecOperation {
  method: string;
  pathKey: string;
  op: any;
  pathItem: any;
}

function operations(doc: Record<string, any>): SpecOperation[] {
  return Object.entries<any>(doc.paths ?? {}).flatMap(([pathKey, pathItem]) =>
    HTTP_METHODS.filter((m) => pathItem?.[m]).map((method) => ({
      method,
      pathKey,
      op: pathItem[method],
      pathItem,
    })),
  );
}

/**
 * Groups every operation of the spec into resources (first tag, else leading path segment) with CRUD-style
 * method names (`list`, `create`, `retrieve`, `update`, `delete`, else the action segment). Operations are
 * referenced by operationId, or by `<method> <path>` when they have none. List operations whose response
 * looks like a page get a page scheme from `schemes`.
 */
export function initResources(doc: Record<string, any>, schemes: PageSchemes): Record<string, InitResource> {
  const schemaNames = new Set(Object.keys(doc.components?.schemas ?? {}));
  const out: Record<string, InitResource> = {};
  for (const o of operations(doc)) {
    const shape = { method: o.method, pathKey: o.pathKey, operationId: o.op.operationId, tags: o.op.tags };
    const group = groupOf(shape);
    const cls = pascalCase(group);
    out[group] ??= {
      className: schemaNames.has(cls) ? `${cls}Resource` : cls,
      module: group.replace(/([a-z0-9])([A-Z])/g, '$1-$2').toLowerCase(),
      methods: {},
    };
    const methods = out[group]!.methods;
    const method: InitMethod = {
      operation: typeof o.op.operationId === 'string' ? o.op.operationId : `${o.method} ${o.pathKey}`,
    };
    const page = o.method === 'get' ? detectPage(doc, o.op, o.pathItem) : undefined;
    if (page) method.pagination = schemes.nameFor(page);
    methods[uniqueName(shape, (n) => Object.hasOwn(methods, n))] = method;
  }
  return out;
}

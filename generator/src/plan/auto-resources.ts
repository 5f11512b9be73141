import type { ResolvedConfig } from '../config/index.js';
import { GeneratorError } from '../errors.js';
import { firstTag, groupOf, literals, type OperationShape, uniqueName } from '../init/operation-names.js';
import type { IR, IROperation } from '../ir/types.js';
import { baseClientMembers } from '../load/runtime-source.js';
import { sdkHeaders } from './header-params.js';
import { camelCase, memberName, pascalCase, schemaTypeName, typeName } from './names.js';
import type { BoundResource } from './types.js';

/** Where an operation lands: the resource chain from the client, and the path its method is named from. */
interface Placement {
  chain: string[];
  shape: OperationShape;
}

/**
 * Binds every operation no resource claims (config `autoResources`). A `group<sep>verb` operationId names its
 * resource and method. Otherwise, as `sdkgen init` does: the first tag or leading path segment is the resource,
 * a collection nested under an item (`/pets/{id}/toys`) a sub-resource, and the method is named from the HTTP
 * method and path shape (`list`, `retrieve`, `create`, `update`, `delete`, else the action segment, else the
 * operationId).
 */
export function autoResources(
  config: ResolvedConfig,
  ir: Pick<IR, 'operations' | 'schemas'>,
  roots: BoundResource[],
): void {
  const tree = new ResourceTree(config, ir, roots);
  const bound = new Set(
    roots.flatMap(function all(r): string[] {
      return [...r.methods.map((m) => m.operationId), ...r.subresources.flatMap(all)];
    }),
  );
  const ops = Object.values(ir.operations)
    .filter((op) => !bound.has(op.id))
    .map((op) => sdkHeaders(op, config));
  const collections = collectionPrefixes(ops);
  const sep = config.autoResources!.separator;
  for (const op of ops) {
    const id = op.operationId;
    if (id?.includes(sep) && camelCase(id.slice(0, id.indexOf(sep)))) {
      bindGrouped(tree, op, id.slice(0, id.indexOf(sep)), id.slice(id.indexOf(sep) + 1));
      continue;
    }
    const { chain, shape } = placement(op, collections);
    const r = tree.resource(chain);
    const name = memberName(uniqueName(shape, (n) => r.methods.some((m) => m.name === memberName(n))));
    r.methods.push({ name, operationId: op.id, operation: op, headerDefaults: {}, pointer: op.pointer });
  }
  tree.assignModules();
  for (const r of roots) renameShadowedMethods(r);
}

/** A method named like a sub-resource of its class (`groups.aggregated()` and `groups.aggregated.list()`). */
function renameShadowedMethods(r: BoundResource): void {
  const subs = new Set(r.subresources.map((s) => s.name));
  for (const m of r.methods) {
    if (!subs.has(m.name)) continue;
    let name = `${m.operationId.split(' ')[0]}${pascalCase(m.name)}`;
    for (let i = 2; subs.has(name) || r.methods.some((o) => o.name === name); i++) name = `${name}${i}`;
    m.name = name;
  }
  for (const s of r.subresources) renameShadowedMethods(s);
}

function bindGrouped(tree: ResourceTree, op: IROperation, group: string, rest: string): void {
  const r = tree.resource([camelCase(group)]);
  // An operationId with no letters or digits after the group (`items/🙂`) is named after its method and path.
  const method = memberName(camelCase(rest) || camelCase(`${op.method} ${op.path}`));
  const taken = r.methods.find((m) => m.name === method);
  if (taken)
    throw new GeneratorError(
      'plan',
      op.pointer,
      `method name "${method}" of resource "${r.path}" is taken by ${taken.pointer}; bind one of them in the config`,
    );
  r.methods.push({
    name: method,
    operationId: op.id,
    operation: op,
    headerDefaults: {},
    pointer: op.pointer,
  });
}

/** Path templates (params as `{}`) that are collections: two or more methods, or paths below them. */
function collectionPrefixes(ops: IROperation[]): Set<string> {
  const count = new Map<string, number>();
  const out = new Set<string>();
  for (const op of ops) {
    const segs = templateSegments(op);
    const key = segs.join('/');
    count.set(key, (count.get(key) ?? 0) + 1);
    if ((count.get(key) ?? 0) > 1) out.add(key);
    for (let i = 1; i < segs.length; i++) out.add(segs.slice(0, i).join('/'));
  }
  return out;
}

/** The path's segments with each parameter as `{}` (`/a/{id}/b` -> `['a', '{}', 'b']`). */
function templateSegments(op: IROperation): string[] {
  return op.pathParts
    .map((part, i) => (i % 2 === 1 ? '{}' : part))
    .join('')
    .split('/')
    .filter(Boolean);
}

/** The resource chain and the path (relative to the innermost resource) an operation is named from. */
function placement(op: IROperation, collections: Set<string>): Placement {
  const shape: OperationShape = {
    method: op.method,
    pathKey: op.path,
    operationId: op.operationId,
    tags: op.tags,
  };
  const group = groupOf(shape);
  const tag = firstTag(shape);
  const segs = op.path.split('/').filter(Boolean);
  const tmpl = templateSegments(op);
  // The resource starts at the tag's own segment (`/{user}/dashboards/{id}/blocks` tagged Blocks), else the first.
  const first = tag
    ? segs.map((s) => camelCase(s)).lastIndexOf(camelCase(tag))
    : segs.findIndex((s) => !s.startsWith('{') && s === literals(op.path)[0]);
  if (first === -1) return { chain: [group], shape };
  const chain = [group];
  let from = first;
  for (let j = first + 1; j < segs.length; j++) {
    const nestedCollection = !segs[j]!.startsWith('{') && segs[j - 1]!.startsWith('{');
    if (
      nestedCollection &&
      camelCase(segs[j]!) &&
      (j < segs.length - 1 || collections.has(tmpl.slice(0, j + 1).join('/')))
    ) {
      chain.push(camelCase(segs[j]!));
      from = j;
    }
  }
  return { chain, shape: { ...shape, pathKey: `/${segs.slice(from).join('/')}` } };
}

/** The auto resources by dotted path, created on first use. */
class ResourceTree {
  private readonly byPath = new Map<string, BoundResource>();
  private readonly schemaNames: Set<string>;
  /** Member names a top-level resource may not take. */
  private readonly taken: Set<string>;

  constructor(
    private readonly config: ResolvedConfig,
    ir: Pick<IR, 'schemas'>,
    private readonly roots: BoundResource[],
  ) {
    // A resource class may not take the name of a schema type or of the client's own classes.
    const { className, baseClassName } = config.client;
    this.schemaNames = new Set([
      ...Object.keys(ir.schemas).map((n) => schemaTypeName(n, config.typeNames)),
      className,
      baseClassName,
    ]);
    for (const r of roots) this.byPath.set(r.path, r);
    // The runtime's base class members, and the per-SDK ones instantiation adds (credentials, statics).
    this.taken = new Set([
      ...baseClientMembers(),
      ...config.client.auth.flatMap((a) => [a.option, a.method ?? `${a.option}Auth`]),
    ]);
  }

  resource(chain: string[]): BoundResource {
    let parent: BoundResource | undefined;
    for (let i = 0; i < chain.length; i++) {
      // A resource is a property of the client (or its parent): names of the base class's members are taken.
      const raw = memberName(chain[i]!);
      const name = i === 0 && this.taken.has(raw) ? `${raw}Resource` : raw;
      const path = parent ? `${parent.path}.${name}` : name;
      let r = this.byPath.get(path);
      if (!r) {
        const cls = typeName(pascalCase(name));
        let className = cls;
        for (let n = 1; this.schemaNames.has(className); n++) className = `${cls}Resource${n > 1 ? n : ''}`;
        this.schemaNames.add(className);
        r = {
          name,
          path,
          className,
          module: '',
          methods: [],
          subresources: [],
          typeAliases: {},
          pointer: `${this.config.configPath}#/autoResources`,
        };
        this.byPath.set(path, r);
        (parent ? parent.subresources : this.roots).push(r);
      }
      parent = r;
    }
    return parent!;
  }

  /** `pets` for a leaf, `pets/pets` for a resource with sub-resources (`pets/toys`), as the config writes them. */
  assignModules(): void {
    const reserved = new Set(['index', this.config.defaultTypeModule]);
    const visit = (r: BoundResource, dir: string) => {
      if (r.module === '') {
        let base = r.name
          .replace(/([a-z0-9])([A-Z])/g, '$1-$2')
          .replace(/[^A-Za-z0-9]+/g, '-')
          .toLowerCase();
        if (!/[a-z0-9]/.test(base)) base = 'resource';
        // `index` is each folder's barrel; the default type module sits at the top.
        if (base === 'index' || (!dir && reserved.has(base))) base = `${base}-resource`;
        const own = dir ? `${dir}/${base}` : base;
        r.module = r.subresources.length > 0 ? `${own}/${base}` : own;
        for (const s of r.subresources) visit(s, own);
      } else for (const s of r.subresources) visit(s, r.module.replace(/\/[^/]+$/, ''));
    };
    for (const r of this.roots) visit(r, '');
  }
}

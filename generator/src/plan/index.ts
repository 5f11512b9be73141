import type { ResolvedConfig } from '../config/index.js';
import { compareStrings, GeneratorError, type Warnings } from '../errors.js';
import type { IR } from '../ir/types.js';
import { asExtension } from './flatten.js';
import { importAlias, referencedModules } from './imports.js';
import { planIndexes } from './indexes.js';
import { LINE_BUDGET, type Measure, planLayout } from './layout.js';
import { planMethod } from './methods.js';
import { bind } from './resources.js';
import { planRuntime } from './runtime.js';
import { typeHomes } from './type-homes.js';
import type {
  Bindings,
  BoundResource,
  ModuleExport,
  Plan,
  PlannedClient,
  PlannedClientResource,
  PlannedModule,
  PlannedType,
  TypeHome,
} from './types.js';

export type * from './types.js';

/**
 * Decides files, exported names and imports for the SDK. Name collisions inside a module are errors
 * here, before anything is emitted.
 *
 * @example
 * ```ts
 * const p = plan(ir, cfg);
 * ```
 */
export function plan(spec: IR, config: ResolvedConfig, opts: PlanOptions = {}): Plan {
  // Config `typeRefs` retarget schema properties; they are written into the plan's own copy of the schemas,
  // which emit prints from: the IR stays as the spec says.
  const ir: IR =
    Object.keys(config.typeRefs).length > 0 ? { ...spec, schemas: structuredClone(spec.schemas) } : spec;
  const bindings = bind(config, ir);
  const homes = typeHomes(ir, config, bindings.resources);
  const modules = new Map<string, PlannedModule>();
  const mod = (path: string) =>
    modules.get(path) ?? modules.set(path, { path, types: [], imports: [] }).get(path)!;
  const extra = new Map<string, Bucket>();
  const stems = new Set(Object.values(homes).map((h) => h.name));
  const visit = (r: BoundResource, clientPath: string) => {
    const site = { ir, config, homes, resource: r, clientPath: `${clientPath}.${r.name}`, stems };
    extra.set(r.module, planResource(mod(r.module), site));
    for (const s of r.subresources) visit(s, site.clientPath);
  };
  for (const r of bindings.resources) visit(r, 'client');
  const nested = config.typeAliases.filter((a) => a.name.includes('.'));
  for (const a of config.typeAliases) {
    if (a.name.includes('.')) continue;
    const bucket = extra.get(a.module) ?? { pages: [], responses: [], params: [] };
    const pointer = `${config.configPath}#/typeAliases/${a.name}`;
    bucket.params.push({ name: a.name, pointer, decl: { kind: 'alias', text: a.target } });
    extra.set(a.module, bucket);
    mod(a.module);
  }
  applyTypeRefs(ir, config, homes, extra);
  const consumed = new Set([...extra.values()].flatMap((b) => b.params.map((p) => p.name)));
  placeSchemas(ir, homes, mod, extra, consumed);
  for (const m of modules.values()) {
    const b = extra.get(m.path);
    m.types = [...(b?.pages ?? []), ...m.types, ...(b?.responses ?? []), ...(b?.params ?? [])];
  }
  for (const a of nested) addNamespaceAlias(modules.get(a.module), a, homes, config.configPath);
  for (const m of modules.values()) checkCollisions(m, modules);
  const sorted = [...modules.values()].sort((a, b) => compareStrings(a.path, b.path));
  for (const m of sorted) m.imports = planImports(ir, homes, m);
  const planned: Plan = {
    modules: sorted,
    indexes: planIndexes(bindings.resources, sorted),
    client: planClient(config, bindings, sorted),
    typeHomes: homes,
    schemas: ir.schemas,
    runtime: planRuntime(config, undefined, opts.version ?? config.package.version),
    layout: { budget: LINE_BUDGET, files: [], typesEntry: {} },
  };
  const sizes = opts.measure?.(planned) ?? new Map();
  planned.layout = planLayout(ir, planned, sizes, (pointer, message) =>
    opts.warnings?.add('plan', pointer, message),
  );
  return planned;
}

/** Options of `plan`: the version of a hand-written package.json, emit's measure of printed sizes, warnings. */
export interface PlanOptions {
  version?: string;
  /** Printed line counts the layout splits by; without it every declaration counts one line. */
  measure?: Measure;
  warnings?: Warnings;
}

/**
 * Config `typeAliases` entry `Owner.Name`: an alias in the namespace merged with type `Owner` of the module.
 * A target that names a schema's SDK type is printed as a reference to it (imported from its home module).
 */
function addNamespaceAlias(
  m: PlannedModule | undefined,
  a: { module: string; name: string; target: string },
  homes: Record<string, TypeHome>,
  configPath: string,
): void {
  const dot = a.name.lastIndexOf('.');
  const [ownerName, name] = [a.name.slice(0, dot), a.name.slice(dot + 1)];
  const owner = m?.types.find((t) => t.name === ownerName);
  if (!owner) {
    throw new GeneratorError(
      'plan',
      `${configPath}#/typeAliases/${a.name}`,
      `no type "${ownerName}" in module "${a.module}" to hold the alias`,
    );
  }
  const schema = Object.keys(homes).find((k) => homes[k]!.name === a.target && !homes[k]!.inline);
  const member: NonNullable<typeof owner.members>[number] = schema
    ? { name, text: a.target, type: { kind: 'ref', name: schema, pointer: `#/components/schemas/${schema}` } }
    : { name, text: a.target };
  owner.members = [...(owner.members ?? []), member];
}

/** Types a resource's methods declare in its module, in print order groups. */
interface Bucket {
  pages: PlannedType[];
  responses: PlannedType[];
  params: PlannedType[];
}

/** Plans a resource's class (methods, sub-resources) into its module; returns the types its methods declare. */
function planResource(m: PlannedModule, site: Parameters<typeof planMethod>[0]): Bucket {
  const r = site.resource;
  const bucket: Bucket = { pages: [], responses: [], params: [] };
  const methods = r.methods.map((im) => {
    const mp = planMethod(site, im);
    bucket.pages.push(...mp.pages);
    bucket.responses.push(...mp.responses);
    bucket.params.push(...mp.params);
    return mp.method;
  });
  if (m.resource) {
    throw new GeneratorError(
      'plan',
      r.pointer,
      `module "${r.module}" already holds resource ${m.resource.dottedPath}`,
    );
  }
  const subresources = r.subresources.map((s) => ({
    prop: s.name,
    className: s.className,
    module: s.module,
  }));
  m.resource = { className: r.className, dottedPath: r.path, methods, subresources };
  for (const [alias, target] of Object.entries(r.typeAliases)) {
    bucket.params.push({
      name: alias,
      pointer: `${r.pointer}/typeAliases/${alias}`,
      decl: { kind: 'alias', text: target },
    });
  }
  return bucket;
}

function placeSchemas(
  ir: IR,
  homes: Record<string, TypeHome>,
  mod: (path: string) => PlannedModule,
  extra: Map<string, { params: PlannedType[] }>,
  consumed: Set<string>,
): void {
  const names = Object.keys(ir.schemas).sort((a, b) => compareStrings(homes[a]!.name, homes[b]!.name));
  for (const name of names) {
    const home = homes[name]!;
    const schema = ir.schemas[name]!;
    if (home.inline) continue;
    const paramsHere = extra.get(home.module)?.params.some((p) => p.name === home.name);
    if (paramsHere && consumed.has(home.name)) continue;
    const t = schema.type;
    const docs = {
      ...(t.description ? { description: t.description } : {}),
      ...(t.deprecated ? { deprecated: true } : {}),
    };
    // A member printed inline (no declaration of its own) cannot be extended: the `allOf` stays an intersection.
    const inlineMember =
      t.kind === 'intersection' && t.members.some((m) => m.kind === 'ref' && homes[m.name]?.inline);
    const ext = inlineMember ? undefined : asExtension(ir, t);
    const decl: PlannedType['decl'] = ext
      ? { kind: 'interface', properties: ext.properties, extends: [], extendsRefs: ext.refs }
      : t.kind === 'object'
        ? {
            kind: 'interface',
            properties: t.properties,
            extends: [],
            ...(t.additionalProperties ? { additional: t.additionalProperties } : {}),
          }
        : { kind: 'alias', type: t };
    mod(home.module).types.push({ name: home.name, pointer: schema.pointer, decl, ...docs });
  }
}

function checkCollisions(m: PlannedModule, modules: Map<string, PlannedModule>): void {
  const seen = new Map<string, string>();
  const claim = (name: string, pointer: string) => {
    const first = seen.get(name);
    if (first !== undefined) {
      throw new GeneratorError(
        'plan',
        pointer,
        `name "${name}" collides in module "${m.path}" with the declaration from ${first}`,
      );
    }
    seen.set(name, pointer);
  };
  if (m.resource) {
    claim(m.resource.className, `resource ${m.resource.dottedPath}`);
    for (const t of m.types) claim(t.name, t.pointer);
    for (const s of m.resource.subresources) {
      claim(s.className, `resource ${m.resource.dottedPath}.${s.prop}`);
      for (const t of modules.get(s.module)?.types ?? []) if (!t.hidden) claim(t.name, t.pointer);
    }
    return;
  }
  for (const t of m.types) claim(t.name, t.pointer);
}

function planImports(ir: IR, homes: Record<string, TypeHome>, m: PlannedModule): PlannedModule['imports'] {
  const imports = importsOf(ir, homes, m);
  // Namespace members that alias a module-level name of the same name need a qualified self reference.
  if (m.types.some((t) => t.members?.length)) {
    const clash = imports.some((i) => i.alias === importAlias(m.path, false));
    imports.push({ module: m.path, alias: importAlias(m.path, clash), value: false });
  }
  return imports;
}

function importsOf(ir: IR, homes: Record<string, TypeHome>, m: PlannedModule): PlannedModule['imports'] {
  const targets = referencedModules(ir, homes, m);
  const values = new Set(m.resource?.subresources.map((s) => s.module) ?? []);
  for (const v of values) targets.add(v);
  const list = [...targets].sort();
  const short = list.map((t) => importAlias(t, false));
  return list.map((module, i) => {
    const clash = short.filter((s) => s === short[i]).length > 1 || short[i] === `${m.resource?.className}`;
    return { module, alias: importAlias(module, clash), value: values.has(module) };
  });
}

function planClient(config: ResolvedConfig, bindings: Bindings, modules: PlannedModule[]): Plan['client'] {
  const byPath = new Map(modules.map((m) => [m.path, m]));
  const exported = (module: string) =>
    (byPath.get(module)?.types ?? []).filter((t) => !t.hidden).map((t) => t.name);
  const toClient = (r: BoundResource): PlannedClientResource => {
    const ov = bindings.overlays[r.path];
    const children = r.subresources.map(toClient).filter((c) => c.overlay || c.children.length > 0);
    return {
      prop: r.name,
      className: r.className,
      module: r.module,
      ...(ov ? { overlay: { module: ov.module, exportName: ov.exportName, exports: ov.exports } } : {}),
      children,
      types: exported(r.module),
      subresources: r.subresources.map((s) => ({
        className: s.className,
        module: s.module,
        types: exported(s.module),
      })),
    };
  };
  for (const path of Object.keys(bindings.overlays)) {
    if (!Object.hasOwn(config.resources, path)) {
      throw new GeneratorError(
        'plan',
        `${config.configPath}#/overlays/${path}`,
        `overlay for unknown resource "${path}"`,
      );
    }
  }
  const shared = byPath.get(config.defaultTypeModule);
  const resources = bindings.resources.map(toClient);
  const reexports = {
    types: config.client.reexports.types.map(moduleExport),
    namespace: config.client.reexports.namespace.map(moduleExport),
  };
  const sharedTypes = shared && !shared.resource ? exported(shared.path) : [];
  return {
    className: config.client.className,
    ...(authOption(config) ? { authOption: authOption(config)! } : {}),
    baseClassName: config.client.baseClassName,
    baseModule: config.client.baseModule,
    reexports,
    constants: config.client.constants.map((c) => ({
      name: c.name,
      value: c.value,
      static: c.static ?? false,
    })),
    resources,
    paginationSchemes: Object.entries(config.pagination).map(([name, pc]) => ({
      name,
      paramsType: pc.paramsType,
      request: pc.request,
      response: pc.response,
      ...(pc.next ? { next: pc.next } : {}),
      ...(pc.previous ? { previous: pc.previous } : {}),
      pointer: `${config.configPath}#/pagination/${name}`,
    })),
    sharedTypes,
    ...(shared && !shared.resource ? { sharedModule: shared.path } : {}),
    namespace: clientNamespace(config, reexports.namespace, resources, sharedTypes),
  };
}

/** The names of the client's namespace, each once (see `PlannedClient.namespace`). */
function clientNamespace(
  config: ResolvedConfig,
  reexported: ModuleExport[],
  resources: PlannedClientResource[],
  sharedTypes: string[],
): PlannedClient['namespace'] {
  const fromPagination = new Set(reexported.filter((n) => n.module === 'core/pagination').map((n) => n.name));
  const keep = (name: string) => (fromPagination.has(name) ? '' : name);
  const schemes = Object.entries(config.pagination)
    .map(([name, pc]) => ({ name: keep(name), paramsType: keep(pc.paramsType) }))
    .filter((s) => s.name || s.paramsType);
  const overlays = (rs: PlannedClientResource[]): ModuleExport[] =>
    rs.flatMap((r) => [...(r.overlay?.exports ?? []), ...overlays(r.children)]);
  const exported = new Set<string>([
    'RequestOptions',
    ...schemes.flatMap((s) => [s.name, s.paramsType].filter(Boolean)),
    ...reexported.map((n) => n.name),
    ...overlays(resources).map((n) => n.name),
  ]);
  const resourceTypes: Record<string, string[]> = {};
  for (const r of resources) {
    resourceTypes[r.module] = r.types.filter((t) => !exported.has(t));
    for (const t of resourceTypes[r.module]!) exported.add(t);
  }
  return { schemes, resourceTypes, sharedTypes: sharedTypes.filter((t) => !exported.has(t)) };
}

/** `core/base-client#Logger` -> `{ module: 'core/base-client', name: 'Logger' }`. */
function moduleExport(ref: string): { module: string; name: string } {
  const [module, name] = ref.split('#') as [string, string];
  return { module, name };
}

function authOption(config: ResolvedConfig): string | undefined {
  const auth = (config.client as { auth?: { option?: string }[] }).auth;
  return Array.isArray(auth) && typeof auth[0]?.option === 'string' ? auth[0].option : undefined;
}

/** Config `typeRefs` (on the plan's copy of the schemas): points a schema property at a named SDK type (one the generator declares, or a schema). */
function applyTypeRefs(
  ir: IR,
  config: ResolvedConfig,
  homes: Record<string, TypeHome>,
  extra: Map<string, Bucket>,
): void {
  for (const [key, target] of Object.entries(config.typeRefs)) {
    const pointer = `${config.configPath}#/typeRefs/${key}`;
    const [schemaName, propName] = key.split('.') as [string, string?];
    const schema = ir.schemas[schemaName];
    const prop =
      schema?.type.kind === 'object' ? schema.type.properties.find((p) => p.name === propName) : undefined;
    if (!prop) throw new GeneratorError('plan', pointer, `no property "${key}" in the spec's schemas`);
    const declared = [...extra.entries()].find(([, b]) =>
      [...b.params, ...b.responses, ...b.pages].some((t) => t.name === target),
    );
    const module = declared?.[0] ?? Object.values(homes).find((h) => h.name === target && !h.inline)?.module;
    if (module === undefined) throw new GeneratorError('plan', pointer, `no SDK type named "${target}"`);
    homes[`$typeRef:${target}`] = { module, name: target };
    prop.type = { kind: 'ref', name: `$typeRef:${target}`, pointer: prop.pointer };
  }
}

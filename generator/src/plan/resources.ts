import type { MethodConfig, ResolvedConfig, ResourceConfig } from '../config/index.js';
import { GeneratorError, pointerJoin } from '../errors.js';
import type { IR, IROperation, IRType } from '../ir/types.js';
import { autoResources } from './auto-resources.js';
import { sdkHeaders } from './header-params.js';
import { bindTransport } from './transport.js';
import type { Bindings, BoundMethod, BoundResource, Overlay } from './types.js';

/**
 * The SDK's shape over the API: the resource tree from the config's `resources` (dotted keys, parents first),
 * each method bound to its operation by operationId (or `<method> <path key>`), then the operations no
 * resource claims (with `autoResources`), and the overlays. A binding to a missing operation is an error
 * pointing into the config.
 */
export function bind(config: ResolvedConfig, ir: Pick<IR, 'operations' | 'schemas'>): Bindings {
  const overlays: Record<string, Overlay> = {};
  for (const [path, ov] of Object.entries(config.overlays)) {
    const [module, exportName] = ov.class.split('#') as [string, string];
    const exports = ov.exports.map((e) => {
      const [from, name] = e.split('#') as [string, string];
      return { module: from, name };
    });
    overlays[path] = { module, exportName, methods: ov.methods, exports };
  }
  return { resources: resourceTree(config, ir), overlays };
}

function resourceTree(config: ResolvedConfig, ir: Pick<IR, 'operations' | 'schemas'>): BoundResource[] {
  const roots: BoundResource[] = [];
  const byPath = new Map<string, BoundResource>();
  const opsById = indexOperations(ir.operations);
  for (const [path, rc] of Object.entries(config.resources)) {
    const pointer = pointerJoin(`${config.configPath}#`, 'resources', path);
    const dot = path.lastIndexOf('.');
    const parent = dot === -1 ? undefined : byPath.get(path.slice(0, dot));
    if (dot !== -1 && !parent)
      throw new GeneratorError(
        'plan',
        pointer,
        `parent resource "${path.slice(0, dot)}" is not declared before it`,
      );
    const resource: BoundResource = {
      name: path.slice(dot + 1),
      path,
      className: rc.className,
      module: rc.module,
      methods: [],
      subresources: [],
      typeAliases: rc.typeAliases,
      pointer,
    };
    for (const [name, mc] of Object.entries(rc.methods)) {
      resource.methods.push(
        bindMethod(config, ir, opsById, { name, mc, rc, pointer: pointerJoin(pointer, 'methods', name) }),
      );
    }
    (parent ? parent.subresources : roots).push(resource);
    byPath.set(path, resource);
  }
  if (config.autoResources) autoResources(config, ir, roots);
  return roots;
}

function indexOperations(ops: Record<string, IROperation>): Map<string, IROperation> {
  const map = new Map<string, IROperation>();
  for (const op of Object.values(ops)) {
    map.set(op.id, op);
    if (op.operationId) map.set(op.operationId, op);
  }
  return map;
}

interface MethodSite {
  name: string;
  mc: MethodConfig;
  rc: ResourceConfig;
  pointer: string;
}

function bindMethod(
  config: ResolvedConfig,
  ir: Pick<IR, 'schemas'>,
  ops: Map<string, IROperation>,
  site: MethodSite,
): BoundMethod {
  const { mc, pointer } = site;
  const op = ops.get(mc.operation);
  if (!op)
    throw new GeneratorError(
      'plan',
      pointerJoin(pointer, 'operation'),
      `no operation "${mc.operation}" in the spec`,
    );
  const schemaRef = (name: string, at: string): IRType => {
    if (!ir.schemas[name])
      throw new GeneratorError('plan', pointerJoin(pointer, at), `no schema "${name}" in the spec`);
    return { kind: 'ref', name, pointer: `#/components/schemas/${name}` };
  };
  const method: BoundMethod = {
    name: site.name,
    operationId: op.id,
    operation: bindTransport(sdkHeaders(op, config), mc, config, schemaRef, ir, pointer),
    headerDefaults: headerDefaults(config, site, pointer),
    pointer,
  };
  if (mc.paramsType) method.paramsType = mc.paramsType;
  if (mc.pageType) method.pageType = mc.pageType;
  if (mc.accept) method.accept = mc.accept;
  if (mc.jsonl?.urlFrom) {
    const { method: from, field, statusField } = mc.jsonl.urlFrom;
    method.urlFrom = statusField ? { method: from, field, statusField } : { method: from, field };
  }
  if (mc.multipart) method.stripFilenames = mc.multipart.stripFilenames;
  if (mc.timeout) method.timeout = mc.timeout;
  return method;
}

/** `defaultBetas` (resource, then method) attach to the header of the `betas` header param. */
function headerDefaults(config: ResolvedConfig, site: MethodSite, pointer: string): Record<string, string[]> {
  const values = [...(site.rc.defaultBetas ?? []), ...(site.mc.defaultBetas ?? [])];
  if (values.length === 0) return {};
  const header = config.headerParams.betas?.header;
  if (!header) throw new GeneratorError('plan', pointer, 'defaultBetas needs a `headerParams.betas` entry');
  return { [header.toLowerCase()]: [...new Set(values)] };
}

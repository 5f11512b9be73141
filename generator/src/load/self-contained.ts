import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';

/**
 * What redocly's `bundle` (dereference off, empty config) would make of this one-file document, without running
 * it; `undefined` when this cannot tell, and the caller bundles. On GitHub's 13 MB spec that saves about 2 s.
 *
 * The bundler changes a one-file document only where (a) a `$ref` is not a local pointer, (b) a local `$ref` sits
 * where redocly's type tree has a plain value (an `example`, a `description`, a key of an `x-` extension object):
 * it inlines the target there, (c) a discriminator mapping points anywhere but a `#/components/schemas/<name>`
 * that is not itself a `$ref` (it copies the target into `components.schemas`), (d) an Example has an
 * `externalValue` (it reads the file); and it always adds an empty `components` when there is none. It reports a
 * problem for a `$ref` it cannot resolve and throws on a `$ref` chain that loops. So this answers only when every
 * `$ref` anywhere is a `#/...` pointer (no `%` escapes) to a value, through no other `$ref`, in no loop; no object
 * has an `externalValue`; and a walk of the document along redocly's own type tree (the rules of its walker, the
 * tables of the installed `@redocly/openapi-core`) meets only such mappings and, in plain-value positions, only
 * `$ref`s to an object holding no `$ref` (GitHub's spec has one, a schema `example`), which it inlines as the
 * bundler does. The root is changed in place only when the answer is a document (it is that document).
 */
export async function bundleSelfContained(
  root: Record<string, unknown>,
): Promise<Record<string, unknown> | undefined> {
  const refs = localRefs(root);
  if (!refs) return undefined;
  const types = await redoclyTypes(typeof root.openapi === 'string' && root.openapi.startsWith('3.0.'));
  if (!types) return undefined;
  let inline: Map<Obj, Obj> | undefined;
  try {
    inline = walkTyped(root, types, refs);
  } catch {
    return undefined;
  }
  if (!inline) return undefined;
  root.components = root.components || {};
  // `replaceRef` (ref-utils.js): the keys beside the `$ref` win over the target's.
  for (const [ref, target] of inline) {
    delete ref.$ref;
    Object.assign(ref, { ...target, ...ref });
  }
  return root;
}

type Json = unknown;
type Obj = Record<string, Json>;

/** A normalized redocly node type (`types/index.js` normalizeTypes). */
interface NodeType {
  name: string;
  properties: Record<string, TypeSlot>;
  additionalProperties?: TypeSlot;
  items?: TypeSlot;
  extensionsPrefix?: string;
}
type TypeSlot =
  | NodeType
  | ((value: Json, key: string) => TypeSlot)
  | { name?: undefined; resolvable?: boolean; directResolveAs?: unknown }
  | null
  | undefined;

interface Types {
  root: NodeType;
  specExtension: NodeType;
  isMappingRef: (value: unknown) => boolean;
}

const isObj = (v: Json): v is Obj => v !== null && typeof v === 'object' && !Array.isArray(v);
const isRef = (v: Json): v is Obj & { $ref: string } => isObj(v) && typeof v.$ref === 'string';
const isNamed = (t: TypeSlot): t is NodeType => typeof (t as { name?: unknown } | null)?.name === 'string';
const SCALAR: NodeType = { name: 'scalar', properties: {} };

let typesPromise: Record<'oas3_0' | 'oas3_1', Promise<Types | undefined> | undefined> = {
  oas3_0: undefined,
  oas3_1: undefined,
};

/** Redocly's OpenAPI 3.0 or 3.1 type tree, read from its own modules (about 10 ms; not its 0.5 s main entry). */
function redoclyTypes(v30: boolean): Promise<Types | undefined> {
  const key = v30 ? 'oas3_0' : 'oas3_1';
  typesPromise[key] ??= (async () => {
    try {
      const base = pathToFileURL(createRequire(import.meta.url).resolve('@redocly/openapi-core'));
      const [index, refUtils, table] = await Promise.all([
        import(new URL('./types/index.js', base).href),
        import(new URL('./ref-utils.js', base).href),
        v30
          ? import(new URL('./types/oas3.js', base).href).then((m) => m.Oas3Types)
          : import(new URL('./types/oas3_1.js', base).href).then((m) => m.Oas3_1Types),
      ]);
      const normalized = index.normalizeTypes(table) as Record<string, NodeType>;
      if (!normalized.Root || typeof refUtils.isMappingRef !== 'function') return undefined;
      return {
        root: normalized.Root,
        specExtension: index.SpecExtension,
        isMappingRef: refUtils.isMappingRef,
      };
    } catch {
      return undefined;
    }
  })();
  return typesPromise[key]!;
}
/** Tests only: forget the loaded type tables. */
export function resetTypesForTest(): void {
  typesPromise = { oas3_0: undefined, oas3_1: undefined };
}

/**
 * Checks every `$ref` in the document (wherever it is) and every `externalValue`; returns each `$ref` string's
 * final target (after following `$ref`-only chains) and the intermediate `$ref` objects, or `undefined` when
 * any of them rules the fast path out.
 */
function localRefs(root: Obj): Map<string, { target: Json; via: Obj[] }> | undefined {
  const targets = new Map<string, Json>();
  /** The value a local pointer names, or `undefined` when it is not one this check accepts. */
  const at = (ref: string): Json => {
    if (targets.has(ref)) return targets.get(ref);
    let node: Json;
    if (ref.startsWith('#/') && ref.indexOf('#', 1) === -1 && !ref.includes('%')) {
      node = root;
      for (const raw of ref.slice(2).split('/')) {
        if (raw === '' || node === null || typeof node !== 'object' || isRef(node)) {
          node = undefined;
          break;
        }
        const key = raw.replaceAll('~1', '/').replaceAll('~0', '~');
        node = Object.hasOwn(node, key) ? (node as Obj)[key] : undefined;
      }
    }
    if (node === null) node = undefined;
    targets.set(ref, node);
    return node;
  };
  const resolved = new Map<string, { target: Json; via: Obj[] }>();
  const chain = (ref: string): { target: Json; via: Obj[] } | undefined => {
    const known = resolved.get(ref);
    if (known) return known;
    const via: Obj[] = [];
    const seen = new Set<string>([ref]);
    let target = at(ref);
    while (isRef(target)) {
      if (seen.has(target.$ref)) return undefined;
      seen.add(target.$ref);
      via.push(target);
      target = at(target.$ref);
    }
    if (target === undefined) return undefined;
    const out = { target, via };
    resolved.set(ref, out);
    return out;
  };
  const stack: Json[] = [root];
  while (stack.length > 0) {
    const node = stack.pop();
    if (Array.isArray(node)) {
      for (const v of node) if (v !== null && typeof v === 'object') stack.push(v);
      continue;
    }
    const obj = node as Obj;
    if (Object.hasOwn(obj, 'externalValue')) return undefined;
    if (typeof obj.$ref === 'string' && Object.hasOwn(obj, '$ref') && !chain(obj.$ref)) return undefined;
    for (const k in obj) {
      const v = obj[k];
      if (v !== null && typeof v === 'object') stack.push(v);
    }
  }
  return resolved;
}

/**
 * Walks the document along redocly's type tree the way its `walkDocument` does (properties of the type, then
 * the extra keys its `additionalProperties` or extension prefix admits; a `$ref` is followed and its target
 * walked with the type of the place it is used in; keys beside a `$ref` are walked too), over-approximating
 * what it visits: the `$ref`s in plain-value positions with their targets, or `undefined` at the first place
 * where the bundler would do anything else.
 */
function walkTyped(
  root: Obj,
  types: Types,
  refs: Map<string, { target: Json; via: Obj[] }>,
): Map<Obj, Obj> | undefined {
  const seen = new Map<string, Set<object>>();
  /** `$ref` objects in plain-value positions -> their targets; `$ref` objects walked as references. */
  const inline = new Map<Obj, Obj>();
  const followed = new Set<Obj>();
  const stack: [Json, NodeType][] = [[root, types.root]];
  const schemas = isObj(root.components) && isObj(root.components.schemas) ? root.components.schemas : {};
  /** The schema `#/components/schemas/<name>` names, if it is an object and not a `$ref`. */
  const componentSchema = (value: Json): Obj | undefined => {
    const name =
      typeof value === 'string' ? /^#\/components\/schemas\/([^/~%#]+)$/.exec(value)?.[1] : undefined;
    const target = name && Object.hasOwn(schemas, name) ? schemas[name] : undefined;
    return isObj(target) && !isRef(target) ? target : undefined;
  };
  /** A mapping value the bundler would rewrite or copy (see `makeBundleVisitor`, DiscriminatorMapping). */
  const mappingChanges = (value: Json): boolean => types.isMappingRef(value) && !componentSchema(value);
  let unsafe = false;
  const walkProp = (type: NodeType, propName: string, value: Json): void => {
    let slot: TypeSlot = Object.hasOwn(type.properties, propName) ? type.properties[propName] : undefined;
    const isExtension = type.extensionsPrefix !== undefined && propName.startsWith(type.extensionsPrefix);
    if (slot === undefined && !isExtension) slot = type.additionalProperties;
    let propType = (typeof slot === 'function' ? slot(value, propName) : slot) as Exclude<TypeSlot, Function>;
    if (isExtension && !isNamed(propType)) propType = types.specExtension;
    if (!isNamed(propType) && propType?.directResolveAs) {
      // A discriminator mapping value, walked as `{ $ref: value }`.
      const target = componentSchema(value);
      const as = propType.directResolveAs as TypeSlot;
      if (target && isNamed(as)) stack.push([target, as]);
      else unsafe = true;
      return;
    }
    if (propType && propType.name === undefined && propType.resolvable !== false) propType = SCALAR;
    if (!isNamed(propType) || (propType === SCALAR && !isRef(value))) return;
    stack.push([value, propType]);
  };
  /** Whether `node` was walked as `type` already (and marks it). */
  const walked = (node: object, type: NodeType): boolean => {
    let done = seen.get(type.name);
    if (!done) seen.set(type.name, (done = new Set()));
    if (done.has(node)) return true;
    done.add(node);
    return false;
  };
  while (stack.length > 0 && !unsafe) {
    let [node, type] = stack.pop()!;
    if (node === null || typeof node !== 'object' || walked(node, type)) continue;
    if (isRef(node)) {
      const { target, via } = refs.get(node.$ref)!;
      if (type === SCALAR) {
        // In a plain-value position the bundler replaces the `$ref` object by its target.
        if (via.length > 0 || !isObj(target) || !refFree(target)) return undefined;
        inline.set(node, target);
        continue;
      }
      followed.add(node);
      for (const hop of via) stack.push([hop, type]);
      for (const k of Object.keys(node)) if (k !== '$ref') walkProp(type, k, node[k]);
      node = target;
      if (node === null || typeof node !== 'object' || walked(node, type)) continue;
    }
    if (type === SCALAR) continue;
    if (Array.isArray(node)) {
      const items = type.items;
      if (items === undefined) continue;
      for (const item of node) {
        const itemType = typeof items === 'function' ? items(item, '') : items;
        if ((itemType as { directResolveAs?: unknown } | null)?.directResolveAs) return undefined;
        if (isNamed(itemType)) stack.push([item, itemType]);
      }
      continue;
    }
    const obj = node as Obj;
    if (type.name === 'DiscriminatorMapping' && Object.values(obj).some(mappingChanges)) return undefined;
    if (
      type.name === 'Discriminator' &&
      typeof obj.defaultMapping === 'string' &&
      mappingChanges(obj.defaultMapping)
    )
      return undefined;
    if (type.name === 'Example' && typeof obj.externalValue === 'string') return undefined;
    // The declared properties, then the other keys if `additionalProperties` or the extension prefix admits them.
    const { properties, additionalProperties, extensionsPrefix } = type;
    for (const k of Object.keys(obj)) {
      if (
        obj[k] !== undefined &&
        (Object.hasOwn(properties, k) ||
          additionalProperties ||
          (extensionsPrefix !== undefined && k.startsWith(extensionsPrefix)))
      )
        walkProp(type, k, obj[k]);
    }
  }
  if (unsafe) return undefined;
  for (const ref of inline.keys()) if (followed.has(ref)) return undefined;
  return inline;
}

/** Whether no object in the value has a string `$ref`. */
function refFree(value: Json): boolean {
  const stack = [value];
  while (stack.length > 0) {
    const v = stack.pop();
    if (v === null || typeof v !== 'object') continue;
    if (isRef(v)) return false;
    for (const item of Array.isArray(v) ? v : Object.values(v)) stack.push(item);
  }
  return true;
}

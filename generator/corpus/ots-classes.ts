// The type classes of issue 12, found in a spec's component schemas by reading the spec itself (neither tool's
// output), so both tools are checked against the same facts (compare-openapi-typescript.ts).

/** A type class a component schema belongs to. */
export type SchemaClass =
  | 'allof-conflict'
  | 'boolean-schema'
  | 'non-identifier-key'
  | 'additional-with-properties'
  | 'nullable'
  | 'nullable-ref'
  | 'enum'
  | 'recursive'
  | 'binary'
  | 'allof-with-union'
  | 'unsupported-keyword';

export const SCHEMA_CLASSES: Record<SchemaClass, string> = {
  'allof-conflict': '`allOf` members declaring one property with different schemas',
  'boolean-schema': 'a `true`/`false` schema (not `additionalProperties`) inside the schema',
  'non-identifier-key': 'a property name that is not an identifier (`api-version`, `$ref`, `0`)',
  'additional-with-properties': '`properties` and `additionalProperties` (a schema or `true`) together',
  nullable: '`nullable: true` or a `type` array with `null`, at the root or on a property',
  'nullable-ref': 'a `$ref` with a `nullable: true` sibling (3.0 ignores `$ref` siblings; authors mean null)',
  enum: '`enum` at the root or on a property',
  recursive: 'reaches itself through `$ref`s',
  binary: 'a property (or array items) with `format: binary`',
  'allof-with-union': '`allOf` beside `oneOf`/`anyOf` in one schema object',
  'unsupported-keyword':
    'a keyword sdkgen types as `unknown` (`not`, `if`/`then`/`else`, `prefixItems`, `patternProperties`, `dependentSchemas`)',
};

const UNSUPPORTED = ['not', 'if', 'then', 'else', 'prefixItems', 'patternProperties', 'dependentSchemas'];

/** What the spec says about one component schema. */
export interface SchemaFacts {
  name: string;
  classes: SchemaClass[];
  /** Property names of an object schema, own and from `allOf` members (refs followed). */
  properties?: string[];
  /** Properties two `allOf` members declare differently. */
  conflicts?: string[];
  /** Own properties that are nullable, and that are (or hold arrays of) `format: binary`. */
  nullableProps?: string[];
  /** Own properties that are a `$ref` with a `nullable: true` sibling. */
  nullableRefProps?: string[];
  binaryProps?: string[];
  /** The root is nullable; the root is an enum (its values). */
  nullable?: boolean;
  enumValues?: number;
}

/** A request body with `format: binary` fields: the operation, its media type, the fields. */
export interface UploadFacts {
  /** `#/paths/<escaped path>/<method>`, as sdkgen's plan records a method's operation. */
  pointer: string;
  path: string;
  method: string;
  mediaType: string;
  fields: string[];
}

type Json = Record<string, unknown>;

const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

const DOC_KEYS = new Set(['description', 'title', 'example', 'examples', 'externalDocs', 'xml']);

/** A schema's JSON without its documentation, to tell two declarations of one property apart. */
function shape(s: unknown): string {
  return JSON.stringify(s, (k, v) => (DOC_KEYS.has(k) || k.startsWith('x-') ? undefined : v));
}

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];

/** Every request body (object schema, refs followed) with `format: binary` properties or array items. */
export function uploadFacts(doc: Json): UploadFacts[] {
  const out: UploadFacts[] = [];
  const resolve = (v: unknown, depth = 0): unknown => {
    if (!isObject(v) || typeof v.$ref !== 'string' || !v.$ref.startsWith('#/') || depth > 20) return v;
    let cur: unknown = doc;
    for (const raw of v.$ref.slice(2).split('/'))
      cur = isObject(cur) ? cur[decodeURIComponent(raw).replace(/~1/g, '/').replace(/~0/g, '~')] : undefined;
    return resolve(cur, depth + 1);
  };
  const paths = isObject(doc.paths) ? doc.paths : {};
  for (const [path, item] of Object.entries(paths)) {
    const pathItem = resolve(item);
    if (!isObject(pathItem)) continue;
    for (const method of METHODS) {
      const op = pathItem[method];
      const body = isObject(op) ? resolve(op.requestBody) : undefined;
      if (!isObject(body) || !isObject(body.content)) continue;
      for (const [mediaType, media] of Object.entries(body.content)) {
        const schema = isObject(media) ? resolve(media.schema) : undefined;
        if (!isObject(schema) || !isObject(schema.properties)) continue;
        const fields = Object.entries(schema.properties)
          .filter(([, v]) => {
            const d = resolve(v);
            const item = isObject(d) && d.type === 'array' ? resolve(d.items) : d;
            return isObject(item) && item.format === 'binary';
          })
          .map(([k]) => k);
        const pointer = `#/paths/${path.replace(/~/g, '~0').replace(/\//g, '~1')}/${method}`;
        if (fields.length > 0) out.push({ pointer, path, method, mediaType, fields });
      }
    }
  }
  return out;
}

/** Reads every component schema of `doc` and names its classes. */
export function schemaFacts(doc: Json): SchemaFacts[] {
  const schemas = isObject(doc.components) && isObject(doc.components.schemas) ? doc.components.schemas : {};
  const resolve = (ref: unknown): unknown => {
    if (typeof ref !== 'string' || !ref.startsWith('#/')) return undefined;
    let cur: unknown = doc;
    for (const raw of ref.slice(2).split('/')) {
      const key = decodeURIComponent(raw).replace(/~1/g, '/').replace(/~0/g, '~');
      if (!isObject(cur) && !Array.isArray(cur)) return undefined;
      cur = (cur as Json)[key];
    }
    return cur;
  };
  const deref = (s: unknown, depth = 0): unknown =>
    isObject(s) && typeof s.$ref === 'string' && depth < 20 ? deref(resolve(s.$ref), depth + 1) : s;

  /** Property name -> declarations (one per `allOf` member that declares it), refs followed. */
  const declared = (s: unknown, out: Map<string, string[]>, seen: Set<unknown>): void => {
    const d = deref(s);
    if (!isObject(d) || seen.has(d)) return;
    seen.add(d);
    if (isObject(d.properties))
      for (const [k, v] of Object.entries(d.properties)) out.set(k, [...(out.get(k) ?? []), shape(deref(v))]);
    if (Array.isArray(d.allOf)) for (const m of d.allOf) declared(m, out, seen);
  };

  const refsOf = new Map<string, Set<string>>();
  const out = Object.entries(schemas).map(([name, schema]): SchemaFacts => {
    const classes = new Set<SchemaClass>();
    const refs = new Set<string>();
    walk(schema, (s, key) => {
      if (typeof s === 'boolean') {
        if (key !== 'additionalProperties') classes.add('boolean-schema');
        return;
      }
      if (typeof s.$ref === 'string' && s.$ref.startsWith('#/components/schemas/'))
        refs.add(decodeURIComponent(s.$ref.slice(21).split('/')[0]!).replace(/~1/g, '/').replace(/~0/g, '~'));
      if (Array.isArray(s.enum)) classes.add('enum');
      if (typeof s.$ref === 'string' && s.nullable === true) classes.add('nullable-ref');
      else if (s.nullable === true || (Array.isArray(s.type) && s.type.includes('null')))
        classes.add('nullable');
      if (s.format === 'binary') classes.add('binary');
      if (Array.isArray(s.allOf) && (Array.isArray(s.oneOf) || Array.isArray(s.anyOf)))
        classes.add('allof-with-union');
      if (UNSUPPORTED.some((k) => k in s)) classes.add('unsupported-keyword');
      if (isObject(s.properties)) {
        if (Object.keys(s.properties).some((k) => !/^[A-Za-z_$][\w$]*$/.test(k)))
          classes.add('non-identifier-key');
        const extra = s.additionalProperties;
        if (Object.keys(s.properties).length > 0 && (extra === true || isObject(extra)))
          classes.add('additional-with-properties');
      }
    });
    refsOf.set(name, refs);
    const f: SchemaFacts = { name, classes: [] };
    const root = isObject(schema) ? schema : {};
    if (isObject(root.properties) || Array.isArray(root.allOf)) {
      const props = new Map<string, string[]>();
      declared(root, props, new Set());
      f.properties = [...props.keys()];
      const conflicts = [...props].filter(([, decls]) => new Set(decls).size > 1).map(([k]) => k);
      if (Array.isArray(root.allOf) && conflicts.length > 0) {
        f.conflicts = conflicts;
        classes.add('allof-conflict');
      }
    }
    if (isObject(root.properties)) {
      const own = Object.entries(root.properties);
      // `$ref` with a `nullable: true` sibling: OpenAPI 3.0 ignores a `$ref`'s siblings, authors mean null.
      const refNullable = own.filter(
        ([, v]) => isObject(v) && typeof v.$ref === 'string' && v.nullable === true,
      );
      if (refNullable.length > 0) f.nullableRefProps = refNullable.map(([k]) => k);
      const nullable = own.filter(([, v]) => {
        if (isObject(v) && typeof v.$ref === 'string' && v.nullable === true) return false;
        const d = deref(v);
        return isObject(d) && (d.nullable === true || (Array.isArray(d.type) && d.type.includes('null')));
      });
      if (nullable.length > 0) f.nullableProps = nullable.map(([k]) => k);
      const binary = own.filter(([, v]) => {
        const d = deref(v);
        const item = isObject(d) && d.type === 'array' ? deref(d.items) : d;
        return isObject(item) && item.format === 'binary';
      });
      if (binary.length > 0) f.binaryProps = binary.map(([k]) => k);
    }
    if (root.nullable === true || (Array.isArray(root.type) && root.type.includes('null'))) f.nullable = true;
    if (Array.isArray(root.enum)) f.enumValues = root.enum.length;
    f.classes = [...classes];
    return f;
  });
  for (const name of recursive(refsOf)) out.find((f) => f.name === name)?.classes.push('recursive');
  for (const f of out) f.classes.sort();
  return out;
}

/** Visits every subschema of `s` (not across `$ref`), with the keyword it sits under. */
function walk(s: unknown, visit: (s: Json | boolean, key: string) => void, key = '', depth = 0): void {
  if (depth > 60) return;
  if (typeof s === 'boolean') {
    visit(s, key);
    return;
  }
  if (!isObject(s)) return;
  visit(s, key);
  const sub = (v: unknown, k: string) => walk(v, visit, k, depth + 1);
  for (const k of ['properties', 'patternProperties', '$defs', 'definitions'])
    if (isObject(s[k])) for (const v of Object.values(s[k] as Json)) sub(v, k);
  for (const k of ['items', 'additionalProperties', 'not', 'contains', 'propertyNames', 'if', 'then', 'else'])
    if (k in s) {
      const v = s[k];
      if (Array.isArray(v)) for (const x of v) sub(x, k);
      else sub(v, k);
    }
  for (const k of ['allOf', 'anyOf', 'oneOf', 'prefixItems'])
    if (Array.isArray(s[k])) for (const v of s[k] as unknown[]) sub(v, k);
}

/** Schemas that reach themselves through refs: members of a cycle of the reference graph (Tarjan). */
function recursive(refs: Map<string, Set<string>>): Set<string> {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const out = new Set<string>();
  let next = 0;
  const visit = (v: string): void => {
    index.set(v, next);
    low.set(v, next++);
    stack.push(v);
    onStack.add(v);
    for (const w of refs.get(v) ?? []) {
      if (!refs.has(w)) continue;
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) !== index.get(v)) return;
    const scc: string[] = [];
    for (let w = stack.pop()!; ; w = stack.pop()!) {
      onStack.delete(w);
      scc.push(w);
      if (w === v) break;
    }
    if (scc.length > 1 || refs.get(v)!.has(v)) for (const w of scc) out.add(w);
  };
  for (const v of refs.keys()) if (!index.has(v)) visit(v);
  return out;
}

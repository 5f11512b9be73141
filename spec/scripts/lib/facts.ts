/**
 * Checks seed classes against the bundled spec: every class must be a schema of the same name with every field,
 * and each field's requiredness must agree with the seed.
 *
 * The seed renders Python types, where `Optional[X]` covers both "may be absent" and "may be null". So:
 * - a plain seed field must be `required` and not nullable in the spec;
 * - an `Optional[...]` seed field must be either not required or nullable in the spec;
 * - a closed `Literal[...]` seed field must allow exactly the same string values (`const`/`enum`);
 * - the schema has no properties beyond the seed's fields.
 */
import type { SeedClass, SeedField } from './seed-parser.js';

type Schema = Record<string, unknown>;

/** One allowed, documented difference (see spec/fact-check-allowlist.yaml). */
export interface AllowEntry {
  class: string;
  field?: string;
  reason: string;
}

/** The verdict for one seed class or alias. */
export interface FactResult {
  name: string;
  problems: string[];
  allowed: string[];
}

function resolve(doc: Schema, schema: unknown): Schema | undefined {
  let node = schema as Schema | undefined;
  for (let hops = 0; node && typeof node.$ref === 'string' && hops < 20; hops++) {
    const name = (node.$ref as string).replace('#/components/schemas/', '');
    node = ((doc.components as Schema | undefined)?.schemas as Schema | undefined)?.[name] as
      | Schema
      | undefined;
  }
  return node;
}

/** Properties and required names of an object schema, merging `allOf` members. */
export function objectShape(
  doc: Schema,
  schema: unknown,
): { properties: Schema; required: Set<string> } | undefined {
  const node = resolve(doc, schema);
  if (!node) return undefined;
  const properties: Schema = { ...((node.properties as Schema | undefined) ?? {}) };
  const required = new Set((node.required as string[] | undefined) ?? []);
  for (const part of (node.allOf as unknown[] | undefined) ?? []) {
    const shape = objectShape(doc, part);
    if (!shape) continue;
    Object.assign(properties, shape.properties);
    for (const r of shape.required) required.add(r);
  }
  const isObject = node.type === 'object' || node.properties !== undefined || node.allOf !== undefined;
  return isObject ? { properties, required } : undefined;
}

/** Like objectShape, but also looks through `oneOf`/`anyOf` wrappers (e.g. a nullable object property). */
function innerShape(doc: Schema, schema: unknown): { properties: Schema; required: Set<string> } | undefined {
  const direct = objectShape(doc, schema);
  if (direct) return direct;
  const node = resolve(doc, schema);
  const members = [...((node?.oneOf as unknown[]) ?? []), ...((node?.anyOf as unknown[]) ?? [])];
  for (const m of members) {
    const shape = objectShape(doc, m);
    if (shape) return shape;
  }
  return undefined;
}

/** True when a property schema admits `null` (3.1 type arrays, `null` members of oneOf/anyOf, enum/const null). */
export function isNullable(doc: Schema, schema: unknown, depth = 0): boolean {
  const node = resolve(doc, schema);
  if (!node || depth > 10) return false;
  if (node.type === 'null' || (Array.isArray(node.type) && node.type.includes('null'))) return true;
  if (node.const === null || (Array.isArray(node.enum) && node.enum.includes(null))) return true;
  const members = [...((node.oneOf as unknown[]) ?? []), ...((node.anyOf as unknown[]) ?? [])];
  return members.some((m) => isNullable(doc, m, depth + 1));
}

/**
 * The string literals a property allows: `const`/`enum` values found through refs, `oneOf`/`anyOf` members and
 * array `items`. `open` = some member also accepts any string. Undefined when the property has no literals.
 */
export function literalValues(
  doc: Schema,
  schema: unknown,
  depth = 0,
): { values: Set<string>; open: boolean } | undefined {
  const node = resolve(doc, schema);
  if (!node || depth > 10) return undefined;
  const values = new Set<string>();
  let open = false;
  let found = false;
  if (typeof node.const === 'string') {
    values.add(node.const);
    found = true;
  }
  if (Array.isArray(node.enum)) {
    for (const v of node.enum) if (typeof v === 'string') values.add(v);
    found = true;
  }
  const members = [...((node.oneOf as unknown[]) ?? []), ...((node.anyOf as unknown[]) ?? [])];
  if (node.items) members.push(node.items);
  for (const m of members) {
    const inner = literalValues(doc, m, depth + 1);
    const mNode = resolve(doc, m);
    if (inner) {
      for (const v of inner.values) values.add(v);
      open ||= inner.open;
      found = true;
    } else if (mNode?.type === 'string' || (Array.isArray(mNode?.type) && mNode.type.includes('string')))
      open = true;
  }
  return found ? { values, open } : undefined;
}

/** `exact`: the spec allows the seed's values; `subset`: some of them (GA schemas lack beta-only values). */
type ValueMode = 'exact' | 'subset';

function checkValues(doc: Schema, prop: unknown, field: SeedField, mode: ValueMode): string | undefined {
  if (!field.values) return undefined;
  const spec = literalValues(doc, prop);
  const want = [...field.values].sort().join(', ');
  if (!spec) return `field ${field.name} must allow exactly [${want}] (spec has no literal values)`;
  const have = [...spec.values].sort().join(', ');
  if (mode === 'subset') {
    const extra = [...spec.values].filter((v) => !field.values?.includes(v));
    if (extra.length > 0)
      return `field ${field.name} allows [${extra.join(', ')}], not in the seed's [${want}]`;
  } else if (have !== want) return `field ${field.name} must allow exactly [${want}] (spec: [${have}])`;
  if (spec.open) return `field ${field.name} must allow only [${want}] (spec also accepts any string)`;
  return undefined;
}

function checkField(
  doc: Schema,
  shape: { properties: Schema; required: Set<string> },
  field: SeedField,
  mode: ValueMode,
): string | undefined {
  if (field.maybeIn) {
    const inner = innerShape(doc, shape.properties[field.maybeIn]);
    const found = field.name in shape.properties || (inner !== undefined && field.name in inner.properties);
    return found ? undefined : `field ${field.name} missing (looked in the schema and in ${field.maybeIn})`;
  }
  const prop = shape.properties[field.name];
  if (prop === undefined) return `field ${field.name} missing`;
  const required = shape.required.has(field.name);
  const nullable = isNullable(doc, prop);
  if (!field.optional && (!required || nullable)) {
    return `field ${field.name} must be required and non-null (seed: ${field.type}; spec: ${required ? 'required' : 'optional'}${nullable ? ', nullable' : ''})`;
  }
  if (field.optional && required && !nullable) {
    return `field ${field.name} must be optional or nullable (seed: ${field.type}; spec: required, non-null)`;
  }
  return checkValues(doc, prop, field, mode);
}

function isAllowed(allow: AllowEntry[], cls: string, field?: string): AllowEntry | undefined {
  return allow.find((a) => a.class === cls && (a.field === undefined || a.field === field));
}

/** Checks one seed class against the bundled document. */
export function checkClass(
  doc: Schema,
  cls: SeedClass,
  allow: AllowEntry[] = [],
  mode: ValueMode = 'exact',
): FactResult {
  const result: FactResult = { name: cls.name, problems: [], allowed: [] };
  const note = (message: string, field?: string) => {
    const entry = isAllowed(allow, cls.name, field);
    if (entry) result.allowed.push(`${message} [allowed: ${entry.reason}]`);
    else result.problems.push(message);
  };
  const schema = ((doc.components as Schema | undefined)?.schemas as Schema | undefined)?.[cls.name];
  if (schema === undefined) {
    note(`schema ${cls.name} missing`);
    return result;
  }
  const shape = objectShape(doc, schema);
  if (!shape) {
    if (cls.fields.length > 0) note(`schema ${cls.name} is not an object schema`);
    return result;
  }
  for (const field of cls.fields) {
    const problem = checkField(doc, shape, field, mode);
    if (problem) note(problem, field.name);
  }
  if (mode === 'exact') {
    const seedNames = new Set(cls.fields.map((f) => f.name));
    for (const prop of Object.keys(shape.properties)) {
      if (!seedNames.has(prop)) note(`field ${prop} is not in the seed`, prop);
    }
  }
  return result;
}

/** Checks that a seed top-level alias (e.g. a union such as `BetaError`) exists as a schema. */
export function checkAlias(doc: Schema, name: string, allow: AllowEntry[] = []): FactResult {
  const present =
    ((doc.components as Schema | undefined)?.schemas as Schema | undefined)?.[name] !== undefined;
  const result: FactResult = { name, problems: [], allowed: [] };
  if (present) return result;
  const entry = isAllowed(allow, name);
  if (entry) result.allowed.push(`schema ${name} missing [allowed: ${entry.reason}]`);
  else result.problems.push(`schema ${name} missing`);
  return result;
}

/**
 * The GA API is the beta API without the `Beta` prefix and without beta-only fields. For a seed class `BetaFoo`
 * whose GA schema `Foo` exists: every property of `Foo` must be a field of `BetaFoo`, with the same requiredness
 * and a subset of its literal values.
 * Returns undefined when the spec has no GA counterpart.
 */
export function checkGaCounterpart(
  doc: Schema,
  beta: SeedClass,
  allow: AllowEntry[] = [],
): FactResult | undefined {
  if (!beta.name.startsWith('Beta')) return undefined;
  const gaName = beta.name.slice('Beta'.length);
  const schemas = (doc.components as Schema | undefined)?.schemas as Schema | undefined;
  if (schemas?.[gaName] === undefined) return undefined;
  const shape = objectShape(doc, schemas[gaName]);
  const shared = beta.fields.filter((f) => !f.maybeIn && shape && f.name in shape.properties);
  const result = checkClass(doc, { name: gaName, fields: shared }, allow, 'subset');
  const known = new Set(beta.fields.map((f) => f.name));
  for (const prop of Object.keys(shape?.properties ?? {})) {
    if (known.has(prop)) continue;
    const entry = isAllowed(allow, gaName, prop);
    const message = `field ${prop} is not in the seed's ${beta.name}`;
    if (entry) result.allowed.push(`${message} [allowed: ${entry.reason}]`);
    else result.problems.push(message);
  }
  result.name = `${gaName} (GA of ${beta.name})`;
  return result;
}

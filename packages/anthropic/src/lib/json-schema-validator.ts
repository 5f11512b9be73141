/**
 * A compact JSON Schema validator for tool inputs.
 *
 * Why not Ajv: Ajv compiles schemas with `new Function`, which is blocked under strict CSP and in some edge
 * runtimes, and it adds ~120 kB to a bundle that otherwise has one small dependency. Tool input schemas
 * use a small, well-known part of JSON Schema, so an interpreter of that part is enough: `type`, `enum`,
 * `const`, `properties`, `required`, `additionalProperties`, `items`, `prefixItems`, `minItems`/`maxItems`,
 * `uniqueItems`, `minLength`/`maxLength`, `pattern`, `minimum`/`maximum` (and exclusive forms),
 * `multipleOf`, `minProperties`/`maxProperties`, `anyOf`/`oneOf`/`allOf`/`not`, and local `$ref`s
 * (`#/$defs/...`, `#/definitions/...`). Unknown keywords (e.g. `format`) are ignored, as the spec allows.
 */

/** One validation failure: the JSON-pointer-like path of the bad value and what is wrong with it. */
export interface SchemaIssue {
  /** Path of the offending value, e.g. `/items/0/name`; empty string for the root. */
  path: string;
  message: string;
}

type Schema = Record<string, any> | boolean;

/**
 * Validates `value` against `schema` and returns every issue found (an empty array means valid).
 *
 * @example
 * ```ts
 * validateJSONSchema({ type: 'object', required: ['city'] }, {});
 * // [{ path: '', message: "missing required property 'city'" }]
 * ```
 */
export function validateJSONSchema(schema: Schema, value: unknown): SchemaIssue[] {
  const issues: SchemaIssue[] = [];
  check(schema, value, '', { root: schema, issues, depth: 0 });
  return issues;
}

/** Formats issues as one line each: `/path: message` (the root is shown as `(root)`). */
export function formatSchemaIssues(issues: SchemaIssue[]): string {
  return issues.map((issue) => `${issue.path || '(root)'}: ${issue.message}`).join('\n');
}

interface Ctx {
  root: Schema;
  issues: SchemaIssue[];
  depth: number;
}

/** Records issues for `value`; returns false when checking stopped early at a fundamental mismatch. */
function check(schema: Schema, value: unknown, path: string, ctx: Ctx): boolean {
  if (schema === true) return true;
  if (schema === false) return fail(ctx, path, 'no value is allowed here');
  if (ctx.depth > 64) return fail(ctx, path, 'schema nesting too deep (recursive $ref?)');
  if (typeof schema.$ref === 'string') {
    const target = resolveRef(ctx.root, schema.$ref);
    if (target === undefined) return fail(ctx, path, `unresolvable $ref ${schema.$ref}`);
    check(target, value, path, { ...ctx, depth: ctx.depth + 1 });
  }
  if (schema.type !== undefined && !matchesType(schema.type, value)) {
    return fail(ctx, path, `expected ${[schema.type].flat().join(' or ')}, got ${describe(value)}`);
  }
  if (Array.isArray(schema.enum) && !schema.enum.some((option: unknown) => deepEqual(option, value))) {
    fail(ctx, path, `must be one of ${schema.enum.map((o: unknown) => JSON.stringify(o)).join(', ')}`);
  }
  if ('const' in schema && !deepEqual(schema.const, value)) {
    fail(ctx, path, `must equal ${JSON.stringify(schema.const)}`);
  }
  checkCombinators(schema, value, path, ctx);
  if (typeof value === 'string') checkString(schema, value, path, ctx);
  else if (typeof value === 'number') checkNumber(schema, value, path, ctx);
  else if (Array.isArray(value)) checkArray(schema, value, path, ctx);
  else if (value !== null && typeof value === 'object') checkObject(schema, value as any, path, ctx);
  return true;
}

function checkCombinators(schema: Record<string, any>, value: unknown, path: string, ctx: Ctx): void {
  const passes = (sub: Schema) => validateWithRoot(sub, value, ctx).length === 0;
  if (Array.isArray(schema.allOf)) for (const sub of schema.allOf) check(sub, value, path, ctx);
  if (Array.isArray(schema.anyOf) && !schema.anyOf.some(passes)) {
    fail(ctx, path, 'does not match any of the allowed schemas (anyOf)');
  }
  if (Array.isArray(schema.oneOf) && schema.oneOf.filter(passes).length !== 1) {
    fail(ctx, path, 'must match exactly one schema (oneOf)');
  }
  if (schema.not !== undefined && passes(schema.not)) fail(ctx, path, 'must not match the `not` schema');
}

function checkString(schema: Record<string, any>, value: string, path: string, ctx: Ctx): void {
  const length = [...value].length;
  if (typeof schema.minLength === 'number' && length < schema.minLength) {
    fail(ctx, path, `must be at least ${schema.minLength} characters`);
  }
  if (typeof schema.maxLength === 'number' && length > schema.maxLength) {
    fail(ctx, path, `must be at most ${schema.maxLength} characters`);
  }
  if (typeof schema.pattern === 'string' && !new RegExp(schema.pattern, 'u').test(value)) {
    fail(ctx, path, `must match pattern ${schema.pattern}`);
  }
}

function checkNumber(schema: Record<string, any>, value: number, path: string, ctx: Ctx): void {
  const bound = (key: string, ok: (limit: number) => boolean, words: string) => {
    if (typeof schema[key] === 'number' && !ok(schema[key]))
      fail(ctx, path, `must be ${words} ${schema[key]}`);
  };
  bound('minimum', (l) => value >= l, '>=');
  bound('maximum', (l) => value <= l, '<=');
  bound('exclusiveMinimum', (l) => value > l, '>');
  bound('exclusiveMaximum', (l) => value < l, '<');
  bound('multipleOf', (l) => Number.isInteger(value / l), 'a multiple of');
}

function checkArray(schema: Record<string, any>, value: unknown[], path: string, ctx: Ctx): void {
  if (typeof schema.minItems === 'number' && value.length < schema.minItems) {
    fail(ctx, path, `must have at least ${schema.minItems} items`);
  }
  if (typeof schema.maxItems === 'number' && value.length > schema.maxItems) {
    fail(ctx, path, `must have at most ${schema.maxItems} items`);
  }
  const prefix: Schema[] = Array.isArray(schema.prefixItems) ? schema.prefixItems : [];
  value.forEach((item, i) => {
    const itemSchema = i < prefix.length ? prefix[i] : schema.items;
    if (itemSchema !== undefined) check(itemSchema, item, `${path}/${i}`, ctx);
  });
  if (schema.uniqueItems === true && value.some((a, i) => value.findIndex((b) => deepEqual(a, b)) !== i)) {
    fail(ctx, path, 'items must be unique');
  }
}

function checkObject(
  schema: Record<string, any>,
  value: Record<string, unknown>,
  path: string,
  ctx: Ctx,
): void {
  const properties: Record<string, Schema> = schema.properties ?? {};
  const keys = Object.keys(value);
  for (const name of Array.isArray(schema.required) ? schema.required : []) {
    if (!Object.hasOwn(value, name))
      fail(ctx, `${path}/${escapePointer(name)}`, `missing required property '${name}'`);
  }
  for (const key of keys) {
    const childPath = `${path}/${escapePointer(key)}`;
    if (Object.hasOwn(properties, key)) check(properties[key]!, value[key], childPath, ctx);
    else if (schema.additionalProperties === false) fail(ctx, childPath, `unexpected property '${key}'`);
    else if (typeof schema.additionalProperties === 'object')
      check(schema.additionalProperties, value[key], childPath, ctx);
  }
  if (typeof schema.minProperties === 'number' && keys.length < schema.minProperties) {
    fail(ctx, path, `must have at least ${schema.minProperties} properties`);
  }
  if (typeof schema.maxProperties === 'number' && keys.length > schema.maxProperties) {
    fail(ctx, path, `must have at most ${schema.maxProperties} properties`);
  }
}

function validateWithRoot(schema: Schema, value: unknown, ctx: Ctx): SchemaIssue[] {
  const issues: SchemaIssue[] = [];
  check(schema, value, '', { root: ctx.root, issues, depth: ctx.depth + 1 });
  return issues;
}

function matchesType(type: unknown, value: unknown): boolean {
  if (Array.isArray(type)) return type.some((t) => matchesType(t, value));
  switch (type) {
    case 'integer':
      return typeof value === 'number' && Number.isInteger(value);
    case 'number':
      return typeof value === 'number' && Number.isFinite(value);
    case 'array':
      return Array.isArray(value);
    case 'object':
      return value !== null && typeof value === 'object' && !Array.isArray(value);
    case 'null':
      return value === null;
    default:
      return typeof value === type;
  }
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value;
}

function resolveRef(root: Schema, ref: string): Schema | undefined {
  if (!ref.startsWith('#')) return undefined;
  let node: any = root;
  for (const part of ref.slice(1).split('/').filter(Boolean)) {
    node = node?.[part.replace(/~1/g, '/').replace(/~0/g, '~')];
  }
  return node;
}

function escapePointer(key: string): string {
  return key.replace(/~/g, '~0').replace(/\//g, '~1');
}

function fail(ctx: Ctx, path: string, message: string): false {
  ctx.issues.push({ path, message });
  return false;
}

function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const ak = Object.keys(a);
  const bk = Object.keys(b);
  return ak.length === bk.length && ak.every((k) => deepEqual((a as any)[k], (b as any)[k]));
}

/** A JSON Schema object, loosely typed. */
export type JSONSchema = Record<string, any>;

/** String formats the structured-outputs endpoint accepts; any other format moves into the description. */
const STRICT_STRING_FORMATS = new Set([
  'date-time',
  'time',
  'date',
  'duration',
  'email',
  'hostname',
  'uri',
  'ipv4',
  'ipv6',
  'uuid',
]);

/**
 * Rewrites a JSON Schema into the strict subset the structured-outputs API accepts, without touching the
 * input, producing the same output (key order included) as `@anthropic-ai/sdk@0.74.0`. Kept: `$ref` (alone),
 * `$defs`, one of `anyOf` (or `oneOf`, renamed) / `allOf` / `type`, `description`, `title`; for objects
 * `properties`, `additionalProperties: false` and `required`; for strings a supported `format`; for arrays
 * `items` and a `minItems` of 0 or 1. Every other keyword (`enum`, `const`, `default`, `minLength`,
 * `$schema`, ...) is appended to the description as a hint for the model, e.g. `{minLength: 3}`.
 *
 * @example
 * ```ts
 * transformJSONSchema({ type: 'object', properties: { name: { type: 'string', minLength: 1 } } });
 * // { type: 'object', properties: { name: { type: 'string', description: '{minLength: 1}' } },
 * //   additionalProperties: false }
 * ```
 * @throws Error when a (sub)schema has neither a `type` nor `anyOf`/`oneOf`/`allOf`.
 */
export function transformJSONSchema(jsonSchema: JSONSchema): JSONSchema {
  // A JSON round trip, like 0.74.0: `undefined` members vanish before anything is looked at.
  return transform(JSON.parse(JSON.stringify(jsonSchema)));
}

function transform(rest: JSONSchema): JSONSchema {
  const out: JSONSchema = {};
  if (take(rest, '$ref', (ref) => (out.$ref = ref))) return out;
  take(rest, '$defs', (defs: Record<string, JSONSchema>) => (out.$defs = mapValues(defs, transform)));

  const type = rest.type;
  const variants = { anyOf: rest.anyOf, oneOf: rest.oneOf, allOf: rest.allOf };
  for (const key of ['type', 'anyOf', 'oneOf', 'allOf']) delete rest[key];
  if (Array.isArray(variants.anyOf)) out.anyOf = variants.anyOf.map(transform);
  else if (Array.isArray(variants.oneOf)) out.anyOf = variants.oneOf.map(transform);
  else if (Array.isArray(variants.allOf)) out.allOf = variants.allOf.map(transform);
  else if (type === undefined)
    throw new Error('JSON schema must have a type defined if anyOf/oneOf/allOf are not used');
  else out.type = type;
  take(rest, 'description', (description) => (out.description = description));
  take(rest, 'title', (title) => (out.title = title));

  if (type === 'object') transformObject(rest, out);
  else if (type === 'array') transformArray(rest, out);
  else if (type === 'string') {
    take(rest, 'format', (format: string) => {
      if (STRICT_STRING_FORMATS.has(format)) out.format = format;
      else rest.format = format;
    });
  }
  return appendLeftovers(rest, out);
}

function transformObject(rest: JSONSchema, out: JSONSchema): void {
  out.properties = mapValues(rest.properties ?? {}, transform);
  delete rest.properties;
  delete rest.additionalProperties;
  out.additionalProperties = false;
  take(rest, 'required', (required) => (out.required = required));
}

function transformArray(rest: JSONSchema, out: JSONSchema): void {
  take(rest, 'items', (items: JSONSchema) => (out.items = transform(items)));
  take(rest, 'minItems', (minItems: number) => {
    if (minItems === 0 || minItems === 1) out.minItems = minItems;
    else rest.minItems = minItems;
  });
}

/** Anything not understood by the strict subset is described in prose so the model still sees it. */
function appendLeftovers(rest: JSONSchema, out: JSONSchema): JSONSchema {
  const leftovers = Object.entries(rest);
  if (leftovers.length === 0) return out;
  const hint = `{${leftovers.map(([key, value]) => `${key}: ${JSON.stringify(value)}`).join(', ')}}`;
  out.description = out.description ? `${out.description}\n\n${hint}` : hint;
  return out;
}

function take(schema: JSONSchema, key: string, use: (value: any) => unknown): boolean {
  if (!(key in schema) || schema[key] === undefined) return false;
  const value = schema[key];
  delete schema[key];
  use(value);
  return true;
}

function mapValues<T, U>(record: Record<string, T>, fn: (value: T) => U): Record<string, U> {
  return Object.fromEntries(Object.entries(record).map(([key, value]) => [key, fn(value)]));
}

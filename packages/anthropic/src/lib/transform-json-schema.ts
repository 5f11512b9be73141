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

/** Keywords that pass through untouched when present (the API understands them as-is). */
const PASS_THROUGH = ['description', 'title', 'enum', 'const', 'default'] as const;

/**
 * Rewrites a JSON Schema into the strict subset the structured-outputs API accepts, without touching the
 * input. Objects get `additionalProperties: false`; `oneOf` becomes `anyOf`; unsupported constraints
 * (`minLength`, `maximum`, `pattern`, unknown formats, ...) are not dropped silently but appended to the
 * description as a hint for the model, e.g. `{minLength: 3}`.
 *
 * @example
 * ```ts
 * transformJSONSchema({ type: 'object', properties: { name: { type: 'string', minLength: 1 } } });
 * // { type: 'object', properties: { name: { type: 'string', description: '{minLength: 1}' } },
 * //   additionalProperties: false }
 * ```
 */
export function transformJSONSchema(jsonSchema: JSONSchema): JSONSchema {
  return transform(structuredClone(jsonSchema));
}

function transform(rest: JSONSchema): JSONSchema {
  const out: JSONSchema = {};
  if (take(rest, '$ref', (ref) => (out.$ref = ref))) return out;

  for (const defsKey of ['$defs', 'definitions'] as const) {
    take(rest, defsKey, (defs: Record<string, JSONSchema>) => {
      out[defsKey] = mapValues(defs, transform);
    });
  }

  const type = rest.type;
  delete rest.type;
  const combinator = takeCombinator(rest, out);
  if (type !== undefined) out.type = type;
  else if (!combinator && !('enum' in rest) && !('const' in rest)) {
    throw new Error('JSON schema must declare a `type` unless it uses anyOf/oneOf/allOf, enum or const');
  }
  for (const key of PASS_THROUGH) take(rest, key, (value) => (out[key] = value));

  const types: unknown[] = Array.isArray(type) ? type : [type];
  if (types.includes('object')) transformObject(rest, out);
  if (types.includes('array')) transformArray(rest, out);
  if (types.includes('string')) {
    take(rest, 'format', (format: string) => {
      if (STRICT_STRING_FORMATS.has(format)) out.format = format;
      else rest.format = format;
    });
  }

  return appendLeftovers(rest, out);
}

function takeCombinator(rest: JSONSchema, out: JSONSchema): boolean {
  const anyOf = rest.anyOf ?? rest.oneOf;
  const allOf = rest.allOf;
  delete rest.anyOf;
  delete rest.oneOf;
  delete rest.allOf;
  if (Array.isArray(anyOf)) out.anyOf = anyOf.map(transform);
  if (Array.isArray(allOf)) out.allOf = allOf.map(transform);
  return Array.isArray(anyOf) || Array.isArray(allOf);
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
  const leftovers = Object.entries(rest).filter(([key]) => key !== '$schema');
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

import { describeValue, GeneratorError, pointerJoin } from '../errors.js';

/**
 * JSON-type checks for spec nodes the generator walks: a node of the wrong type (a string where OpenAPI
 * requires an object, a map where it requires a list) is a `normalize` error at its pointer, instead of
 * being read as something else or crashing a later stage.
 */

export function isPlainObject(node: unknown): node is Record<string, any> {
  return node !== null && typeof node === 'object' && !Array.isArray(node);
}

/** `node` when it is an object; `undefined` when absent; otherwise an error naming `what`. */
export function objectAt(node: unknown, pointer: string, what: string): Record<string, any> | undefined {
  if (node === undefined || isPlainObject(node)) return node;
  throw new GeneratorError('normalize', pointer, `${what} must be an object, got ${describeValue(node)}`);
}

/** `node` when it is an array; `undefined` when absent; otherwise an error naming `what`. */
export function arrayAt(node: unknown, pointer: string, what: string): unknown[] | undefined {
  if (node === undefined || Array.isArray(node)) return node;
  throw new GeneratorError('normalize', pointer, `${what} must be an array, got ${describeValue(node)}`);
}

const SCHEMA_KEYWORDS: Record<string, 'object' | 'array'> = {
  properties: 'object',
  allOf: 'array',
  anyOf: 'array',
  oneOf: 'array',
  required: 'array',
  enum: 'array',
};

/** The keywords of a Schema Object whose JSON type the generator relies on (JSON Schema 2020-12, section 10). */
export function checkSchemaKeywords(schema: Record<string, any>, pointer: string): void {
  for (const [key, type] of Object.entries(SCHEMA_KEYWORDS)) {
    const at = pointerJoin(pointer, key);
    if (type === 'object') objectAt(schema[key], at, `"${key}"`);
    else arrayAt(schema[key], at, `"${key}"`);
  }
  if (Array.isArray(schema.required) && schema.required.some((r: unknown) => typeof r !== 'string')) {
    throw new GeneratorError(
      'normalize',
      pointerJoin(pointer, 'required'),
      '"required" must list property names',
    );
  }
}

import { describeValue, GeneratorError, pointerJoin } from '../errors.js';
import type { IRDocs, IRObject, IRProperty, IRType } from '../ir/types.js';
import { componentSchemaName, type NormalizeContext, resolvePointer } from './context.js';
import { checkSchemaKeywords, isPlainObject } from './shape.js';

/**
 * Schema Object (OpenAPI 3.1 section 4.8.24, JSON Schema 2020-12; 3.0's `nullable` also accepted) -> IR type.
 * Component refs stay references; everything else is converted structurally. Keywords with no TypeScript
 * equivalent (`not`, `if`/`then`, ...) degrade to `unknown` with a warning.
 */
export function schemaObject(ctx: NormalizeContext, schema: any, pointer: string, depth = 0): IRType {
  if (
    schema === true ||
    schema === undefined ||
    (isPlainObject(schema) && Object.keys(schema).length === 0)
  ) {
    return { kind: 'unknown', pointer };
  }
  if (schema === false) {
    ctx.warnings.add('normalize', pointer, 'schema `false` (no value is valid) typed as unknown');
    return { kind: 'unknown', pointer };
  }
  if (!isPlainObject(schema)) {
    throw new GeneratorError(
      'normalize',
      pointer,
      `a schema must be an object or a boolean, got ${describeValue(schema)}`,
    );
  }
  checkSchemaKeywords(schema, pointer);
  if (depth > 40) {
    ctx.warnings.add(
      'normalize',
      pointer,
      'schema nests too deeply (non-component $ref cycle?); typed as unknown',
    );
    return { kind: 'unknown', pointer };
  }
  const docs = schemaDocs(schema);
  if (typeof schema.$ref === 'string') return refType(ctx, schema, pointer, depth, docs);
  const base = withoutNullable(ctx, schema, pointer, depth, docs);
  const nullable = schema.nullable === true || (Array.isArray(schema.type) && schema.type.includes('null'));
  if (!nullable || base.kind === 'null' || base.kind === 'unknown') return base;
  return { kind: 'union', variants: [stripDocs(base), { kind: 'null', pointer }], pointer, ...docs };
}

function refType(ctx: NormalizeContext, schema: any, pointer: string, depth: number, docs: IRDocs): IRType {
  const name = componentSchemaName(schema.$ref);
  if (name !== undefined) {
    resolvePointer(ctx, schema.$ref, pointer);
    const ref: IRType = { kind: 'ref', name, pointer, ...docs };
    return schema.nullable === true
      ? { kind: 'union', variants: [ref, { kind: 'null', pointer }], pointer, ...docs }
      : ref;
  }
  const target = resolvePointer(ctx, schema.$ref, pointer);
  if (typeof target !== 'boolean' && (!isPlainObject(target) || notASchema(schema.$ref))) {
    const what = isPlainObject(target)
      ? 'something that is not a schema'
      : `${describeValue(target)}, not a schema`;
    throw new GeneratorError('normalize', pointer, `$ref "${schema.$ref}" points at ${what}`);
  }
  return schemaObject(ctx, target, schema.$ref, depth + 1);
}

const TOP_LEVEL = ['openapi', 'info', 'servers', 'tags', 'security', 'externalDocs', 'jsonSchemaDialect'];

/** Pointers naming the document, a top-level field, a path item or operation, or a non-schema component. */
function notASchema(ref: string): boolean {
  const [top, a, b, ...rest] = ref.slice(1).split('/').filter(Boolean);
  if (top === undefined || TOP_LEVEL.includes(top)) return true;
  if (top === 'paths' || top === 'webhooks') return rest.length === 0;
  if (top === 'components') return b === undefined || (a !== 'schemas' && rest.length === 0);
  return false;
}

/** Docs shared by every node. */
export function schemaDocs(schema: any): IRDocs {
  const docs: IRDocs = {};
  if (!isPlainObject(schema)) return docs;
  if (typeof schema.description === 'string') docs.description = schema.description;
  if (typeof schema.title === 'string') docs.title = schema.title;
  if (schema.deprecated === true) docs.deprecated = true;
  if ('default' in schema) docs.default = schema.default;
  if (Array.isArray(schema.examples) && schema.examples.length > 0) docs.example = schema.examples[0];
  else if ('example' in schema) docs.example = schema.example;
  return docs;
}

function stripDocs(t: IRType): IRType {
  const { description: _d, title: _t, deprecated: _dep, default: _def, example: _e, ...rest } = t;
  return rest as IRType;
}

const UNSUPPORTED = ['not', 'if', 'then', 'else', 'prefixItems', 'patternProperties', 'dependentSchemas'];

function withoutNullable(
  ctx: NormalizeContext,
  s: any,
  pointer: string,
  depth: number,
  docs: IRDocs,
): IRType {
  const bad = UNSUPPORTED.find((k) => k in s);
  if (bad) {
    ctx.warnings.add('normalize', pointer, `"${bad}" is not supported; typed as unknown`);
    return { kind: 'unknown', pointer, ...docs };
  }
  if ('const' in s) return { kind: 'literal', value: s.const, pointer, ...docs };
  if (Array.isArray(s.enum)) return enumType(s.enum, pointer, docs);
  const composite = s.oneOf ?? s.anyOf;
  if (Array.isArray(composite)) return unionType(ctx, s, composite, pointer, depth, docs);
  if (Array.isArray(s.allOf)) return allOfType(ctx, s, pointer, depth, docs);
  const types: string[] = (Array.isArray(s.type) ? s.type : [s.type]).filter(
    (t: unknown) => t && t !== 'null',
  );
  if (types.length > 1) {
    const variants = types.map((t) => withoutNullable(ctx, { ...s, type: t }, pointer, depth, {}));
    return { kind: 'union', variants, pointer, ...docs };
  }
  return singleType(ctx, s, types[0], pointer, depth, docs);
}

function singleType(
  ctx: NormalizeContext,
  s: any,
  type: string | undefined,
  pointer: string,
  depth: number,
  docs: IRDocs,
): IRType {
  switch (type ?? (s.properties || s.additionalProperties ? 'object' : s.items ? 'array' : undefined)) {
    case 'string':
      return { kind: 'string', pointer, ...pick(s, ['format', 'minLength', 'maxLength']), ...docs };
    case 'integer':
    case 'number':
      return {
        kind: 'number',
        pointer,
        integer: type === 'integer',
        ...pick(s, ['format', 'minimum', 'maximum']),
        ...docs,
      };
    case 'boolean':
      return { kind: 'boolean', pointer, ...docs };
    case 'null':
      return { kind: 'null', pointer, ...docs };
    case 'array': {
      const items = schemaObject(ctx, s.items, pointerJoin(pointer, 'items'), depth + 1);
      return { kind: 'array', items, pointer, ...pick(s, ['minItems']), ...docs };
    }
    case 'object':
      return objectType(ctx, s, pointer, depth, docs);
    case undefined:
      if (
        typeof s.type === 'string' ||
        (Array.isArray(s.type) && s.type.length === 1 && s.type[0] === 'null')
      ) {
        return { kind: 'null', pointer, ...docs };
      }
      return { kind: 'unknown', pointer, ...docs };
    default:
      ctx.warnings.add('normalize', pointer, `unknown type "${type}"; typed as unknown`);
      return { kind: 'unknown', pointer, ...docs };
  }
}

function pick(s: any, keys: string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const k of keys) if (s[k] !== undefined) out[k] = s[k];
  return out;
}

function enumType(values: unknown[], pointer: string, docs: IRDocs): IRType {
  const literals = values.map((v) =>
    v === null
      ? ({ kind: 'null', pointer } as IRType)
      : ({ kind: 'literal', value: v as string, pointer } as IRType),
  );
  if (literals.length === 1) return { ...literals[0]!, ...docs };
  return { kind: 'union', variants: literals, pointer, ...docs };
}

function unionType(
  ctx: NormalizeContext,
  s: any,
  members: any[],
  pointer: string,
  depth: number,
  docs: IRDocs,
): IRType {
  const key = s.oneOf ? 'oneOf' : 'anyOf';
  const variants = members.map((m, i) => schemaObject(ctx, m, pointerJoin(pointer, key, i), depth + 1));
  const union: IRType = { kind: 'union', variants, pointer, ...docs };
  if (typeof s.discriminator?.propertyName === 'string') union.discriminator = s.discriminator.propertyName;
  if (!s.properties) return variants.length === 1 ? { ...variants[0]!, ...docs } : union;
  const shared = objectType(ctx, { ...s, oneOf: undefined, anyOf: undefined }, pointer, depth, {});
  const { description: _omit, ...bare } = union;
  return { kind: 'intersection', members: [shared, bare as IRType], pointer, ...docs };
}

function allOfType(ctx: NormalizeContext, s: any, pointer: string, depth: number, docs: IRDocs): IRType {
  const members = s.allOf.map((m: any, i: number) =>
    schemaObject(ctx, m, pointerJoin(pointer, 'allOf', i), depth + 1),
  );
  if (s.properties) members.push(objectType(ctx, { ...s, allOf: undefined }, pointer, depth, {}));
  if (members.length === 1) return { ...members[0], ...docs };
  return { kind: 'intersection', members, pointer, ...docs };
}

function objectType(ctx: NormalizeContext, s: any, pointer: string, depth: number, docs: IRDocs): IRObject {
  const required = new Set<string>(Array.isArray(s.required) ? s.required : []);
  const properties: IRProperty[] = [];
  for (const [name, prop] of Object.entries<any>(s.properties ?? {})) {
    const at = pointerJoin(pointer, 'properties', name);
    const type = schemaObject(ctx, prop, at, depth + 1);
    const p: IRProperty = {
      name,
      type,
      required: required.has(name),
      pointer: at,
      ...schemaDocs(prop ?? {}),
    };
    if (prop?.readOnly === true) p.readOnly = true;
    properties.push(p);
  }
  const obj: IRObject = { kind: 'object', properties, pointer, ...docs };
  const extra = s.additionalProperties;
  if (extra !== undefined && extra !== false) {
    obj.additionalProperties = schemaObject(
      ctx,
      extra,
      pointerJoin(pointer, 'additionalProperties'),
      depth + 1,
    );
  } else if (extra === undefined && properties.length === 0) {
    obj.additionalProperties = { kind: 'unknown', pointer };
  }
  return obj;
}

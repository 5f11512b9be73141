/**
 * The bad-spec corpus: one small spec per case (in this folder) and what `sdkgen generate` must do with it.
 * Every spec runs with `sdk.config.yaml` (autoResources: every operation is bound) unless a case names
 * its own config. `error` cases exit 2 with `<stage>: <pointer>: <what>` and write nothing; `generates`
 * cases exit 0 and their output type-checks.
 */
export interface BadSpecCase {
  /** File in this folder; for a case with `build`, the name of the temp file its document is written to. */
  spec: string;
  /** Builds a document too large to commit (written as JSON). */
  build?: () => object;
  config?: string;
  /** Expected failure: the stage, the pointer (a string is a prefix) and the message text. */
  error?: { stage: 'load' | 'normalize' | 'plan'; pointer: string | RegExp; message: RegExp };
  /** Valid-but-odd input: generates (exit 0), optionally with a warning matching this. */
  generates?: true | { warning: RegExp };
}

const doc = (paths: object, components: object) => ({
  openapi: '3.1.0',
  info: { title: 't', version: '1' },
  paths,
  components,
});
const json = (schema: object) => ({ description: 'ok', content: { 'application/json': { schema } } });

/** Schema aliases and parameter refs fifty deep: `A0 -> A1 -> ... -> A50`, `P0 -> ... -> P50`. */
function deepRefChain(): object {
  const schemas: Record<string, object> = { A50: { type: 'object', properties: { id: { type: 'string' } } } };
  const parameters: Record<string, object> = {
    P50: { name: 'limit', in: 'query', schema: { type: 'integer' } },
  };
  for (let i = 0; i < 50; i++) {
    schemas[`A${i}`] = { $ref: `#/components/schemas/A${i + 1}` };
    parameters[`P${i}`] = { $ref: `#/components/parameters/P${i + 1}` };
  }
  const get = {
    operationId: 'items/list',
    parameters: [{ $ref: '#/components/parameters/P0' }],
    responses: { '200': json({ $ref: '#/components/schemas/A0' }) },
  };
  return doc({ '/items': { get } }, { schemas, parameters });
}

/** A 5,000-value string enum used as a query parameter and a response. */
function hugeEnum(): object {
  const values = Array.from({ length: 5000 }, (_, i) => `value_${i}`);
  const kind = { $ref: '#/components/schemas/Kind' };
  const get = {
    operationId: 'items/list',
    parameters: [{ name: 'kind', in: 'query', schema: kind }],
    responses: { '200': json(kind) },
  };
  return doc({ '/items': { get } }, { schemas: { Kind: { type: 'string', enum: values } } });
}

const atFile = (file: string) => new RegExp(`bad-specs/${file.replace(/\./g, '\\.')}#$`);
const okSchema = '#/paths/~1items/get/responses/200/content/application~1json/schema';

export const CASES: BadSpecCase[] = [
  // Not an OpenAPI 3.x document at all.
  {
    spec: 'malformed.yaml',
    error: {
      stage: 'load',
      pointer: atFile('malformed.yaml'),
      message: /invalid YAML\/JSON: .*line 6, column 3$/,
    },
  },
  {
    spec: 'malformed.json',
    error: {
      stage: 'load',
      pointer: atFile('malformed.json'),
      message: /invalid YAML\/JSON: .*line 1, column 72$/,
    },
  },
  {
    spec: 'not-an-object.yaml',
    error: {
      stage: 'load',
      pointer: atFile('not-an-object.yaml'),
      message: /must be an object, got an array/,
    },
  },
  {
    spec: 'scalar.yaml',
    error: { stage: 'load', pointer: atFile('scalar.yaml'), message: /must be an object, got a string/ },
  },
  {
    spec: 'missing-openapi.yaml',
    error: {
      stage: 'load',
      pointer: '#/openapi',
      message: /expected an OpenAPI 3\.0 or 3\.1 document, got undefined$/,
    },
  },
  {
    spec: 'swagger-2.yaml',
    error: { stage: 'load', pointer: '#/openapi', message: /Swagger 2\.0 is not supported/ },
  },
  {
    spec: 'paths-array.yaml',
    error: { stage: 'load', pointer: '#/paths', message: /paths must be an object, got an array/ },
  },
  // References.
  {
    spec: 'dangling-ref-local.json',
    error: { stage: 'load', pointer: okSchema, message: /Can't resolve \$ref/ },
  },
  {
    spec: 'dangling-ref-file.yaml',
    error: { stage: 'load', pointer: okSchema, message: /Can't resolve \$ref.*no-such-file\.yaml/ },
  },
  {
    spec: 'ref-to-non-schema.yaml',
    error: {
      stage: 'normalize',
      pointer: okSchema,
      message: /\$ref "#\/info\/title" points at a string, not a schema/,
    },
  },
  {
    spec: 'ref-to-parameter-as-schema.yaml',
    error: {
      stage: 'normalize',
      pointer: '#/paths/~1a/get/responses/200',
      message: /points at something that is not a schema/,
    },
  },
  {
    spec: 'circular-alias.yaml',
    error: { stage: 'load', pointer: '#/components/schemas/A', message: /\$ref chain loops/ },
  },
  {
    spec: 'parameter-ref-loop.yaml',
    error: { stage: 'load', pointer: '#/components/parameters/', message: /\$ref chain loops/ },
  },
  { spec: 'deep-ref-chain.json', build: deepRefChain, generates: true },
  { spec: 'circular-refs.yaml', generates: true },
  { spec: 'ref-siblings.yaml', generates: true },
  { spec: 'ref-in-example.yaml', generates: true },
  // Schemas.
  { spec: 'boolean-schemas.yaml', generates: { warning: /Thing\/properties\/no: schema `false`/ } },
  { spec: 'huge-enum.json', build: hugeEnum, generates: true },
  { spec: 'empty-enum.yaml', generates: true },
  { spec: 'nullable-in-3-1.yaml', generates: true },
  { spec: 'type-array-in-3-0.yaml', generates: true },
  {
    spec: 'properties-not-object.yaml',
    error: {
      stage: 'normalize',
      pointer: '#/components/schemas/Item/properties',
      message: /"properties" must be an object, got an array/,
    },
  },
  {
    spec: 'required-not-array.yaml',
    error: {
      stage: 'normalize',
      pointer: '#/components/schemas/Item/required',
      message: /"required" must be an array, got a string/,
    },
  },
  {
    spec: 'parameter-schema-number.yaml',
    error: {
      stage: 'normalize',
      pointer: '#/paths/~1a/get/parameters/0/schema',
      message: /a schema must be an object or a boolean, got a number/,
    },
  },
  // Paths and operations.
  { spec: 'empty-paths.yaml', generates: true },
  {
    spec: 'path-without-slash.yaml',
    error: { stage: 'normalize', pointer: '#/paths/items~1{id}', message: /must start with "\/"/ },
  },
  {
    spec: 'operation-not-object.yaml',
    error: {
      stage: 'normalize',
      pointer: '#/paths/~1a/get',
      message: /an operation must be an object, got a string/,
    },
  },
  {
    spec: 'duplicate-operation-ids.yaml',
    error: {
      stage: 'normalize',
      pointer: '#/paths/~1b/get',
      message: /duplicate operationId "items\/list" \(first defined at #\/paths\/~1a\/get\)/,
    },
  },
  { spec: 'operation-ids-odd.yaml', generates: true },
  {
    spec: 'operation-ids-colliding.yaml',
    error: {
      stage: 'plan',
      pointer: '#/paths/~1b/get',
      message: /method name "getItem" of resource "items" is taken by #\/paths\/~1a\/get/,
    },
  },
  // Parameters.
  { spec: 'parameter-names-odd.yaml', generates: true },
  {
    spec: 'parameter-empty-name.yaml',
    error: {
      stage: 'normalize',
      pointer: '#/paths/~1items/get/parameters/0',
      message: /needs "name" and "in"/,
    },
  },
  {
    spec: 'parameter-unknown-in.yaml',
    error: {
      stage: 'normalize',
      pointer: '#/paths/~1items/post/parameters/0/in',
      message: /unknown parameter location "body"/,
    },
  },
  {
    spec: 'parameters-not-array.yaml',
    error: {
      stage: 'normalize',
      pointer: '#/paths/~1a/get/parameters',
      message: /must be an array, got an object/,
    },
  },
  // Request bodies and responses.
  {
    spec: 'request-body-without-content.yaml',
    generates: { warning: /requestBody: a request body without "content"/ },
  },
  {
    spec: 'media-type-not-object.yaml',
    error: {
      stage: 'normalize',
      pointer: '#/paths/~1a/post/requestBody/content/application~1json',
      message: /a media type must be an object, got a string/,
    },
  },
  { spec: 'responses-without-content.yaml', generates: true },
  {
    spec: 'responses-not-object.yaml',
    error: {
      stage: 'normalize',
      pointer: '#/paths/~1a/get/responses',
      message: /responses must be an object, got an array/,
    },
  },
  // The config.
  {
    spec: 'missing-operation.yaml',
    config: 'missing-operation.config.yaml',
    error: {
      stage: 'plan',
      pointer: /missing-operation\.config\.yaml#\/resources\/items\/methods\/retrieve\/operation$/,
      message: /no operation "items_retrieve" in the spec/,
    },
  },
];

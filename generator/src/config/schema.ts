import { z } from 'zod';

/**
 * The SDK config (`spec/sdk.config.yaml`): everything API-specific that the OpenAPI document does not say.
 * The shape is documented in spec/README.md (the SDK config section). Unknown keys are kept
 * (`looseObject`) so the spec side can add runtime-only settings without breaking the generator.
 */

const stringMap = z.record(z.string(), z.string());

const constantSchema = z.object({
  name: z.string(),
  value: z.string(),
  static: z.boolean().optional(),
});

const clientSchema = z.looseObject({
  className: z.string(),
  baseClassName: z.string().default('BaseClient'),
  /** Module (relative to src/) that exports the base class and `ClientOptions`. */
  baseModule: z.string().default('core/base-client'),
  /** Base error class exported by `core/error` (default `<className>Error`). */
  errorClass: z.string().optional(),
  constants: z.array(constantSchema).default([]),
  /** Headers the client always sends; operation parameters with these names are not exposed. */
  defaultHeaders: z.record(z.string(), z.string()).default({}),
});

const headerParamSchema = z.object({
  header: z.string(),
  parameter: z.string().optional(),
  itemType: z.string().optional(),
  join: z.string().default(','),
});

const paginationSchema = z.looseObject({
  paramsType: z.string(),
  request: z.record(z.string(), z.string()).default({}),
  response: z.looseObject({ items: z.string() }),
});

const methodSchema = z.object({
  operation: z.string(),
  paramsType: z.string().optional(),
  pagination: z.string().optional(),
  pageType: z.string().optional(),
  stream: z.object({ param: z.string(), event: z.string() }).optional(),
  jsonl: z
    .object({
      item: z.string(),
      urlFrom: z
        .object({ method: z.string(), field: z.string(), statusField: z.string().optional() })
        .optional(),
    })
    .optional(),
  binary: z.boolean().optional(),
  multipart: z.object({ stripFilenames: z.boolean().default(true) }).optional(),
  accept: z.string().optional(),
  timeout: z.string().optional(),
  defaultBetas: z.array(z.string()).optional(),
  deprecated: z.boolean().optional(),
});

const resourceSchema = z.object({
  className: z.string(),
  module: z.string(),
  defaultBetas: z.array(z.string()).optional(),
  methods: z.record(z.string(), methodSchema).default({}),
  /** Extra exported aliases in the resource's module, `NewName: ExistingTypeInModule`. */
  typeAliases: z.record(z.string(), z.string()).default({}),
});

const overlaySchema = z.object({
  /** `lib/File#ExportName`, relative to src/. */
  class: z.string().regex(/^[\w./-]+#\w+$/, 'expected "<module>#<ExportName>"'),
  methods: z.array(z.string()).default([]),
});

/** `module: null` means: not emitted as a declaration (printed inline where referenced). */
const typeModuleSchema = z.object({ files: z.string(), module: z.string().nullable() });

/** The config as written by users (before defaults). */
export const userConfigSchema = z.looseObject({
  version: z.literal(1),
  spec: z.string().default('./openapi.yaml'),
  package: z.looseObject({ name: z.string(), description: z.string().optional() }),
  client: clientSchema,
  headerParams: z.record(z.string(), headerParamSchema).default({}),
  pathParams: z.object({ positional: z.enum(['last', 'all']) }).default({ positional: 'last' }),
  pagination: z.record(z.string(), paginationSchema).default({}),
  typeModules: z.array(typeModuleSchema).default([]),
  typeNames: stringMap.default({}),
  resources: z.record(z.string(), resourceSchema).default({}),
  /** Bind every operation no resource claims: `tag/verb-noun` operationIds -> resource `tag`, method `verbNoun`. */
  autoResources: z.object({ separator: z.string().default('/') }).optional(),
  timeouts: z.record(z.string(), z.looseObject({ defaultMs: z.number().optional() })).default({}),
  overlays: z.record(z.string(), overlaySchema).default({}),
  /** Request-time checks generated into methods (named by dotted resource path + method). */
  requestRules: z
    .looseObject({
      deprecatedModels: z
        .object({
          methods: z.array(z.string()),
          param: z.string(),
          message: z.string(),
          models: z.record(z.string(), z.string()),
        })
        .optional(),
      thinkingEnabledWarning: z
        .object({
          methods: z.array(z.string()),
          models: z.array(z.string()),
          message: z.string(),
          when: z
            .object({ path: z.string(), equals: z.union([z.string(), z.number(), z.boolean()]) })
            .optional(),
        })
        .optional(),
      paramMoves: z
        .array(
          z.object({
            methods: z.array(z.string()),
            from: z.string(),
            to: z.string(),
            conflictError: z.string(),
          }),
        )
        .default([]),
    })
    .default({ paramMoves: [] }),
  /** Property type overrides: `'<Schema>.<property>': <SDK type name>` (e.g. a params type the generator declares). */
  typeRefs: z.record(z.string(), z.string()).default({}),
  /** Extra exported aliases: `{ module, name, target }` adds `export type name = target` to `module`. */
  typeAliases: z.array(z.object({ module: z.string(), name: z.string(), target: z.string() })).default([]),
  /** Module for schemas no `typeModules` entry claims (relative to src/resources). */
  defaultTypeModule: z.string().default('shared'),
});

/** The config as written in YAML. */
export type UserConfig = z.input<typeof userConfigSchema>;
/** Parsed config with defaults applied. */
export type ParsedConfig = z.output<typeof userConfigSchema>;
/** One method entry of a resource. */
export type MethodConfig = z.output<typeof methodSchema>;
/** One resource entry. */
export type ResourceConfig = z.output<typeof resourceSchema>;
/** One pagination scheme. */
export type PaginationConfig = z.output<typeof paginationSchema>;
/** One overlay hook. */
export type OverlayConfig = z.output<typeof overlaySchema>;

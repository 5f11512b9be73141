import { z } from 'zod';

/**
 * The SDK config (`spec/sdk.config.yaml`): everything API-specific that the OpenAPI document does not say.
 * Every object is strict: an unknown or misspelled key is an error with its JSON pointer, and every key here
 * is read by some stage (`test/config-keys.test.ts`). The `.describe()` texts are the config reference in
 * generator/README.md (`pnpm --filter @sdkgen/generator config-doc` rewrites it).
 */

const stringMap = z.record(z.string(), z.string());

/** `<module>#<ExportName>`, module relative to src/. */
const moduleExport = z.string().regex(/^[\w./-]+#\w+$/, 'expected "<module>#<ExportName>"');

const constantSchema = z.strictObject({
  name: z.string().describe('Exported name.'),
  value: z.string().describe('String value.'),
  static: z.boolean().optional().describe('Also a static member of the client class.'),
});

const authSchema = z.strictObject({
  option: z
    .string()
    .describe('Client option carrying the credential (`apiKey`); the first one is used in tests.'),
  env: z.string().optional().describe('Env var read when the option is not passed.'),
  header: z.string().describe('Header the credential is sent in.'),
  format: z.string().default('{value}').describe('Header value; `{value}` is replaced (`Bearer {value}`).'),
  securityScheme: z.string().optional().describe('The spec security scheme this option implements.'),
  method: z
    .string()
    .optional()
    .describe(
      'Protected client method that builds its header (default `<option>Auth`); subclasses may override it.',
    ),
});

const clientSchema = z.strictObject({
  className: z.string().describe('Client class name (default export of the package).'),
  baseClassName: z.string().default('BaseClient').describe('Base class in `baseModule`.'),
  baseModule: z
    .string()
    .default('core/base-client')
    .describe('Module (relative to src/) that exports the base class and `ClientOptions`.'),
  errorClass: z
    .string()
    .optional()
    .describe('Base error class exported by `core/error` (default `<className>Error`).'),
  constants: z
    .array(constantSchema)
    .default([])
    .describe('String constants exported from the client module.'),
  defaultHeaders: stringMap
    .default({})
    .describe('Headers the client always sends; operation parameters with these names are not exposed.'),
  reexports: z
    .strictObject({
      types: z
        .array(moduleExport)
        .default([])
        .describe('`<module>#<Name>` re-exported (type-only) by the client module.'),
      namespace: z
        .array(moduleExport)
        .default([])
        .describe('`<module>#<Name>` added to the client namespace.'),
    })
    .default({ types: [], namespace: [] })
    .describe('Names of hand-written modules made public through the client module.'),
  baseURL: z
    .strictObject({
      default: z.string().describe('Base URL used when none is passed.'),
      env: z.string().optional().describe('Env var that overrides the default.'),
    })
    .optional()
    .describe('Where requests go (documented in the README).'),
  timeoutMs: z.number().optional().describe('Default request timeout in ms (documented in the README).'),
  maxRetries: z.number().optional().describe('Default retry count (documented in the README).'),
  logLevelEnv: z.string().optional().describe('Env var that sets the log level (documented in the README).'),
  auth: z.array(authSchema).default([]).describe('Client options that carry credentials.'),
  browserAccessHeader: z
    .string()
    .optional()
    .describe('Header sent as `true` when the client is created with `dangerouslyAllowBrowser`.'),
  requestIdHeader: z
    .string()
    .optional()
    .describe('Response header with the request id (`APIError.requestID`, `_request_id`).'),
  streamEvents: z
    .array(z.string())
    .optional()
    .describe(
      'SSE event names whose data streams yield; others (keep-alives) are skipped. Absent: every event but `error`.',
    ),
  streamRetryableErrors: z
    .array(z.string())
    .default([])
    .describe("`error.type` values of a stream's first `error` event that are retried like a 529."),
});

const headerParamSchema = z.strictObject({
  header: z
    .string()
    .describe('Wire header name; a spec header parameter of that name becomes the SDK param.'),
});

const cursorRule = z.strictObject({
  param: z.string().describe('Request param to set.'),
  from: z.string().describe('Response field to take its value from.'),
});

const paginationSchema = z.strictObject({
  paramsType: z.string().describe('Runtime interface of the page params (list params types extend it).'),
  request: stringMap
    .default({})
    .describe(
      'Query params the page params own: name -> `string`, `integer`, `number` or `boolean`, optionally `| null` (`string | null`).',
    ),
  response: z
    .strictObject({
      items: z.string().describe('Field holding the page items.'),
      hasMore: z.string().optional().describe('Boolean field: more pages exist.'),
      firstId: z.string().optional().describe('Field with the first item id.'),
      lastId: z.string().optional().describe('Field with the last item id.'),
      nextPage: z.string().optional().describe('Field with the opaque cursor of the next page.'),
      nextUrl: z.string().optional().describe('Field with the URL of the next page.'),
    })
    .describe(
      'Response fields by role; each becomes a field of the page class. A GET uses the scheme when its response has all of them and it takes the cursor params of `next` and `previous` as query params, and no other scheme fits too.',
    ),
  next: cursorRule
    .optional()
    .describe(
      "How the next page is requested: `param` = the page's `from` field, the rest of the query kept. Without it a `nextUrl` field is followed (the link's own query replaces the old one), else each list is one page. Pages continue while the field is non-null (and `hasMore`, when named, is not false).",
    ),
  previous: cursorRule
    .optional()
    .describe(
      "When the first request carried `param`, pages go backwards: `param` = the page's `from` field.",
    ),
});

const methodSchema = z.strictObject({
  operation: z.string().describe('operationId, or `<method> <path>`.'),
  paramsType: z.string().optional().describe('Params interface name (derived when absent).'),
  pagination: z
    .string()
    .optional()
    .describe('Page scheme (detected from the response fields and cursor query params when absent).'),
  pageType: z.string().optional().describe('Exported page alias name (derived when absent).'),
  stream: z
    .strictObject({
      param: z.string().describe('Body boolean that switches the response to SSE.'),
      event: z.string().describe('Schema of each event.'),
      end: z
        .string()
        .optional()
        .describe(
          'Event type that ends a complete stream; a stream that stops before it fails instead of ending quietly.',
        ),
    })
    .optional()
    .describe('JSON or SSE, by a body flag.'),
  jsonl: z
    .strictObject({
      item: z.string().describe('Schema of each line.'),
      urlFrom: z
        .strictObject({
          method: z.string().describe('Method of the same resource whose response has the URL.'),
          field: z.string().describe('Field with the URL.'),
          statusField: z.string().optional().describe('Field that says whether the URL is ready.'),
        })
        .optional()
        .describe('Fetch the URL found in another response instead of the path.'),
    })
    .optional()
    .describe('Response is newline-delimited JSON.'),
  binary: z.boolean().optional().describe('Response is the raw fetch `Response`.'),
  multipart: z
    .strictObject({
      stripFilenames: z.boolean().default(true).describe('Drop directory parts of file names.'),
    })
    .optional()
    .describe('Request body is multipart/form-data.'),
  accept: z.string().optional().describe('Accept header the method sends.'),
  timeout: z.string().optional().describe('Name of a `timeouts` policy.'),
  defaultBetas: z.array(z.string()).optional().describe('Values appended to the `betas` header param.'),
  deprecated: z.boolean().optional().describe('Mark the method deprecated.'),
});

const resourceSchema = z.strictObject({
  className: z.string().describe('Resource class name.'),
  module: z.string().describe('Module path relative to src/resources.'),
  defaultBetas: z.array(z.string()).optional().describe('Appended to every method’s `betas` header param.'),
  methods: z.record(z.string(), methodSchema).default({}).describe('Method name -> binding.'),
  typeAliases: stringMap
    .default({})
    .describe('Extra exported aliases in the module, `NewName: ExistingType`.'),
});

const overlaySchema = z.strictObject({
  class: moduleExport.describe(
    '`lib/File#ExportName` (relative to src/) instantiated instead of the resource.',
  ),
  methods: z.array(z.string()).default([]).describe('Methods the overlay adds (checked against collisions).'),
  exports: z
    .array(moduleExport)
    .default([])
    .describe(
      'Hand-written names added to the resource’s namespace in the client (`Client.Beta.Messages.X`).',
    ),
});

const typeModuleSchema = z.strictObject({
  files: z.string().describe('Glob over spec files (relative to the root document).'),
  module: z
    .string()
    .nullable()
    .describe('Module relative to src/resources; `null`: printed inline where used.'),
});

const timeoutSchema = z.strictObject({
  defaultMs: z.number().optional().describe('Timeout when the client has none.'),
  maxTokensParam: z
    .string()
    .optional()
    .describe('Body param with the token budget (enables the computed policy).'),
  modelParam: z.string().optional().describe('Body param naming the model.'),
  maxTimeMs: z.number().optional().describe('Time a request of `tokensPerMaxTime` tokens may take.'),
  tokensPerMaxTime: z.number().optional().describe('Tokens generated in `maxTimeMs`.'),
  errorMessage: z
    .string()
    .optional()
    .describe('Error thrown when a non-streaming request would take too long.'),
  modelMaxNonStreamingTokens: z
    .record(z.string(), z.number())
    .optional()
    .describe('Model -> largest token budget allowed without streaming.'),
});

const requestRulesSchema = z.strictObject({
  deprecatedModels: z
    .strictObject({
      methods: z.array(z.string()).describe('Dotted method ids (`messages.create`).'),
      param: z.string().describe('Body param naming the model.'),
      message: z.string().describe('Warning; `{model}` and `{date}` are substituted.'),
      models: stringMap.describe('Model -> end-of-life date.'),
    })
    .optional()
    .describe('Warn when a deprecated model is requested.'),
  thinkingEnabledWarning: z
    .strictObject({
      methods: z.array(z.string()).describe('Dotted method ids.'),
      models: z.array(z.string()).describe('Models the warning applies to.'),
      message: z.string().describe('Warning; `{model}` is substituted.'),
      when: z
        .strictObject({
          path: z.string().describe('Dotted path into the body.'),
          equals: z.union([z.string(), z.number(), z.boolean()]).describe('Value that triggers the warning.'),
        })
        .optional()
        .describe('Condition on the body.'),
    })
    .optional()
    .describe('Warn when a body value is set for some models.'),
  paramMoves: z
    .array(
      z.strictObject({
        methods: z.array(z.string()).describe('Dotted method ids.'),
        from: z.string().describe('Deprecated body param.'),
        to: z.string().describe('Dotted path it moves to.'),
        conflictError: z.string().describe('Error thrown when both are given.'),
      }),
    )
    .default([])
    .describe('Deprecated body params moved before sending.'),
});

const packageFilesSchema = z.strictObject({
  packageJson: z.boolean().default(true).describe('`package.json` with the ESM/CJS/types `exports` map.'),
  readme: z
    .boolean()
    .default(true)
    .describe('`README.md` with install, usage, auth, pagination and streaming.'),
  build: z.boolean().default(true).describe('`tsconfig.json`, `tsconfig.build*.json`, `scripts/build.mjs`.'),
  index: z.boolean().default(true).describe('`src/index.ts`, the package entry.'),
});

/** The config as written by users (before defaults). */
export const userConfigSchema = z.strictObject({
  version: z.literal(1).describe('Config format version.'),
  spec: z
    .string()
    .default('./openapi.yaml')
    .describe('Root OpenAPI document, relative to this file (`--spec` overrides).'),
  package: z
    .strictObject({
      name: z.string().describe('npm package name (the generated tests import it).'),
      version: z.string().default('0.1.0').describe('Version in the emitted package.json.'),
      description: z.string().optional().describe('One line for package.json and the README.'),
      files: packageFilesSchema
        .default({ packageJson: true, readme: true, build: true, index: true })
        .describe('Package files emitted besides the sources; turn off the ones that are hand-written.'),
    })
    .describe('The npm package.'),
  client: clientSchema.describe('The client class and its defaults.'),
  headerParams: z
    .record(z.string(), headerParamSchema)
    .default({})
    .describe('SDK param name -> header it becomes.'),
  pathParams: z
    .strictObject({
      positional: z.enum(['last', 'all']).describe('Which path params are positional arguments.'),
    })
    .default({ positional: 'last' })
    .describe('Path parameter style.'),
  pagination: z
    .record(z.string(), paginationSchema)
    .default({})
    .describe(
      'Page schemes by class name; each becomes a class, a params and a `<Name>Response` interface in `src/core/pagination.ts`.',
    ),
  typeModules: z
    .array(typeModuleSchema)
    .default([])
    .describe('Where schemas go, by spec file; first match wins.'),
  typeNames: stringMap.default({}).describe('Spec schema name -> SDK type name.'),
  resources: z.record(z.string(), resourceSchema).default({}).describe('The resource tree, by dotted path.'),
  autoResources: z
    .strictObject({
      separator: z.string().default('/').describe('Separator in `group/verb-noun` operationIds.'),
    })
    .optional()
    .describe(
      'Bind every operation no resource claims: by a `group/verb` operationId, else by tag or path segments (sub-resources for nested collections) with CRUD names.',
    ),
  timeouts: z.record(z.string(), timeoutSchema).default({}).describe('Per-call timeout policies by name.'),
  overlays: z
    .record(z.string(), overlaySchema)
    .default({})
    .describe('Hand-written subclasses by dotted resource path.'),
  requestRules: requestRulesSchema
    .default({ paramMoves: [] })
    .describe('Request-time checks generated into methods (by dotted method id).'),
  typeRefs: stringMap.default({}).describe('`<Schema>.<property>` -> SDK type name to use for it.'),
  typeAliases: z
    .array(
      z.strictObject({
        module: z.string().describe('Module relative to src/resources.'),
        name: z.string().describe('Alias name.'),
        target: z.string().describe('Type name visible in that module.'),
      }),
    )
    .default([])
    .describe('Extra `export type name = target` declarations.'),
  defaultTypeModule: z
    .string()
    .default('shared')
    .describe('Module for schemas no `typeModules` entry claims (relative to src/resources).'),
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

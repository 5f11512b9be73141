import type { IRDocs, IROperation, IRResponseKind, IRSchema, IRType } from '../ir/types.js';
import type { PlannedRuntime } from './runtime.js';

/**
 * The plan: plain data saying which files exist, what each exports, and how names resolve. Emit turns it
 * into source text without making naming decisions of its own. `sdkgen generate --dump plan` prints it.
 */
export interface Plan {
  /** SDK modules under `src/resources`, keyed by module path (`messages/batches`). */
  modules: PlannedModule[];
  /** Re-export files (`resources/index.ts`, `resources/beta/index.ts`, `resources/beta.ts`). */
  indexes: PlannedIndex[];
  client: PlannedClient;
  /** Component schema name -> where its declaration lives and what it is called. */
  typeHomes: Record<string, TypeHome>;
  /**
   * The schemas declarations are printed from: the IR's, with the config's `typeRefs` applied (to a copy). Emit
   * reads schemas here, never from the IR.
   */
  schemas: Record<string, IRSchema>;
  /** The runtime instance: class names and the SDK facts its `internal/sdk-facts.ts` carries. */
  runtime: PlannedRuntime;
  /** Which file under `src/resources` prints each class and declaration (`plan/layout.ts`). */
  layout: PlannedLayout;
}

/**
 * The files of `src/resources` that hold the modules (the re-export files of `indexes` aside), decided once by
 * `plan/layout.ts` from the printed size of each declaration and the type references between modules.
 */
export interface PlannedLayout {
  /** Most lines a generated file may have; a declaration set that does not fit is split into parts. */
  budget: number;
  files: PlannedFile[];
  /** Module path -> the file other modules import its declarations from (its own path or a types file). */
  typesEntry: Record<string, string>;
}

/** One generated file under `src/resources`. */
export interface PlannedFile {
  /** Path relative to `src/resources`, no extension. */
  path: string;
  /**
   * `class`: a resource module (class, namespace merge, and its declarations when `declarations` lists them);
   * `types`: declarations only; `index`: re-exports of the files that hold a module's declarations.
   */
  kind: 'class' | 'types' | 'index';
  /** `class`: the resource module printed here. */
  module?: string;
  /** Declarations printed here, in this order (`module` and the name of one of its `types`). */
  declarations: { module: string; name: string }[];
  /** Modules whose declarations print unqualified here (those of the file's own type group). */
  local: string[];
  /** `import * as alias from`: `from` is a file path (relative to `src/resources`); `value` for a class import. */
  imports: { alias: string; from: string; value: boolean }[];
  /** Names imported unqualified from another file (its module's own declarations, or an earlier part). */
  named: { from: string; names: string[] }[];
  /** `export * from` (`names` absent) or `export type { names } from`. */
  reexports: { from: string; names?: string[] }[];
}

/** Where a named type lives. `inline` types (renamed to a dotted name) are printed at each use. */
export interface TypeHome {
  module: string;
  name: string;
  inline?: boolean;
}

/** A property of a planned interface. */
export interface PlannedProperty extends IRDocs {
  name: string;
  type: IRType;
  required: boolean;
  readOnly?: boolean;
  pointer: string;
}

/** One exported type declaration. */
export interface PlannedType extends IRDocs {
  name: string;
  pointer: string;
  /** `interface`: properties (+ `extends` clauses as TS text); `alias`: `type X = <type or text>`. */
  decl:
    | {
        kind: 'interface';
        properties: PlannedProperty[];
        /** `extends` clauses as TS text (runtime types such as `PageParams`). */
        extends: string[];
        /** `extends` clauses naming schemas (printed with module qualification). */
        extendsRefs?: IRType[];
        additional?: IRType;
      }
    | { kind: 'alias'; type?: IRType; text?: string; generic?: { name: string; arg: IRType } };
  /** Print `format: binary` strings as `Uploadable` (request shapes). */
  request?: boolean;
  /** Left out of the module's namespace (e.g. `...Base` params); still exported and re-exported by index files. */
  hidden?: boolean;
  /** Extra aliases declared in a namespace of the same name (`MessageCreateParams.MessageCreateParamsStreaming`). */
  members?: { name: string; text: string; type?: IRType }[];
}

/** A path parameter of a method: positional argument or a member of the params object. */
export interface PlannedPathParam {
  wire: string;
  local: string;
  positional: boolean;
  type: IRType;
}

/** One method on a resource class. */
export interface PlannedMethod extends IRDocs {
  name: string;
  operationId: string;
  httpMethod: string;
  /** Path split around parameters: `['/v1/files/', 'file_id', '/content']` (odd indexes are wire names). */
  pathParts: string[];
  fixedQuery: string;
  pathParams: PlannedPathParam[];
  /** Params object: type name, whether it may be omitted, and which members go where. */
  params?: {
    typeName: string;
    required: boolean;
    /** Query, header and non-positional path members. */
    query: ParamMember[];
    headers: ParamMember[];
    pathMembers: ParamMember[];
    /** `props`: remaining members are the body; `none`: no body. */
    body: 'props' | 'none';
  };
  /** Body type when the request body is not an object (sent whole). */
  wholeBody?: IRType;
  multipart: boolean;
  /** Multipart: `false` keeps directory parts of file names. */
  stripFilenames?: boolean;
  /** `examples`: the spec's example lines of a `jsonl` response. */
  response: {
    kind: IRResponseKind;
    type?: IRType;
    eventType?: IRType;
    examples?: unknown[];
    /** Event type that ends a complete stream. */
    streamEnd?: string;
  };
  streaming?: { param: string; base: string; streaming: string; nonStreaming: string };
  page?: { scheme: string; alias: string; item: IRType };
  accept?: string;
  headerDefaults: Record<string, string[]>;
  urlFrom?: { method: string; field: string; statusField?: string; noun: string; hasId: boolean };
  /** Request-time checks from the config's `requestRules`. */
  rules?: PlannedRules;
  /** Per-call timeout policy from the config's `timeouts`. */
  timeout?: PlannedTimeout;
  /** Client-facing call (`client.messages.batches`) for examples. */
  clientPath: string;
  /** Example arguments rendered as data (positional values, then params object). */
  exampleArgs: unknown[];
  /** Required-only example arguments (for generated tests). */
  minimalArgs: unknown[];
  pointer: string;
}

/** A module under `src/resources`. */
export interface PlannedModule {
  /** Path relative to `src/resources`, no extension (`beta/messages/batches`). */
  path: string;
  resource?: {
    className: string;
    dottedPath: string;
    methods: PlannedMethod[];
    subresources: { prop: string; className: string; module: string }[];
  };
  types: PlannedType[];
  /** Other modules this one refers to: module path -> import alias, and whether a value import is needed. */
  imports: { module: string; alias: string; value: boolean }[];
}

/** A file of `export ... from` lines. */
export interface PlannedIndex {
  /** Path relative to `src/resources` (`index`, `beta/index`, `beta`). */
  path: string;
  /**
   * `star`: `export * from`; `named`: the module's class and types, `names`. A name an earlier entry of the file
   * already exports (two modules exporting `OrderCancelled`) is left out: the first module gives it.
   */
  entries: {
    from: string;
    module: string;
    kind: 'star' | 'named';
    names?: { name: string; typeOnly: boolean }[];
  }[];
}

/** The generated client class. */
export interface PlannedClient {
  className: string;
  /** Client option that carries the credential (`apiKey`), for generated tests. */
  authOption?: string;
  baseClassName: string;
  baseModule: string;
  constants: { name: string; value: string; static: boolean }[];
  /** Hand-written names re-exported by the client module (`types`) or added to its namespace. */
  reexports: { types: ModuleExport[]; namespace: ModuleExport[] };
  /** Top-level resources with their overlay (if any), and nested overlays to wire. */
  resources: PlannedClientResource[];
  /** Page schemes of the config: `core/pagination.ts` declares a class, params and response interface each. */
  paginationSchemes: PlannedPageScheme[];
  /** Types of the `shared` module re-exported as `export type X = API.X`. */
  sharedTypes: string[];
  sharedModule?: string;
  /**
   * What the client's namespace exports, each name once. The first that gives a name keeps it, in this order:
   * `RequestOptions`, page classes and params (`''` where a hand-written re-export gives the name), hand-written
   * re-exports and overlay exports, each top-level resource's types in config order, then the shared types.
   */
  namespace: {
    schemes: { name: string; paramsType: string }[];
    /** Types of each top-level resource, by module. */
    resourceTypes: Record<string, string[]>;
    sharedTypes: string[];
  };
}

/** One config page scheme, as `core/pagination.ts` declares it. */
export interface PlannedPageScheme {
  name: string;
  paramsType: string;
  /** Query params the page params own: name -> `string` | `integer` | `number` | `boolean` (optionally `| null`). */
  request: Record<string, string>;
  /** Response fields by role. */
  response: {
    items: string;
    hasMore?: string | undefined;
    firstId?: string | undefined;
    lastId?: string | undefined;
    nextPage?: string | undefined;
    nextUrl?: string | undefined;
  };
  next?: { param: string; from: string };
  previous?: { param: string; from: string };
  /** Config pointer of the scheme, for errors. */
  pointer: string;
}

/** A named export of a module (path relative to src/, no extension). */
export interface ModuleExport {
  module: string;
  name: string;
}

/** A resource as the client sees it. */
export interface PlannedClientResource {
  prop: string;
  className: string;
  module: string;
  overlay?: { module: string; exportName: string; exports: ModuleExport[] };
  /** Nested resources that need an overlay wired beneath this one. */
  children: PlannedClientResource[];
  /** Exported type names of the module, for the namespace. */
  types: string[];
  /** Direct sub-resources: class, module and exported types (all members of the resource's namespace). */
  subresources: { className: string; module: string; types: string[] }[];
}

/**
 * `fromMaxTokens`: when the client has no explicit timeout and the call does not stream, ask the client's
 * `calculateNonstreamingTimeout(max_tokens, table[model])` (which throws when streaming is required);
 * `clientDefault`: the client's timeout, else `defaultMs`.
 */
export type PlannedTimeout =
  | {
      kind: 'fromMaxTokens';
      maxTokensParam: string;
      modelParam: string;
      defaultMs: number;
      table: Record<string, number>;
    }
  | { kind: 'clientDefault'; defaultMs: number };

/** Checks a method runs before sending: deprecation warnings, conditional warnings, moved params. */
export interface PlannedRules {
  deprecated?: { param: string; message: string; table: Record<string, string> };
  warnings: { param: string; models: string[]; path: string; equals: unknown; message: string }[];
  moves: { from: string; to: string; conflictError: string }[];
}

/** A method on a resource class: an SDK name bound by the config (or by `autoResources`) to an operation. */
export interface BoundMethod {
  /** SDK method name (`create`, `countTokens`). */
  name: string;
  /** Key of the bound operation in `IR.operations`. */
  operationId: string;
  /**
   * The operation as this method sends it: the spec's, with the method config's transport applied (SSE, JSON
   * lines, binary, multipart, pagination). A copy: the IR's operation stays as the spec says.
   */
  operation: IROperation;
  /** Name of the params interface; derived by plan when absent. */
  paramsType?: string;
  /** Name of the exported page alias for list methods; derived by plan when absent. */
  pageType?: string;
  /** `Accept` header the method sends. */
  accept?: string;
  /** Values appended to an array header param (e.g. `anthropic-beta` -> `['files-api-2025-04-14']`). */
  headerDefaults: Record<string, string[]>;
  /** JSONL results read from a URL field of another method's response, instead of the operation's path. */
  urlFrom?: { method: string; field: string; statusField?: string };
  /** Multipart: drop directory parts of file names. */
  stripFilenames?: boolean;
  /** Name of a timeout policy from the config (`nonStreamingFromMaxTokens`). */
  timeout?: string;
  /** Pointer into the SDK config where the binding was declared. */
  pointer: string;
}

/** A resource (class) in the SDK tree. */
export interface BoundResource {
  /** Property name on the parent (`batches`). */
  name: string;
  /** Dotted path from the client (`messages.batches`). */
  path: string;
  methods: BoundMethod[];
  /** Class name of the resource (`Batches`). */
  className: string;
  /** Module path relative to `src/resources`, without extension (`messages/batches`). */
  module: string;
  subresources: BoundResource[];
  /** Extra aliases exported from the module: new name -> existing type name in the module. */
  typeAliases: Record<string, string>;
  pointer: string;
}

/** A hand-written subclass instantiated in place of a generated resource (config `overlays`). */
export interface Overlay {
  module: string;
  exportName: string;
  methods: string[];
  exports: { module: string; name: string }[];
}

/** What the config binds onto the IR: the resource tree and the overlays, by dotted resource path. */
export interface Bindings {
  resources: BoundResource[];
  overlays: Record<string, Overlay>;
}

/** A query, header or non-positional path member of a params object. */
export interface ParamMember {
  /** Name in the params type (`betas`). */
  sdkName: string;
  /** Name on the wire (`anthropic-beta`). */
  wire: string;
  /** The local the method body destructures it into: an identifier no argument or body local has. */
  local: string;
}

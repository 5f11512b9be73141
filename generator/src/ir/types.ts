/**
 * The intermediate representation: the only contract between OpenAPI-shaped code (load, normalize)
 * and SDK-shaped code (plan, emit). It says what the spec says: every `$ref` is resolved to a named
 * schema, parameters are grouped by location, and each operation's transport is what its media types say
 * (JSON, SSE, binary, multipart). The SDK config's decisions (resources, methods, streaming flags, JSON
 * lines, pagination) are the plan's (`plan/resources.ts`), which applies them to a copy of an operation per
 * method. Every node keeps `pointer`, the JSON pointer into the bundled spec it came from, for error messages.
 */

/** Documentation carried from the spec onto a type, property, parameter or method. */
export interface IRDocs {
  /** Free text from `description` (or `summary` for operations). */
  description?: string;
  /** Title from the spec, used when there is no description. */
  title?: string;
  /** `deprecated: true` in the spec. */
  deprecated?: boolean;
  /** `default` value from the spec, rendered as `@default`. */
  default?: unknown;
  /** An example value (first of `examples`, else `example`). */
  example?: unknown;
}

interface IRNodeBase extends IRDocs {
  /** JSON pointer into the bundled document, e.g. `#/components/schemas/Message/properties/id`. */
  pointer: string;
}

/** A schema reference, resolved to the name of a component schema. */
export interface IRRef extends IRNodeBase {
  kind: 'ref';
  /** Component schema name (`#/components/schemas/<name>`). */
  name: string;
}

/** A primitive; `unknown` is also what unsupported constructs degrade to. */
export interface IRPrimitive extends IRNodeBase {
  kind: 'string' | 'number' | 'boolean' | 'null' | 'unknown';
  /** `format` from the spec (`date-time`, `binary`, ...). */
  format?: string;
  /** Numeric `minimum`/`maximum` and string `minLength`/`maxLength`, kept for example synthesis. */
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  /** True for `integer` (still a `number` in TypeScript). */
  integer?: boolean;
}

/** A single literal value (`const`, or a one-value `enum`). */
export interface IRLiteral extends IRNodeBase {
  kind: 'literal';
  value: string | number | boolean | null;
}

/** `type: array`. */
export interface IRArray extends IRNodeBase {
  kind: 'array';
  items: IRType;
  minItems?: number;
}

/** An object property. */
export interface IRProperty extends IRDocs {
  /** Wire name (JSON key). */
  name: string;
  type: IRType;
  required: boolean;
  /** Marked `readOnly` in the spec. */
  readOnly?: boolean;
  pointer: string;
}

/** `type: object` with known properties and/or additional properties. */
export interface IRObject extends IRNodeBase {
  kind: 'object';
  properties: IRProperty[];
  /** Value type of `additionalProperties`; absent when not allowed or unspecified. */
  additionalProperties?: IRType;
}

/** `oneOf` / `anyOf`, or an `enum` of several values (as literals). */
export interface IRUnion extends IRNodeBase {
  kind: 'union';
  variants: IRType[];
  /** `discriminator.propertyName`, when given. */
  discriminator?: string;
}

/** `allOf`. */
export interface IRIntersection extends IRNodeBase {
  kind: 'intersection';
  members: IRType[];
}

/** Any type expression. */
export type IRType = IRRef | IRPrimitive | IRLiteral | IRArray | IRObject | IRUnion | IRIntersection;

/** A named schema from `components.schemas`. */
export interface IRSchema {
  name: string;
  type: IRType;
  /** Spec file the schema was written in (relative to the root document's folder). */
  source: string;
  pointer: string;
}

/** A path, query or header parameter. */
export interface IRParameter extends IRDocs {
  /** Wire name (`message_batch_id`, `limit`, `anthropic-beta`). */
  name: string;
  /** Name in the SDK params object (`betas` for `anthropic-beta` when the config says so). */
  sdkName: string;
  location: 'path' | 'query' | 'header';
  required: boolean;
  type: IRType;
  pointer: string;
}

/** The request body of an operation. */
export interface IRRequestBody {
  /** `json` for application/json, `multipart` for multipart/form-data. */
  encoding: 'json' | 'multipart';
  required: boolean;
  /** Usually a ref or object; its properties become body params. */
  type: IRType;
  pointer: string;
}

/**
 * How the successful response is read:
 * `json` -> parsed body; `sse` -> `Stream<event>` only; `json+sse` -> `stream: true` overloads;
 * `jsonl` -> `JSONLDecoder<item>`; `binary` -> raw `Response`; `empty` -> `void`.
 */
export type IRResponseKind = 'json' | 'sse' | 'json+sse' | 'jsonl' | 'binary' | 'empty';

/** The successful response of an operation. */
export interface IRResponse {
  kind: IRResponseKind;
  /** Body type (the JSON body, or the JSONL line type). */
  type?: IRType;
  /** Event type for `sse` / `json+sse`. */
  eventType?: IRType;
  /** Body property that switches to streaming (`stream`), for `json+sse`. */
  streamParam?: string;
  /** `sse` / `json+sse`: the event type that ends a complete stream (from the config's `stream.end`). */
  streamEnd?: string;
  /** `jsonl`: the media type's example values, one line each (for generated tests). */
  examples?: unknown[];
  pointer: string;
}

/** Pagination, set by plan on a method's copy of its operation (`plan/transport.ts`): the page scheme that fits. */
export interface IRPagination {
  /** Page class name in the runtime (`Page`, `PageCursor`). */
  scheme: string;
  /** Type of one item (the `items` array's element). */
  item: IRType;
}

/** One HTTP operation. */
export interface IROperation extends IRDocs {
  /** `<method> <path key>`, e.g. `post /v1/messages?beta=true`: the id the config refers to. */
  id: string;
  method: 'get' | 'post' | 'put' | 'patch' | 'delete';
  /** Path without the fixed query suffix, e.g. `/v1/messages/batches/{message_batch_id}`. */
  path: string;
  /**
   * `path` split once at its parameters: literal text at even indexes, parameter names at odd ones
   * (`['/v1/messages/batches/', 'message_batch_id', '']`). Every later reading of the template uses it.
   */
  pathParts: string[];
  /** Fixed query string from the path key (`beta=true`), or empty. */
  fixedQuery: string;
  operationId?: string;
  /** The operation's string `tags`, in spec order (resource naming when operationIds do not group). */
  tags?: string[];
  summary?: string;
  params: { path: IRParameter[]; query: IRParameter[]; header: IRParameter[] };
  body?: IRRequestBody;
  response: IRResponse;
  pagination?: IRPagination;
  /** Example request body from the spec, used for `@example` and tests. */
  bodyExample?: unknown;
  pointer: string;
}

/** The whole API, ready for planning. */
export interface IR {
  title: string;
  version: string;
  schemas: Record<string, IRSchema>;
  operations: Record<string, IROperation>;
}

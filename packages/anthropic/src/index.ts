export {
  AI_PROMPT,
  Anthropic as default,
  Anthropic,
  BaseAnthropic,
  type ClientOptions,
  HUMAN_PROMPT,
} from './client.js';
export { APIPromise } from './core/api-promise.js';
export {
  AnthropicError,
  APIConnectionError,
  APIConnectionTimeoutError,
  APIError,
  APIIdleTimeoutError,
  APIUserAbortError,
  AuthenticationError,
  BadRequestError,
  ConflictError,
  InternalServerError,
  NotFoundError,
  PermissionDeniedError,
  RateLimitError,
  UnprocessableEntityError,
} from './core/error.js';
export type { Middleware, MiddlewareContext, MiddlewareNext } from './core/middleware.js';
export { PagePromise } from './core/pagination.js';
export { toFile, type Uploadable } from './core/uploads.js';

export type {
  AutoParseableOutputFormat,
  ExtractParsedContentFromParams,
  ParseableMessageCreateParams,
  ParsedContentBlock,
  ParsedMessage,
} from './lib/parser.js';

export { Anthropic as default } from './client.js';

export { type Uploadable, toFile } from './core/uploads.js';
export { APIPromise } from './core/api-promise.js';
export { Anthropic, BaseAnthropic, type ClientOptions, HUMAN_PROMPT, AI_PROMPT } from './client.js';
export { PagePromise } from './core/pagination.js';
export {
  AnthropicError,
  APIError,
  APIConnectionError,
  APIConnectionTimeoutError,
  APIUserAbortError,
  NotFoundError,
  ConflictError,
  RateLimitError,
  BadRequestError,
  AuthenticationError,
  InternalServerError,
  PermissionDeniedError,
  UnprocessableEntityError,
} from './core/error.js';

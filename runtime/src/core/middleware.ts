/**
 * Middleware types: functions around each HTTP attempt, given on the client (`middleware`) and per request
 * (`RequestOptions.middleware`). How the chain runs is described in `internal/middleware.ts`.
 */
export type {
  APIRequest,
  Middleware,
  MiddlewareContext,
  MiddlewareNext,
} from '../internal/request-options.js';

/**
 * The errors the SDK throws: its base class, `APIError` with one subclass per status, and the connection, timeout
 * and abort errors (defined in `internal/api-errors.ts`, the runtime's ground floor).
 *
 * @example
 * ```ts
 * try { await client.models.list(); } catch (err) { if (err instanceof NotFoundError) console.log(err.requestID); }
 * ```
 */
export * from '../internal/api-errors.js';

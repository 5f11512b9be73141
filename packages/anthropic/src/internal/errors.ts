/**
 * Helpers for classifying and normalising thrown values. Private to the SDK.
 */

/** True for the `AbortError` a fetch implementation raises when its signal fires. */
export function isAbortError(err: unknown): boolean {
  return (
    typeof err === 'object' &&
    err !== null &&
    ((err as { name?: unknown }).name === 'AbortError' ||
      String((err as { message?: unknown }).message).includes('FetchRequestCanceledException'))
  );
}

/** Turns anything that was thrown into an `Error`, keeping name, stack and cause where present. */
export function castToError(err: unknown): Error {
  if (err instanceof Error) return err;
  if (typeof err === 'object' && err !== null) {
    if (Object.prototype.toString.call(err) === '[object Error]') {
      const source = err as { message?: string; cause?: unknown; name?: string; stack?: string };
      const error = new Error(source.message, source.cause ? { cause: source.cause } : {});
      if (source.stack) error.stack = source.stack;
      if (source.name) error.name = source.name;
      return error;
    }
    try {
      return new Error(JSON.stringify(err));
    } catch {
      // fall through: circular or otherwise unserialisable
    }
  }
  return new Error(String(err));
}

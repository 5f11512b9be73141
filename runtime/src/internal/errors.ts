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

/** `text` with every occurrence of each secret (of four characters or more) replaced by `***`. */
export function maskSecrets(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const secret of secrets)
    if (secret.length >= 4 && out.includes(secret)) out = out.split(secret).join('***');
  return out;
}

/**
 * Replaces every occurrence of each secret in the message and stack of `err` and of the errors along its `cause`
 * chain with `***`, in place, and returns `err`. For errors the SDK did not make itself (a runtime's `TypeError`
 * may quote a header value; a fetch error may quote a URL or header) before they reach the caller.
 */
export function maskSecretsInError<T>(err: T, secrets: readonly string[]): T {
  const usable = secrets.filter((s) => s.length >= 4);
  if (usable.length === 0) return err;
  const mask = (text: string) => maskSecrets(text, usable);
  const seen = new Set<unknown>();
  for (let e: unknown = err; e instanceof Error && !seen.has(e) && seen.size < 8; e = e.cause) {
    seen.add(e);
    for (const key of ['message', 'stack'] as const) {
      const text = e[key];
      if (typeof text !== 'string' || !usable.some((s) => text.includes(s))) continue;
      Object.defineProperty(e, key, { value: mask(text), writable: true, configurable: true });
    }
  }
  return err;
}

import { AnthropicError } from '../core/error.js';
import { castToError } from './errors.js';

/**
 * Calls a user-supplied API key function. Failures become `AnthropicError`s that keep the
 * original as `cause` and never include a key.
 */
export async function callApiKeySetter(setter: () => Promise<string>): Promise<string> {
  let key: unknown;
  try {
    key = await setter();
  } catch (err) {
    throw new AnthropicError('The apiKey function threw an error.', { cause: castToError(err) });
  }
  if (typeof key !== 'string' || !key) {
    throw new AnthropicError('The apiKey function must resolve to a non-empty string.');
  }
  return key;
}

/** Joins a base URL and a path (or takes an absolute path as is), avoiding a doubled slash. */
export function joinURL(baseURL: string, path: string): URL {
  if (/^[a-z][a-z0-9+.-]*:/i.test(path)) return new URL(path);
  return new URL(baseURL + (baseURL.endsWith('/') && path.startsWith('/') ? path.slice(1) : path));
}

import { SDKError } from './api-errors.js';
import { castToError } from './errors.js';

/**
 * Calls a user-supplied API key function. Failures become `SDKError`s that keep the
 * original as `cause` and never include a key.
 */
export async function callApiKeySetter(setter: () => Promise<string>): Promise<string> {
  let key: unknown;
  try {
    key = await setter();
  } catch (err) {
    throw new SDKError('The apiKey function threw an error.', { cause: castToError(err) });
  }
  if (typeof key !== 'string' || !key) {
    throw new SDKError('The apiKey function must resolve to a non-empty string.');
  }
  return key;
}

import { SDKError } from '../api-errors.js';

/**
 * The error for iterating a streamed response that has no body, worded as 0.74.0's; React Native's default
 * `fetch` never exposes one, so there the message points to `expo/fetch`.
 *
 * @example
 * ```ts
 * if (!response.body) throw noBodyError();
 * ```
 */
export function noBodyError(): SDKError {
  const nav = (globalThis as { navigator?: { product?: unknown } }).navigator;
  if (nav?.product === 'ReactNative') {
    return new SDKError(
      'The default react-native fetch implementation does not support streaming. Please use expo/fetch: https://docs.expo.dev/versions/latest/sdk/expo/#expofetch-api',
    );
  }
  return new SDKError('Attempted to iterate over a response with no body');
}

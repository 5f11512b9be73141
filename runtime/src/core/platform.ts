/**
 * Helpers for platform clients (Bedrock, Vertex, Foundry) built on `BaseClient`: marking the resources and
 * endpoints a platform does not serve, so they fail before any request with an error naming the platform.
 */
import { buildHeaders, type NullableHeaders } from '../internal/headers.js';
import { SDKError } from './error.js';

export type { NullableHeaders } from '../internal/headers.js';

/**
 * Headers in the form `authHeaders()` returns, for platform clients that override it.
 *
 * @example
 * ```ts
 * protected override async authHeaders() {
 *   return authHeaders({ Authorization: `Bearer ${await this.token()}` });
 * }
 * ```
 */
export function authHeaders(headers: Record<string, string>): NullableHeaders {
  return buildHeaders([headers]);
}

/** Reads a non-empty, trimmed environment variable; `undefined` outside Node.js. */
export function readEnv(name: string): string | undefined {
  const env = (globalThis as { process?: { env?: Record<string, string | undefined> } }).process?.env;
  const value = env?.[name]?.trim();
  return value ? value : undefined;
}

/**
 * Thrown when a method or endpoint is not served by the platform. Raised before any request is
 * sent; the message names the platform and what was called.
 */
export class UnsupportedOnPlatformError extends SDKError {
  override name = 'UnsupportedOnPlatformError';
}

/** A function standing in for a method the platform does not serve; it always throws. */
export function unsupportedMethod(platform: string, name: string): (...args: unknown[]) => never {
  return () => {
    throw new UnsupportedOnPlatformError(`\`${name}()\` is not supported on ${platform}.`);
  };
}

/**
 * An object standing in for a resource the platform does not serve: calling any of its methods
 * throws `UnsupportedOnPlatformError` naming the platform, e.g.
 * "`messages.batches.create()` is not supported on Amazon Bedrock."
 */
export function unsupportedResource<T extends object>(platform: string, name: string): T {
  return new Proxy({} as T, {
    get(_target, prop) {
      // Not a thenable, and plain inspection (symbols, toJSON) sees an empty object.
      if (typeof prop === 'symbol' || prop === 'then' || prop === 'toJSON') return undefined;
      return unsupportedMethod(platform, `${name}.${prop}`);
    },
  });
}

/** The error for a request to a path the platform does not serve. */
export function unsupportedEndpoint(
  platform: string,
  method: string,
  path: string,
): UnsupportedOnPlatformError {
  return new UnsupportedOnPlatformError(`${method.toUpperCase()} ${path} is not supported on ${platform}.`);
}

/** Members of a resource instance a platform does not serve. */
export type UnservedMembers = { resources?: readonly string[]; methods?: readonly string[] };

/**
 * Shadows the unserved sub-resources and methods of `resource` (one instance; the class is
 * untouched) with stand-ins that throw `UnsupportedOnPlatformError` when used.
 *
 * @example
 * ```ts
 * withUnserved(new MessagesOverlay(client), 'Amazon Bedrock', 'messages', { resources: ['batches'] });
 * ```
 */
export function withUnserved<T extends object>(
  resource: T,
  platform: string,
  path: string,
  members: UnservedMembers,
): T {
  for (const name of members.resources ?? []) {
    Object.defineProperty(resource, name, { value: unsupportedResource(platform, `${path}.${name}`) });
  }
  for (const name of members.methods ?? []) {
    Object.defineProperty(resource, name, { value: unsupportedMethod(platform, `${path}.${name}`) });
  }
  return resource;
}

/** Replaces the (lazily created) sub-resource `name` of one resource instance with `value`. */
export function replaceSubresource<T extends object, K extends string, V extends object>(
  resource: T,
  name: K,
  value: V,
): Omit<T, K> & Record<K, V> {
  Object.defineProperty(resource, name, { value, enumerable: true });
  return resource as unknown as Omit<T, K> & Record<K, V>;
}

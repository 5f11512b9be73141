import { SDKError } from '../api-errors.js';

/** True for scheme-qualified URLs such as `https://host/path`. */
export const isAbsoluteURL = (url: string): boolean => /^[a-z][a-z0-9+.-]*:/i.test(url);

/** True when `obj` is nullish or has no own enumerable keys. */
export function isEmptyObj(obj: object | null | undefined): boolean {
  if (!obj) return true;
  for (const _ in obj) return false;
  return true;
}

/** Own-property check that also works on null-prototype objects. */
export function hasOwn<T extends object>(obj: T, key: PropertyKey): key is keyof T {
  return Object.hasOwn(obj, key);
}

/** `Array.isArray` narrowed for readonly arrays. */
export const isReadonlyArray = (value: unknown): value is readonly unknown[] => Array.isArray(value);

/** Returns `value` when it is a plain object, else an empty one; used when spreading query objects. */
export const maybeObj = (value: unknown): object =>
  typeof value === 'object' && value !== null ? value : {};

/** Throws unless `n` is a non-negative integer. */
export function validatePositiveInteger(name: string, n: unknown): number {
  if (typeof n !== 'number' || !Number.isInteger(n)) {
    throw new SDKError(`${name} must be an integer`);
  }
  if (n < 0) throw new SDKError(`${name} must be a positive integer`);
  return n;
}

/** `JSON.parse` that returns `undefined` instead of throwing. */
export function safeJSON(text: string): any {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** Resolves after `ms` milliseconds. */
export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

import type { RequestOptions } from './request-options.js';
import { ReadableStreamFrom } from './shims.js';

/** Parts a `File` can be built from. */
export type BlobPart = string | ArrayBuffer | ArrayBufferView | Blob | DataView;
/**
 * Options of `new File(...)`. Declared here rather than taken from the DOM lib's `FilePropertyBag`, so the
 * published declarations compile in Node projects whose `lib` has no DOM.
 */
export interface FileOptions {
  /** The MIME type, e.g. `'text/plain'`. */
  type?: string | undefined;
  /** Last-modified time in milliseconds since the epoch. */
  lastModified?: number | undefined;
}
type FsReadStream = AsyncIterable<Uint8Array> & { path: string | { toString(): string } };
interface BunFile extends Blob {
  readonly name?: string | undefined;
}

/**
 * A file argument of an upload method: a `File`, a fetch `Response`, or (in Node)
 * `fs.createReadStream(path)`. Use `toFile()` for buffers and other inputs.
 */
export type Uploadable = File | Response | FsReadStream | BunFile;

/** Throws a helpful error where `File` is not a global (Node < 20 gets a hint), worded as 0.74.0's. */
export function checkFileSupport(): void {
  if (typeof File !== 'undefined') return;
  const node = (globalThis as { process?: { versions?: { node?: unknown } } }).process?.versions?.node;
  const isOldNode = typeof node === 'string' && Number.parseInt(node, 10) < 20;
  throw new Error(
    '`File` is not defined as a global, which is required for file uploads.' +
      (isOldNode
        ? " Update to Node 20 LTS or newer, or set `globalThis.File` to `import('node:buffer').File`."
        : ''),
  );
}

/** `new File(...)` with a default name and the support check. */
export function makeFile(bits: BlobPart[], name: string | undefined, options?: FileOptions): File {
  checkFileSupport();
  return new File(bits as BlobPart[] as any, name ?? 'unknown_file', options as any);
}

/** Best-effort file name from `name`, `url`, `filename` or `path`; the directory part is dropped when `stripPath`. */
export function getName(value: unknown, stripPath: boolean): string | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const v = value as Record<string, unknown>;
  const raw = [v['name'], v['url'], v['filename'], v['path']].find((x) => x && String(x));
  const name = raw ? String(raw) : '';
  return stripPath ? name.split(/[\\/]/).pop() || undefined : name || undefined;
}

/** True for any object with `Symbol.asyncIterator` (streams, generators, `fs.ReadStream`). */
export const isAsyncIterable = (value: unknown): value is AsyncIterable<unknown> =>
  value != null && typeof value === 'object' && typeof (value as any)[Symbol.asyncIterator] === 'function';

const isNamedBlob = (value: unknown): value is Blob => value instanceof Blob && 'name' in value;

const isUploadable = (value: unknown): boolean =>
  typeof value === 'object' &&
  value !== null &&
  (value instanceof Response || isAsyncIterable(value) || isNamedBlob(value));

function hasUploadableValue(value: unknown): boolean {
  if (isUploadable(value)) return true;
  if (Array.isArray(value)) return value.some(hasUploadableValue);
  if (value && typeof value === 'object') return Object.values(value).some(hasUploadableValue);
  return false;
}

async function appendValue(
  form: FormData,
  key: string,
  value: unknown,
  stripFilenames: boolean,
): Promise<void> {
  if (value === undefined) return;
  if (value === null) {
    throw new TypeError(
      `Received null for "${key}"; to pass null in FormData, you must use the string 'null'`,
    );
  }
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') {
    form.append(key, String(value));
  } else if (value instanceof Response) {
    const type = value.headers.get('content-type');
    form.append(key, makeFile([await value.blob()], getName(value, stripFilenames), type ? { type } : {}));
  } else if (isAsyncIterable(value)) {
    const blob = await new Response(ReadableStreamFrom(value) as ReadableStream<Uint8Array>).blob();
    form.append(key, makeFile([blob], getName(value, stripFilenames)));
  } else if (isNamedBlob(value)) {
    form.append(key, makeFile([value], getName(value, stripFilenames), { type: value.type }));
  } else if (Array.isArray(value)) {
    // Sequential so repeated `key[]` parts keep the caller's order.
    for (const entry of value) await appendValue(form, `${key}[]`, entry, stripFilenames);
  } else if (typeof value === 'object') {
    for (const [name, prop] of Object.entries(value))
      await appendValue(form, `${key}[${name}]`, prop, stripFilenames);
  } else {
    throw new TypeError(
      `Invalid value given to form, expected a string, number, boolean, object, Array, File or Blob but got ${value as string} instead`,
    );
  }
}

/**
 * Encodes a body as `FormData`: primitives as text fields, files as file parts, arrays as
 * repeated `key[]` parts, nested objects as `key[name]`.
 */
export async function createForm<T = Record<string, unknown>>(
  body: T | undefined,
  _client?: unknown,
  stripFilenames = true,
): Promise<FormData> {
  const form = new FormData();
  for (const [key, value] of Object.entries(body || {})) await appendValue(form, key, value, stripFilenames);
  return form;
}

type MultipartFormRequestOptions = Omit<RequestOptions, 'body'> & { body: unknown };

/**
 * Request options with the body encoded as multipart form data (used by generated upload methods).
 *
 * @example
 * ```ts
 * this._client.post('/v1/files', multipartFormRequestOptions({ body, ...options }, this._client));
 * ```
 */
export async function multipartFormRequestOptions(
  opts: MultipartFormRequestOptions,
  client?: unknown,
  stripFilenames = true,
): Promise<RequestOptions> {
  return { ...opts, body: await createForm(opts.body, client, stripFilenames) };
}

/** Like `multipartFormRequestOptions`, but only when the body contains a file. */
export async function maybeMultipartFormRequestOptions(
  opts: RequestOptions,
  client?: unknown,
): Promise<RequestOptions> {
  if (!hasUploadableValue(opts.body)) return opts;
  return { ...opts, body: await createForm(opts.body, client) };
}

import {
  type BlobPart,
  checkFileSupport,
  type FileOptions,
  getName,
  isAsyncIterable,
  makeFile,
} from './uploads.js';

type BlobLikePart = string | ArrayBuffer | ArrayBufferView | BlobLike | DataView;

/** Structural match for DOM, `node:buffer` and polyfilled `Blob`s. */
interface BlobLike {
  readonly size: number;
  readonly type: string;
  text(): Promise<string>;
  slice(start?: number, end?: number): BlobLike;
}

/** Structural match for `File`s from any realm. */
interface FileLike extends BlobLike {
  readonly lastModified: number;
  readonly name?: string | undefined;
}

/** Structural match for fetch `Response`s from any implementation. */
export interface ResponseLike {
  url: string;
  blob(): Promise<BlobLike>;
}

type WithArrayBuffer<T> = T & { arrayBuffer(): Promise<ArrayBuffer> };

const isBlobLike = (v: any): v is WithArrayBuffer<BlobLike> =>
  v != null &&
  typeof v === 'object' &&
  typeof v.size === 'number' &&
  typeof v.type === 'string' &&
  typeof v.text === 'function' &&
  typeof v.slice === 'function' &&
  typeof v.arrayBuffer === 'function';

const isFileLike = (v: any): v is WithArrayBuffer<FileLike> =>
  isBlobLike(v) && typeof (v as any).name === 'string' && typeof (v as any).lastModified === 'number';

const isResponseLike = (v: any): v is ResponseLike =>
  v != null && typeof v === 'object' && typeof v.url === 'string' && typeof v.blob === 'function';

/** Everything `toFile` accepts. */
export type ToFileInput =
  | FileLike
  | ResponseLike
  | Exclude<BlobLikePart, string>
  | AsyncIterable<BlobLikePart>;

async function collectParts(value: BlobLikePart | AsyncIterable<BlobLikePart>): Promise<BlobPart[]> {
  if (typeof value === 'string' || ArrayBuffer.isView(value) || value instanceof ArrayBuffer) return [value];
  if (isBlobLike(value)) return [value instanceof Blob ? value : await value.arrayBuffer()];
  if (isAsyncIterable(value)) {
    const parts: BlobPart[] = [];
    for await (const chunk of value) parts.push(...(await collectParts(chunk as BlobLikePart)));
    return parts;
  }
  const ctor = (value as any)?.constructor?.name;
  const props =
    typeof value === 'object' && value
      ? `; props: [${Object.getOwnPropertyNames(value)
          .map((p) => `"${p}"`)
          .join(', ')}]`
      : '';
  throw new Error(`Unexpected data type: ${typeof value}${ctor ? `; constructor: ${ctor}` : ''}${props}`);
}

/**
 * Makes a `File` for an upload method from bytes (`Buffer`, `Uint8Array`, `ArrayBuffer`,
 * `DataView`), a `Blob`/`File`, a fetch `Response`, an `fs.ReadStream` or any async iterable of
 * chunks. The name defaults to one found on the input (a path's base name, a URL's last segment).
 *
 * @example
 * ```ts
 * const file = await toFile(Buffer.from('hello'), 'hello.txt', { type: 'text/plain' });
 * await client.beta.files.upload({ file });
 * ```
 */
export async function toFile(
  value: ToFileInput | PromiseLike<ToFileInput>,
  name?: string | null | undefined,
  options?: FileOptions | undefined,
): Promise<File> {
  checkFileSupport();
  const input = await value;
  let fileName: string | undefined = name || getName(input, true);

  if (isFileLike(input)) {
    if (input instanceof File && name == null && options == null) return input;
    return makeFile([await input.arrayBuffer()], fileName ?? input.name, {
      type: input.type,
      lastModified: input.lastModified,
      ...options,
    });
  }
  if (isResponseLike(input)) {
    const blob = await input.blob();
    fileName ||= new URL(input.url).pathname.split(/[\\/]/).pop();
    return makeFile(await collectParts(blob), fileName, options);
  }
  const parts = await collectParts(input);
  if (!options?.type) {
    const typed = parts.find((p) => typeof p === 'object' && 'type' in p && (p as Blob).type) as
      | Blob
      | undefined;
    if (typed) options = { ...options, type: typed.type };
  }
  return makeFile(parts, fileName, options);
}

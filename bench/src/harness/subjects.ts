import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The four subjects of the SDK benches, in table order. */
export const SDK_SUBJECTS = ['ours', 'sdk-0.74.0', 'sdk-latest', 'lean'];

/** Package names (bench dependencies) behind the SDK subjects. */
export const PACKAGES: Record<string, string> = {
  ours: '@sdkgen/anthropic',
  'sdk-0.74.0': 'anthropic-sdk-0740',
  'sdk-latest': 'anthropic-sdk-latest',
};

/** Directory of the `bench` package. */
export const BENCH_DIR = fileURLToPath(new URL('../../', import.meta.url));

/** Reads the version of an installed subject package (the real one behind an npm alias). */
export function packageVersion(subject: string): string | undefined {
  const name = PACKAGES[subject];
  if (!name) return undefined;
  try {
    const pkg = JSON.parse(readFileSync(`${BENCH_DIR}node_modules/${name}/package.json`, 'utf8')) as {
      version: string;
    };
    return pkg.version;
  } catch {
    return undefined;
  }
}

/** The slice of the client API the benches call; all three SDKs share it. */
export interface SdkClient {
  messages: {
    create(body: Record<string, unknown>, options?: { signal?: AbortSignal }): Promise<any>;
    stream(body: Record<string, unknown>, options?: { signal?: AbortSignal }): any;
    batches: { results(id: string): Promise<AsyncIterable<any>> };
  };
}

/**
 * Imports an SDK subject and returns a factory for clients pointed at a base URL (no retries). Throws
 * with a one-line reason when the package cannot be loaded yet.
 *
 * @example
 * ```ts
 * const make = await loadSdk('sdk-0.74.0');
 * const client = make('http://127.0.0.1:1234/text');
 * ```
 */
export async function loadSdk(subject: string): Promise<(baseURL: string) => SdkClient> {
  const name = PACKAGES[subject];
  if (!name) throw new Error(`no SDK package for subject ${subject}`);
  const mod = (await import(name)) as { default?: unknown; Anthropic?: unknown };
  const Ctor = (mod.Anthropic ?? mod.default) as
    | (new (
        opts: Record<string, unknown>,
      ) => SdkClient)
    | undefined;
  if (typeof Ctor !== 'function') throw new Error(`${name} exports no Anthropic client class`);
  return (baseURL) => new Ctor({ apiKey: 'bench', baseURL, maxRetries: 0, timeout: 600_000 });
}

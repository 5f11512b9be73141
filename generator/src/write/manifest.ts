import { createHash } from 'node:crypto';
import type { RenderedFile } from '../emit/index.js';
import { compareStrings } from '../errors.js';

/** `.sdkgen.json`: what generated the package and the hash of every file it owns. */
export interface Manifest {
  generator: { name: string; version: string };
  spec: { path: string; sha256: string };
  config: { path: string; sha256: string };
  files: Record<string, string>;
}

/** Inputs recorded in the manifest. */
export interface ManifestInput {
  generatorVersion: string;
  specPath: string;
  specHash: string;
  configPath: string;
  configHash: string;
}

export const MANIFEST_PATH = '.sdkgen.json';

/** sha256 of a file's content. */
export function sha256(content: string): string {
  return createHash('sha256').update(content).digest('hex');
}

/** Builds the manifest file for `files` (sorted keys, trailing newline, so it is byte-stable). */
export function manifestFile(files: RenderedFile[], input: ManifestInput): RenderedFile {
  const manifest: Manifest = {
    generator: { name: '@sdkgen/generator', version: input.generatorVersion },
    spec: { path: input.specPath, sha256: input.specHash },
    config: { path: input.configPath, sha256: input.configHash },
    files: Object.fromEntries(
      [...files].sort((a, b) => compareStrings(a.path, b.path)).map((f) => [f.path, sha256(f.content)]),
    ),
  };
  return { path: MANIFEST_PATH, content: `${JSON.stringify(manifest, null, 2)}\n` };
}

/** Parses a manifest, or undefined when missing or malformed. */
export function parseManifest(text: string | undefined): Manifest | undefined {
  if (!text) return undefined;
  try {
    const m = JSON.parse(text) as Manifest;
    return typeof m.files === 'object' ? m : undefined;
  } catch {
    return undefined;
  }
}

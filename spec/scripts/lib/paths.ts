import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Absolute path of the `spec/` directory (this file lives in `spec/scripts/lib/`). */
export const SPEC_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** Absolute path of the root OpenAPI document. */
export const ROOT_DOC = join(SPEC_DIR, 'openapi.yaml');

/** Absolute path of the redocly lint configuration. */
export const REDOCLY_CONFIG = join(SPEC_DIR, 'redocly.yaml');

/**
 * Directory holding the seed reference files, read only by the optional re-derive script
 * (`scripts/seed-facts.ts`); tests read the committed `spec/seed-facts.json`. In this project's workspace the
 * seeds sit next to the repository (`../shared/seeds` from the repo root); `SDKGEN_SEEDS_DIR` overrides it.
 */
export function seedsDir(): string {
  return process.env.SDKGEN_SEEDS_DIR ?? resolve(SPEC_DIR, '..', '..', 'shared', 'seeds');
}

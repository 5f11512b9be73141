import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { parse } from 'yaml';
import { GeneratorError, pointerJoin } from '../errors.js';
import { type ParsedConfig, userConfigSchema } from './schema.js';

export type { MethodConfig, OverlayConfig, PaginationConfig, ResourceConfig, UserConfig } from './schema.js';

/** The validated SDK config plus where it came from. */
export interface ResolvedConfig extends ParsedConfig {
  /** Absolute path of the config file (or `<inline>`). */
  configPath: string;
  /** Absolute path of the root OpenAPI document. */
  specPath: string;
  /** sha256 of the config source text. */
  hash: string;
}

/** Where to read the config from; `specPath` overrides the config's own `spec`. */
export interface ConfigInput {
  configPath: string;
  specPath?: string;
  /** Config text to use instead of reading `configPath` (tests). */
  source?: string;
}

/**
 * Reads and validates the SDK config. Errors carry a JSON pointer into the config file.
 *
 * @example
 * ```ts
 * const cfg = config({ configPath: 'spec/sdk.config.yaml' });
 * ```
 */
export function config(input: ConfigInput): ResolvedConfig {
  const configPath = resolve(input.configPath);
  const text = input.source ?? readText(configPath);
  let raw: unknown;
  try {
    raw = parse(text);
  } catch (err) {
    throw new GeneratorError('config', `${configPath}#`, `invalid YAML: ${(err as Error).message}`);
  }
  const parsed = userConfigSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const pointer = pointerJoin(`${configPath}#`, ...issue.path.map((p) => String(p)));
    throw new GeneratorError('config', pointer, issue.message);
  }
  const specPath = input.specPath ? resolve(input.specPath) : resolve(dirname(configPath), parsed.data.spec);
  const hash = createHash('sha256').update(text).digest('hex');
  return { ...parsed.data, configPath, specPath, hash };
}

function readText(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    throw new GeneratorError('config', `${path}#`, 'cannot read the config file');
  }
}

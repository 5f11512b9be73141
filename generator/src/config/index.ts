import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { dirname, isAbsolute, relative, resolve } from 'node:path';
import { parse } from 'yaml';
import { GeneratorError } from '../errors.js';
import { configProblems } from './issues.js';
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
    const [first, ...more] = configProblems(
      userConfigSchema,
      parsed.error.issues,
      `${displayPath(configPath)}#`,
    );
    const rest = more.map((p) => `\n  ${p.pointer}: ${p.message}`).join('');
    throw new GeneratorError('config', first!.pointer, `${first!.message}${rest}`);
  }
  const specPath = input.specPath ? resolve(input.specPath) : resolve(dirname(configPath), parsed.data.spec);
  const hash = createHash('sha256').update(text).digest('hex');
  return { ...parsed.data, configPath, specPath, hash };
}

/** The config path as the user would type it: relative to the working directory when inside it. */
function displayPath(path: string): string {
  const rel = relative(process.cwd(), path);
  return rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel : path;
}

function readText(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    throw new GeneratorError('config', `${path}#`, 'cannot read the config file');
  }
}

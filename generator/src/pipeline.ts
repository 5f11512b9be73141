import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { config, type ResolvedConfig } from './config/index.js';
import { emit, type RenderedFile } from './emit/index.js';
import { measure } from './emit/measure.js';
import { PACKAGE_FILE_PATHS } from './emit/package-files.js';
import { Warnings } from './errors.js';
import { load } from './load/index.js';
import { normalize } from './normalize/index.js';
import { plan } from './plan/index.js';
import { planPackage } from './plan/package.js';
import { type WriteMode, type WriteResult, write } from './write/index.js';

/** Options of one `sdkgen generate` run. */
export interface GenerateOptions {
  configPath: string;
  specPath?: string;
  outDir: string;
  mode: WriteMode;
  /** Stop after a stage and return its output as JSON instead of writing. */
  dump?: 'ir' | 'plan';
}

/** Result: per-stage milliseconds, warnings, the write result (or the dump). */
export interface GenerateResult {
  timings: [stage: string, ms: number][];
  warnings: string[];
  write?: WriteResult;
  dump?: string;
  files?: RenderedFile[];
}

export const GENERATOR_VERSION: string = JSON.parse(
  readFileSync(new URL('../package.json', import.meta.url), 'utf8'),
).version;

/** Paths the generator always owns inside the output package. */
export const OWNED = [
  'src/client.ts',
  'src/core/pagination.ts',
  'src/resources/',
  'tests/api-resources/',
  // The runtime instantiated from runtime/src (emit/runtime.ts).
  'src/internal/',
  'src/core/',
  'src/version.ts',
  'api.md',
  '.sdkgen.json',
];

/** OWNED plus the package files the config's `package.files` turns on. */
export function ownedPaths(files: ResolvedConfig['package']['files']): string[] {
  const on = (Object.keys(PACKAGE_FILE_PATHS) as (keyof typeof files)[]).filter((k) => files[k]);
  return [...OWNED, ...on.flatMap((k) => PACKAGE_FILE_PATHS[k])];
}

/** Runs config -> load -> normalize -> plan -> emit -> write, timing each stage. */
export async function generate(opts: GenerateOptions): Promise<GenerateResult> {
  const timings: GenerateResult['timings'] = [];
  const time = async <T>(stage: string, fn: () => T | Promise<T>): Promise<T> => {
    const start = performance.now();
    const out = await fn();
    timings.push([stage, Math.round(performance.now() - start)]);
    return out;
  };
  const warnings = new Warnings();
  const cfg = await time('config', () =>
    config({ configPath: opts.configPath, ...(opts.specPath ? { specPath: opts.specPath } : {}) }),
  );
  const spec = await time('load', () => load(cfg.specPath, warnings));
  const ir = await time('normalize', () => normalize(spec, warnings));
  if (opts.dump === 'ir') return { timings, warnings: warnings.format(), dump: JSON.stringify(ir, null, 2) };
  const errorClass = cfg.client.errorClass ?? `${cfg.client.className}Error`;
  const planned = await time('plan', () =>
    plan(ir, cfg, {
      ...handWrittenVersion(cfg, opts.outDir),
      // The layout splits files by their printed size: emit prints each declaration once to count its lines.
      measure: (p) => measure(p, errorClass),
      warnings,
    }),
  );
  const pkg = planPackage(ir, cfg, planned);
  if (opts.dump === 'plan')
    return { timings, warnings: warnings.format(), dump: JSON.stringify(planned, null, 2) };
  const root = repoRoot(dirname(cfg.configPath));
  const rel = (p: string) => relative(root, p).split('\\').join('/');
  const files = await time('emit', () =>
    emit(planned, {
      generatorVersion: GENERATOR_VERSION,
      input: `${rel(cfg.specPath)} + ${rel(cfg.configPath)}`,
      errorClass,
      packageName: cfg.package.name,
      ...(pkg ? { package: pkg } : {}),
    }),
  );
  const manifest = {
    generatorVersion: GENERATOR_VERSION,
    specPath: rel(cfg.specPath),
    specHash: spec.hash,
    configPath: rel(cfg.configPath),
    configHash: cfg.hash,
  };
  const result = await time('write', () =>
    write(files, { outDir: opts.outDir, mode: opts.mode, manifest, owned: ownedPaths(cfg.package.files) }),
  );
  return { timings, warnings: warnings.format(), write: result, files };
}

/**
 * The version of a hand-written package.json (`package.files.packageJson: false`), which `src/version.ts` follows;
 * otherwise the config's `package.version` is the package's version.
 */
function handWrittenVersion(cfg: ResolvedConfig, outDir: string): { version?: string } {
  const path = join(outDir, 'package.json');
  if (cfg.package.files.packageJson || !existsSync(path)) return {};
  const version = (JSON.parse(readFileSync(path, 'utf8')) as { version?: unknown }).version;
  return typeof version === 'string' ? { version } : {};
}

/** Nearest ancestor holding `pnpm-workspace.yaml` or `.git`, so recorded paths do not depend on the cwd. */
function repoRoot(from: string): string {
  for (let dir = from; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'pnpm-workspace.yaml')) || existsSync(join(dir, '.git'))) return dir;
    if (dirname(dir) === dir) return from;
  }
}

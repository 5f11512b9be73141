import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, realpathSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { config as readConfig } from '../config/index.js';
import { GeneratorError, Warnings } from '../errors.js';
import type { IR } from '../ir/types.js';
import { load } from '../load/index.js';
import { normalize } from '../normalize/index.js';
import { bind } from '../plan/resources.js';
import type { BoundResource } from '../plan/types.js';

/** The config `sdkgen diff` uses for a spec with no `sdk.config.yaml` beside it: schemas and operations only. */
const BARE_CONFIG = `version: 1
package: { name: sdkgen-diff }
client: { className: Client }
resources: {}
`;

/** Where a spec lives: the root document, and the SDK config that goes with it (if any). */
export interface SpecLocation {
  specPath: string;
  configPath?: string;
  /** A temp folder holding this spec (from `specAtRevision`), removed by `disposeSpec`. */
  tempRoot?: string;
}

/** Removes the temp folder of a spec checked out by `specAtRevision`; a no-op for specs in the work tree. */
export function disposeSpec(where: SpecLocation): void {
  if (where.tempRoot) rmSync(where.tempRoot, { recursive: true, force: true });
}

/**
 * Resolves a CLI argument to a spec: a root document, or a folder holding `openapi.yaml` (or `.json`).
 * The config is `sdk.config.yaml` next to the root document, when present.
 *
 * @example
 * ```ts
 * locateSpec('spec'); // { specPath: '/repo/spec/openapi.yaml', configPath: '/repo/spec/sdk.config.yaml' }
 * ```
 */
export function locateSpec(arg: string, configPath?: string): SpecLocation {
  let specPath = resolve(arg);
  if (existsSync(specPath) && statSync(specPath).isDirectory()) {
    const found = ['openapi.yaml', 'openapi.yml', 'openapi.json']
      .map((f) => join(specPath, f))
      .find(existsSync);
    if (!found) throw new GeneratorError('load', `${specPath}#`, 'no openapi.yaml in this folder');
    specPath = found;
  }
  if (!existsSync(specPath)) throw new GeneratorError('load', `${specPath}#`, 'no such spec file');
  const sibling = join(dirname(specPath), 'sdk.config.yaml');
  const config = configPath ? resolve(configPath) : existsSync(sibling) ? sibling : undefined;
  return config ? { specPath, configPath: config } : { specPath };
}

/** What `sdkgen diff` compares: the IR, and the SDK methods the config binds onto it. */
export type DiffModel = IR & { resources: BoundResource[] };

/**
 * Runs the generator's own `config`, `load` and `normalize` stages on one spec, and the plan's binding of
 * resources, so the diff sees exactly the types, operations and methods `sdkgen generate` would emit.
 *
 * @example
 * ```ts
 * const ir = await loadIR(locateSpec('spec'));
 * ```
 */
export async function loadIR(where: SpecLocation, warnings = new Warnings()): Promise<DiffModel> {
  const cfg = where.configPath
    ? readConfig({ configPath: where.configPath, specPath: where.specPath })
    : readConfig({
        configPath: join(dirname(where.specPath), '<bare sdkgen diff config>'),
        specPath: where.specPath,
        source: BARE_CONFIG,
      });
  const loaded = await load(where.specPath, warnings);
  const ir = normalize(loaded, warnings);
  return { ...ir, resources: bind(cfg, ir).resources };
}

/** The root of the git work tree holding `dir` (real path). */
export function gitTopLevel(dir: string): string {
  return realpathSync(execFileSync('git', ['rev-parse', '--show-toplevel'], { cwd: dir }).toString().trim());
}

/**
 * Checks out the folder holding `spec` as it was at git revision `rev` into a fresh temp folder and returns the
 * same spec's location inside it. Used by `generate --changeset` and `diff --since`.
 *
 * @example
 * ```ts
 * const old = specAtRevision('HEAD', locateSpec('spec'));
 * ```
 */
export function specAtRevision(rev: string, current: SpecLocation): SpecLocation {
  const specDir = dirname(current.specPath);
  const git = (cwd: string, args: string[]) =>
    execFileSync('git', args, { cwd, maxBuffer: 256 * 1024 * 1024 });
  let top: string;
  let archive: Buffer;
  try {
    top = gitTopLevel(specDir);
    archive = git(top, ['archive', '--format=tar', rev, '--', relative(top, realpathSync(specDir)) || '.']);
  } catch (err) {
    throw new GeneratorError(
      'load',
      `${current.specPath}#`,
      `cannot read the spec at git ${rev}: ${(err as Error).message.split('\n')[0]}`,
    );
  }
  const out = mkdtempSync(join(tmpdir(), 'sdkgen-diff-'));
  execFileSync('tar', ['-x', '-C', out], { input: archive });
  const moved = (p: string) => join(out, relative(top, realpathSync(p)));
  const old: SpecLocation = { specPath: moved(current.specPath), tempRoot: out };
  if (current.configPath && existsSync(moved(current.configPath))) old.configPath = moved(current.configPath);
  return old;
}

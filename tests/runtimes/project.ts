/**
 * The throwaway project every runtime runs in: the SDK packed as a release packs it, installed with plain npm
 * together with the runtimes themselves (each ships its binary inside a registry package) and esbuild.
 */
import { execFile } from 'node:child_process';
import { copyFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { installProject, packCached } from '../install/pack.js';
import { runtimePackages } from './runtimes.js';

const exec = promisify(execFile);
const PROGRAMS = fileURLToPath(new URL('./programs/', import.meta.url));
/** Entry points a complete tarball must hold. */
const REQUIRED = [
  'package/dist/esm/index.js',
  'package/dist/cjs/index.js',
  'package/dist/esm/core/uploads.js',
];

/** Lists a tarball's files with tar. */
async function listTarball(tarball: string): Promise<string[]> {
  const { stdout } = await exec('tar', ['-tzf', tarball], { encoding: 'utf8', maxBuffer: 16 << 20 });
  return stdout.split('\n');
}

/**
 * Packs the SDK (once per change, under the pack lock, shared with the install and parity tests; see `packCached`)
 * and checks that the tarball holds its entry points.
 */
async function packSdk(): Promise<string> {
  const packed = await packCached('anthropic');
  if (!packed.tarball) throw new Error(`runtimes: pnpm pack failed: ${packed.error ?? 'no tarball'}`);
  const files = await listTarball(packed.tarball);
  const missing = REQUIRED.filter((f) => !files.includes(f));
  if (missing.length > 0) throw new Error(`runtimes: the tarball lacks ${missing.join(', ')}`);
  return packed.tarball;
}

/**
 * Packs `@sdkgen/anthropic` into `work/tarballs` (or takes the tarball named by `SDKGEN_TARBALL`, to reuse a pack)
 * and installs it with the runtimes into `work/project`, with the scenario and launchers copied next to it.
 */
export async function prepareProject(work: string): Promise<string> {
  const tarball = process.env.SDKGEN_TARBALL ?? (await packSdk());
  const project = join(work, 'project');
  await installProject(project, [tarball], [...runtimePackages(), 'esbuild@^0.28']);
  for (const file of readdirSync(PROGRAMS)) copyFileSync(join(PROGRAMS, file), join(project, file));
  return project;
}

/**
 * Builds and packs the workspace's publishable packages the way a release does (`pnpm pack`, whose `prepack`
 * runs the build and which applies `publishConfig`), and installs tarballs into a throwaway project with plain npm.
 */
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { withLock } from '../helpers/lock.js';

const execFileAsync = promisify(execFile);
const NICE = existsSync('/usr/bin/nice') ? '/usr/bin/nice' : undefined;

/**
 * Runs a command at lower CPU priority when `nice` exists: builds and installs here share two cores with the
 * other test files, some of which measure timeouts.
 */
function run(file: string, args: string[], options: Parameters<typeof execFileAsync>[2] = {}) {
  const [cmd, cmdArgs] = NICE ? [NICE, ['-n', '10', file, ...args]] : [file, args];
  return execFileAsync(cmd, cmdArgs, { encoding: 'utf8', ...options }) as Promise<{
    stdout: string;
    stderr: string;
  }>;
}

/** Repository root. */
export const REPO = fileURLToPath(new URL('../../', import.meta.url));

/** The publishable packages, by folder under `packages/`. The SDK comes first: the others depend on it. */
export const PACKAGE_DIRS = ['anthropic', 'bedrock', 'vertex', 'foundry'] as const;

/** Result of packing one package: the tarball, or why there is none. */
export type Packed = { name: string; dir: string; tarball?: string; error?: string };

/** Reads `packages/<dir>/package.json`. */
export function manifest(dir: string): Record<string, any> {
  return JSON.parse(readFileSync(join(REPO, 'packages', dir, 'package.json'), 'utf8'));
}

/**
 * Packs one package into `dest` with `pnpm pack`; failures are returned, not thrown, so one bad package is one
 * red test. The caller holds the `sdkgen-pack` lock (see `packCached`): a pack rebuilds the package's `dist`, and
 * two builds of one tree at once break each other.
 */
async function packUnlocked(dir: string, dest: string): Promise<Packed> {
  const cwd = join(REPO, 'packages', dir);
  const name = manifest(dir).name as string;
  const before = new Set(readdirSync(dest));
  try {
    await run('npx', ['-y', 'pnpm@10', 'pack', '--pack-destination', dest], { cwd, maxBuffer: 64 << 20 });
  } catch (err: any) {
    return { name, dir, error: `${err.stdout ?? ''}\n${err.stderr ?? err.message}`.trim().slice(-4000) };
  }
  const tarball = readdirSync(dest).find((f) => f.endsWith('.tgz') && !before.has(f));
  return tarball
    ? { name, dir, tarball: join(dest, tarball) }
    : { name, dir, error: 'pnpm pack wrote no tarball' };
}

/** Files whose content decides a package's tarball: its sources and build inputs, and the SDK's for the others. */
function packInputs(dir: string): string[] {
  const walk = (path: string): string[] =>
    statSync(path).isDirectory()
      ? readdirSync(path)
          .filter((n) => n !== 'node_modules' && n !== 'dist' && n !== 'tests')
          .flatMap((n) => walk(join(path, n)))
      : [path];
  const dirs = dir === 'anthropic' ? [dir] : ['anthropic', dir];
  const files = dirs.flatMap((d) => walk(join(REPO, 'packages', d)));
  return [...files, join(REPO, 'tsconfig.base.json'), join(REPO, 'pnpm-lock.yaml')].sort();
}

/** A hash of `packInputs(dir)`: same inputs, same tarball. */
function packKey(dir: string): string {
  const hash = createHash('sha256');
  for (const file of packInputs(dir))
    hash.update(relative(REPO, file)).update('\0').update(readFileSync(file));
  return hash.digest('hex').slice(0, 16);
}

/**
 * `pack`, once per content: the tarball is kept under the OS temp folder, keyed by a hash of the package's
 * inputs, so the test files that need the packed packages (install, parity, runtimes) share one build per
 * change instead of building the same tree one after another. A failed pack is not kept.
 */
export async function packCached(dir: string): Promise<Packed> {
  return withLock('sdkgen-pack', async () => {
    const cache = join(tmpdir(), 'sdkgen-pack-cache', `${dir}-${packKey(dir)}`);
    const done = existsSync(cache) ? readdirSync(cache).find((f) => f.endsWith('.tgz')) : undefined;
    if (done) return { name: manifest(dir).name as string, dir, tarball: join(cache, done) };
    const staging = `${cache}.tmp-${process.pid}`;
    mkdirSync(staging, { recursive: true });
    const packed = await packUnlocked(dir, staging);
    if (!packed.tarball) return packed;
    renameSync(staging, cache);
    return { ...packed, tarball: join(cache, relative(staging, packed.tarball)) };
  });
}

/**
 * Creates a fresh npm project in `root` and installs the tarballs plus `extra` registry packages into it with plain
 * `npm install` (no workspace links). Returns npm's output for diagnostics.
 */
export async function installProject(root: string, tarballs: string[], extra: string[]): Promise<string> {
  mkdirSync(root, { recursive: true });
  writeFileSync(
    join(root, 'package.json'),
    `${JSON.stringify({ name: 'sdkgen-consumer', private: true }, null, 2)}\n`,
  );
  const args = [
    'install',
    '--no-audit',
    '--no-fund',
    '--prefer-offline',
    '--ignore-scripts',
    '--loglevel=error',
  ];
  const { stdout, stderr } = await run('npm', [...args, ...tarballs, ...extra], {
    cwd: root,
    maxBuffer: 64 << 20,
  });
  return `${stdout}${stderr}`;
}

/** Runs `node <script>` in `cwd` with `env` added; resolves with its output, rejects (stderr included) on failure. */
export async function runNode(
  cwd: string,
  script: string,
  env: Record<string, string>,
): Promise<{ stdout: string; stderr: string }> {
  return execFileAsync(process.execPath, [script], {
    cwd,
    env: { ...process.env, ...env },
    timeout: 60_000,
    encoding: 'utf8',
  });
}

/** Runs the workspace's `tsc -p <config>` in `cwd`; resolves with its output whether or not it passed. */
export async function typecheck(cwd: string, config: string): Promise<{ ok: boolean; output: string }> {
  const tsc = join(REPO, 'tests', 'node_modules', 'typescript', 'bin', 'tsc');
  try {
    const { stdout } = await run(process.execPath, [tsc, '-p', config], { cwd, maxBuffer: 16 << 20 });
    return { ok: true, output: stdout };
  } catch (err: any) {
    return { ok: false, output: `${err.stdout ?? ''}${err.stderr ?? ''}` };
  }
}

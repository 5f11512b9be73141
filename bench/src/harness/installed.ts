import { spawnSync } from 'node:child_process';
import { lstatSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** What an `npm install` of one package put into a fresh project's `node_modules`. */
export interface InstalledSize {
  /** Bytes of every file (apparent sizes, as `du -sb` counts files; directories themselves not counted). */
  bytes: number;
  files: number;
  /** Package folders (`node_modules/<name>`, `node_modules/@scope/<name>`, nested ones too). */
  packages: number;
}

function exec(cmd: string, args: string[], cwd: string): string {
  const r = spawnSync(cmd, args, { cwd, encoding: 'utf8', timeout: 240_000, maxBuffer: 64 << 20 });
  if (r.status !== 0) {
    const why = (r.stderr || r.stdout || `exit ${r.status}`).split('\n').find((l) => l.trim()) ?? '';
    throw new Error(`${cmd} ${args[0]} failed: ${why.slice(0, 200)}`);
  }
  return r.stdout;
}

/**
 * Packs a workspace package as a release does (`pnpm pack`: its `prepack` builds it and `publishConfig`
 * applies) into `dest`; returns the tarball path.
 */
export function packWorkspace(pkgDir: string, dest: string): string {
  exec('npx', ['-y', 'pnpm@10', 'pack', '--pack-destination', dest], pkgDir);
  const tarball = readdirSync(dest).find((f) => f.endsWith('.tgz'));
  if (!tarball) throw new Error('pnpm pack wrote no tarball');
  return join(dest, tarball);
}

/** Sums a `node_modules` tree: files, bytes, and package folders. */
function measureTree(dir: string, into: InstalledSize, inNodeModules: boolean): void {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isSymbolicLink()) continue;
    if (entry.isDirectory()) {
      const isPackage = inNodeModules && !entry.name.startsWith('@') && !entry.name.startsWith('.');
      if (isPackage) into.packages++;
      measureTree(path, into, entry.name === 'node_modules' || (inNodeModules && entry.name.startsWith('@')));
    } else if (entry.isFile() && !(inNodeModules && entry.name === '.package-lock.json')) {
      into.files++;
      into.bytes += lstatSync(path).size;
    }
  }
}

/**
 * Installs `spec` (a tarball path or a registry `name@version`) into a throwaway project with plain
 * `npm install` (production dependencies, optional peers left out, as a user gets them) and measures the
 * resulting `node_modules`.
 */
export function installedSize(spec: string): InstalledSize {
  const root = mkdtempSync(join(tmpdir(), 'sdkgen-bench-install-'));
  try {
    writeFileSync(join(root, 'package.json'), '{ "name": "bench-consumer", "private": true }\n');
    exec(
      'npm',
      [
        'install',
        '--no-audit',
        '--no-fund',
        '--ignore-scripts',
        '--no-package-lock',
        '--loglevel=error',
        spec,
      ],
      root,
    );
    const size: InstalledSize = { bytes: 0, files: 0, packages: 0 };
    measureTree(join(root, 'node_modules'), size, true);
    return size;
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, normalize, resolve } from 'node:path';
import { createTwoFilesPatch } from 'diff';
import type { RenderedFile } from '../emit/index.js';
import { GeneratorError } from '../errors.js';
import { MANIFEST_PATH, type ManifestInput, manifestFile, parseManifest } from './manifest.js';

/** `write` puts files on disk; `check` compares only; `dry-run` reports what would change. */
export type WriteMode = 'write' | 'check' | 'dry-run';

/** Options of the write stage. */
export interface WriteOptions {
  outDir: string;
  mode: WriteMode;
  manifest: ManifestInput;
  /** Path prefixes (relative to outDir) the generator may write; anything else is refused. */
  owned: string[];
}

/** One owned file whose disk content differs from the generated one (or is missing/stale). */
export interface Drift {
  path: string;
  status: 'added' | 'changed' | 'stale';
  diff: string;
}

/** What the write stage did or would do. */
export interface WriteResult {
  changed: Drift[];
  unchanged: number;
}

function readIfExists(path: string): string | undefined {
  return existsSync(path) ? readFileSync(path, 'utf8') : undefined;
}

/**
 * The only stage that touches the disk. Compares the rendered files (plus the manifest) with what is on
 * disk; in `write` mode writes every changed file to a temp dir first and renames them into place only
 * when all were written, and removes owned files that the previous manifest listed but this run did not
 * produce. `check` and `dry-run` write nothing.
 */
export function write(files: RenderedFile[], opts: WriteOptions): WriteResult {
  const outDir = resolve(opts.outDir);
  for (const f of files) assertOwned(f.path, opts.owned);
  const all = [...files, manifestFile(files, opts.manifest)];
  const previous = parseManifest(readIfExists(join(outDir, MANIFEST_PATH)));
  const changed: Drift[] = [];
  for (const f of all) {
    const current = readIfExists(join(outDir, f.path));
    if (current === f.content) continue;
    // Only --check shows diffs; computing them on every write costs seconds for large outputs.
    const diff =
      opts.mode === 'check'
        ? createTwoFilesPatch(
            `a/${f.path}`,
            `b/${f.path}`,
            current ?? '',
            f.content,
            'on disk',
            'generated',
            {
              context: 2,
            },
          )
        : '';
    changed.push({ path: f.path, status: current === undefined ? 'added' : 'changed', diff });
  }
  const produced = new Set(all.map((f) => f.path));
  for (const stale of Object.keys(previous?.files ?? {})) {
    if (produced.has(stale) || !existsSync(join(outDir, stale))) continue;
    assertOwned(stale, opts.owned);
    changed.push({
      path: stale,
      status: 'stale',
      diff: `stale generated file ${stale} (no longer produced)\n`,
    });
  }
  if (opts.mode === 'write' && changed.length > 0) commit(outDir, all, changed);
  return { changed, unchanged: all.length - changed.filter((c) => c.status !== 'stale').length };
}

function assertOwned(path: string, owned: string[]): void {
  const n = normalize(path);
  if (n.startsWith('..') || n.startsWith('/') || !owned.some((o) => n === o || n.startsWith(o))) {
    throw new GeneratorError('write', path, 'refusing to write a file the generator does not own');
  }
}

function commit(outDir: string, all: RenderedFile[], changed: Drift[]): void {
  const tmp = join(outDir, `.sdkgen-tmp-${process.pid}`);
  rmSync(tmp, { recursive: true, force: true });
  const byPath = new Map(all.map((f) => [f.path, f]));
  try {
    for (const c of changed) {
      const f = byPath.get(c.path);
      if (!f) continue;
      mkdirSync(dirname(join(tmp, f.path)), { recursive: true });
      writeFileSync(join(tmp, f.path), f.content);
    }
    for (const c of changed) {
      const target = join(outDir, c.path);
      if (c.status === 'stale') {
        rmSync(target, { force: true });
        continue;
      }
      mkdirSync(dirname(target), { recursive: true });
      renameSync(join(tmp, c.path), target);
    }
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

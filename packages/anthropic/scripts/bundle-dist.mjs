// Re-bundles tsc's JavaScript output with rollup so a cold `import`/`require` reads a few files instead of ~100.
//
// Why: Node spends most of a cold import resolving, reading and linking modules, one by one; tsc emits one file per
// source file. A single-file bundle imports in a fraction of the time, but the package has many public deep paths
// (every path in the exports map), and each must stay a file at the same place, so the `.d.ts` trees tsc wrote
// next to them stay valid and the exports map does not change.
// How: every file the exports map reaches is a rollup entry, written back at its own path. The code every module
// statically reachable from the root entry shares lands in ONE chunk (`_chunks/sdk.js`), so `import('pkg')` reads
// two files, and a class is defined once however many entries re-export it (`APIError` from `core/error` is
// `APIError` from the root). Code only some deep entries or lazy `import()`s reach gets rollup's own chunks.
// Both trees are built from tsc's ESM output (`dist/esm`), ESM and CommonJS alike: the same chunks in both.
// A package opts in by listing rollup in its devDependencies; others keep tsc's one-file-per-module output.
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, relative, sep } from 'node:path';

/** Lists every file under `dir`, recursively. */
function walk(dir) {
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    return statSync(full).isDirectory() ? walk(full) : [full];
  });
}

/** The ESM files (relative to dist/esm, without `.js`) that the published exports map can reach. */
function publicEntries(pkgDir) {
  const pkg = JSON.parse(readFileSync(join(pkgDir, 'package.json'), 'utf8'));
  const exportsMap = pkg.publishConfig?.exports ?? pkg.exports ?? {};
  const esmDir = join(pkgDir, 'dist', 'esm');
  const all = walk(esmDir)
    .filter((f) => f.endsWith('.js'))
    .map((f) => relative(esmDir, f).split(sep).join('/').slice(0, -3));
  const names = new Set();
  for (const target of Object.values(exportsMap)) {
    const file = typeof target === 'string' ? target : target?.import?.default;
    const match = typeof file === 'string' && /^\.\/dist\/esm\/(.+)\.js$/.exec(file);
    if (!match) continue;
    const [prefix, suffix] = match[1].split('*');
    for (const name of all) {
      if (suffix === undefined ? name === prefix : name.startsWith(prefix) && name.endsWith(suffix)) {
        names.add(name);
      }
    }
  }
  return [...names].sort();
}

/** rollup `manualChunks`: everything the root entry imports statically goes into the one `sdk` chunk. */
function rootChunk(rootId) {
  let reachable;
  return (id, { getModuleInfo }) => {
    if (!reachable) {
      reachable = new Set([rootId]);
      for (const seen of reachable) {
        for (const next of getModuleInfo(seen)?.importedIds ?? []) {
          if (getModuleInfo(next) && !getModuleInfo(next).isExternal) reachable.add(next);
        }
      }
    }
    return reachable.has(id) ? 'sdk' : undefined;
  };
}

/** Replaces every `.js` under `treeDir` (declarations stay) with the files rollup wrote to `outDir`. */
function replaceJs(treeDir, outDir) {
  for (const file of walk(treeDir)) if (file.endsWith('.js')) rmSync(file);
  for (const file of walk(outDir)) {
    const to = join(treeDir, relative(outDir, file));
    mkdirSync(dirname(to), { recursive: true });
    renameSync(file, to);
  }
}

/**
 * Bundles `dist/esm` into entry files + shared chunks, in ESM (back into `dist/esm`) and CommonJS (into
 * `dist/cjs`). Does nothing in a package that does not depend on rollup.
 *
 * @param {string} pkgDir the package being built
 * @returns {Promise<boolean>} whether the package was bundled
 */
export async function bundleDist(pkgDir) {
  let rollupPath;
  try {
    rollupPath = createRequire(join(pkgDir, 'package.json')).resolve('rollup');
  } catch {
    return false;
  }
  const { rollup } = await import(rollupPath);
  const esmDir = join(pkgDir, 'dist', 'esm');
  const input = Object.fromEntries(publicEntries(pkgDir).map((name) => [name, join(esmDir, `${name}.js`)]));
  const bundle = await rollup({
    input,
    external: (id) => !id.startsWith('.') && !id.startsWith('/') && !id.startsWith('\0'),
    preserveEntrySignatures: 'strict',
    onwarn(warning, warn) {
      if (warning.code !== 'CIRCULAR_DEPENDENCY') warn(warning);
    },
  });
  const tmp = mkdtempSync(join(tmpdir(), 'sdkgen-bundle-'));
  try {
    for (const format of ['esm', 'cjs']) {
      const dir = join(tmp, format);
      await bundle.write({
        dir,
        format: format === 'esm' ? 'es' : 'cjs',
        entryFileNames: '[name].js',
        chunkFileNames: '_chunks/[name].js',
        manualChunks: rootChunk(input.index),
        exports: 'named',
        generatedCode: { preset: 'es2015', symbols: false },
        hoistTransitiveImports: false,
        interop: 'auto',
      });
      replaceJs(join(pkgDir, 'dist', format), dir);
    }
  } finally {
    await bundle.close();
    rmSync(tmp, { recursive: true, force: true });
  }
  return true;
}

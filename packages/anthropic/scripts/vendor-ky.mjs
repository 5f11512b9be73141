// Compiles ky into the published build, so `dist/` has no runtime dependency on it.
//
// Why: ky ships only ES modules. Node >= 20.19 can `require()` them, but jest's module system, older bundlers and
// tools that hook `require` cannot, so a `require('ky')` inside `dist/cjs` fails on the first request there.
// How: `src/internal/ky.ts` is the one module that imports ky. After tsc has compiled it (to a plain re-export),
// this step overwrites that output in `dist/esm` and `dist/cjs` with an esbuild bundle of the same entry: the
// same exports, with ky's code inlined and its licence notice kept at the top. No other file is rewritten.
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const ENTRY = join('src', 'internal', 'ky.ts');
const OUTPUTS = [
  { format: 'esm', file: join('dist', 'esm', 'internal', 'ky.js') },
  { format: 'cjs', file: join('dist', 'cjs', 'internal', 'ky.js') },
];

/** ky's version and licence text, read from the copy the package resolves. */
function kyNotice(pkgDir) {
  const require = createRequire(join(pkgDir, ENTRY));
  // ky's exports map hides its package.json; its entry is <package>/distribution/index.js.
  const kyDir = dirname(dirname(require.resolve('ky')));
  const { version, license } = JSON.parse(readFileSync(join(kyDir, 'package.json'), 'utf8'));
  const text = readFileSync(join(kyDir, 'license'), 'utf8').trim();
  return `/*! ky ${version} (${license}), compiled into this package. https://github.com/sindresorhus/ky\n${text.replaceAll('*/', '* /')}\n*/`;
}

/** Fails the build when a published file still loads ky from outside the package. */
function assertNoKyImport(pkgDir, files) {
  const pattern = /\bfrom\s*["']ky["']|\brequire\(\s*["']ky["']\s*\)|\bimport\(\s*["']ky["']\s*\)/;
  const offending = files.filter((file) => pattern.test(readFileSync(join(pkgDir, file), 'utf8')));
  if (offending.length > 0) {
    throw new Error(`build: these published files still import 'ky': ${offending.join(', ')}`);
  }
}

/**
 * Replaces the compiled `internal/ky.js` in both trees with a bundle that contains ky, and removes its
 * declaration file (it would name the `ky` package, which users do not install; no public declaration uses it).
 * Does nothing in a package without `src/internal/ky.ts`.
 *
 * @param {string} pkgDir the package being built
 * @param {() => string[]} listDist lists every file under dist/, relative to pkgDir, for the final check
 */
export async function vendorKy(pkgDir, listDist) {
  if (!existsSync(join(pkgDir, ENTRY))) return;
  const esbuild = await import(createRequire(join(pkgDir, 'package.json')).resolve('esbuild'));
  const banner = kyNotice(pkgDir);
  for (const { format, file } of OUTPUTS) {
    await esbuild.build({
      absWorkingDir: pkgDir,
      entryPoints: [ENTRY],
      outfile: file,
      bundle: true,
      format,
      platform: 'neutral',
      target: 'es2022',
      legalComments: 'none',
      banner: { js: banner },
      logLevel: 'warning',
    });
    rmSync(join(pkgDir, file.replace(/\.js$/, '.d.ts')), { force: true });
  }
  assertNoKyImport(
    pkgDir,
    listDist().filter((f) => /\.(js|d\.ts)$/.test(f) && !OUTPUTS.some((o) => o.file === f)),
  );
}

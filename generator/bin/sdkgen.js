#!/usr/bin/env node
// Runs the generator's TypeScript sources with no build step. The first run after a change of src/ bundles them
// with esbuild (about 0.3 s) into node_modules/.cache/sdkgen/bin/, keyed by a hash of every source file; later runs
// import that bundle, which starts about 0.5 s sooner than transpiling each module through tsx's loader hooks.
// Without a bundle (esbuild missing, cache not writable, SDKGEN_NO_BUNDLE=1) the sources run through tsx.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, renameSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const GENERATOR = fileURLToPath(new URL('../', import.meta.url));
const SRC = join(GENERATOR, 'src');
const CACHE = join(GENERATOR, 'node_modules/.cache/sdkgen/bin');

/** Every source file the bundle can contain (tests excluded), in a stable order. */
function sources(dir = SRC, out = []) {
  for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) sources(path, out);
    else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts')) out.push(path);
  }
  return out;
}

/** The bundle's entry for the current sources, built if missing; `undefined` when it cannot be built. */
async function bundle() {
  if (process.env.SDKGEN_NO_BUNDLE) return undefined;
  try {
    const esbuildJson = createRequire(import.meta.url).resolve('esbuild/package.json');
    const hash = createHash('sha256')
      .update(readFileSync(esbuildJson))
      .update(readFileSync(fileURLToPath(import.meta.url)));
    for (const file of sources()) hash.update(`\0${relative(SRC, file)}\0`).update(readFileSync(file));
    const key = hash.digest('hex').slice(0, 16);
    const dir = join(CACHE, key);
    const entry = join(dir, 'cli.mjs');
    if (existsSync(entry)) return entry;
    const tmp = `${dir}.${process.pid}.tmp`;
    const esbuild = await import('esbuild');
    await esbuild.build({
      entryPoints: [join(SRC, 'cli.ts')],
      outdir: tmp,
      outExtension: { '.js': '.mjs' },
      bundle: true,
      splitting: true,
      format: 'esm',
      platform: 'node',
      target: 'node20',
      packages: 'external',
      logLevel: 'silent',
      // The `require` of the CommonJS packages below (an ESM bundle has none).
      banner: {
        js: "import { createRequire as __sdkgenCreateRequire } from 'node:module';\nconst __sdkgenRequire = __sdkgenCreateRequire(import.meta.url);",
      },
      plugins: [
        {
          // ts-morph is CommonJS: imported as ESM, Node first lexes its 0.6 MB (and TypeScript's 9 MB is loaded
          // behind it) to find the export names, about 0.25 s; required, it is not lexed.
          name: 'require-commonjs',
          setup(build) {
            build.onResolve({ filter: /^ts-morph$/ }, (args) => ({
              path: args.path,
              namespace: 'require-commonjs',
            }));
            build.onLoad({ filter: /.*/, namespace: 'require-commonjs' }, (args) => ({
              contents: `module.exports = __sdkgenRequire(${JSON.stringify(args.path)});`,
              loader: 'js',
            }));
          },
        },
        {
          // Each module keeps its own `import.meta.url`, so paths it resolves against it (templates/, runtime/src/,
          // package.json) do not move into the cache.
          name: 'own-import-meta-url',
          setup(build) {
            build.onLoad({ filter: /\.ts$/ }, (args) => ({
              contents: readFileSync(args.path, 'utf8').replaceAll(
                'import.meta.url',
                JSON.stringify(pathToFileURL(args.path).href),
              ),
              loader: 'ts',
            }));
          },
        },
      ],
    });
    try {
      renameSync(tmp, dir);
    } catch {
      // Another process built the same sources first.
      rmSync(tmp, { recursive: true, force: true });
    }
    prune(key);
    return existsSync(entry) ? entry : undefined;
  } catch {
    return undefined;
  }
}

/** Removes the bundles of other sources built more than an hour ago. */
function prune(keep) {
  const hourAgo = Date.now() - 3_600_000;
  for (const name of readdirSync(CACHE)) {
    const path = join(CACHE, name);
    if (name !== keep && statSync(path).mtimeMs < hourAgo) rmSync(path, { recursive: true, force: true });
  }
}

/** The CLI's `main`, from the bundle if it loads, else from the sources through tsx. */
async function load() {
  const entry = await bundle();
  if (entry) {
    try {
      return (await import(pathToFileURL(entry).href)).main;
    } catch {}
  }
  const { register } = await import('tsx/esm/api');
  register();
  return (await import('../src/cli.ts')).main;
}

const main = await load();
process.exitCode = await main(process.argv.slice(2));

#!/usr/bin/env node
// Builds the package in the current directory into two trees, each with its own declarations:
//   dist/esm  ES modules     (tsconfig.build.json,     module NodeNext)
//   dist/cjs  CommonJS       (tsconfig.build.cjs.json, module CommonJS) + a nested {"type":"commonjs"}
// The sources use `.js` relative specifiers, so both compilations read `src/` unchanged: no import rewriting.
// ky, the transport, is compiled into both trees (scripts/vendor-ky.mjs), so dist/ needs no ESM-only dependency.
// Every workspace package runs this same file (`node ../anthropic/scripts/build.mjs`) from its own directory.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, relative } from 'node:path';
import { bundleDist } from './bundle-dist.mjs';
import { shareTypes } from './esm-types.mjs';
import { vendorKy } from './vendor-ky.mjs';

const pkgDir = process.cwd();
const dist = join(pkgDir, 'dist');

/** Finds the TypeScript compiler the package itself depends on, falling back to this script's own. */
function resolveTsc() {
  for (const from of [join(pkgDir, 'package.json'), import.meta.url]) {
    try {
      return createRequire(from).resolve('typescript/bin/tsc');
    } catch {
      // try the next location
    }
  }
  throw new Error('build: typescript is not installed (add it to devDependencies)');
}

/** Runs one `tsc -p <config>` and stops the build with its output when it fails. */
function compile(tsc, config) {
  const started = Date.now();
  try {
    execFileSync(process.execPath, [tsc, '-p', config], { cwd: pkgDir, stdio: 'inherit' });
  } catch {
    console.error(`build: tsc -p ${config} failed in ${relative(process.cwd(), pkgDir) || '.'}`);
    process.exit(1);
  }
  console.log(`build: ${config} (${Date.now() - started} ms)`);
}

/** Lists every file under `dir`, recursively. */
function walk(dir) {
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    return statSync(full).isDirectory() ? walk(full) : [full];
  });
}

/** Refuses to ship compiled tests or fixtures even if a tsconfig change let them into the output. */
function assertNoTestsShipped() {
  const leaked = walk(dist).filter((file) =>
    /\.(test|spec)\.[cm]?[jt]s$|[/\\](fixtures|__tests__)[/\\]/.test(file),
  );
  if (leaked.length > 0) {
    console.error(`build: test files leaked into dist:\n  ${leaked.join('\n  ')}`);
    process.exit(1);
  }
}

/**
 * `require('@sdkgen/anthropic')` returns a constructor, as the 0.74.0 CommonJS entry does, so
 * `const Anthropic = require(...); new Anthropic()` keeps working. Named exports and `.default` stay as tsc wrote them;
 * only the module object itself becomes callable. Applied when the CommonJS entry has a default export.
 */
function makeCjsEntryCallable() {
  const entry = join(dist, 'cjs', 'index.js');
  const code = readFileSync(entry, 'utf8');
  if (!/^exports\.default = |Object\.defineProperty\(exports, "default"/m.test(code)) return;
  const callable = 'exports = module.exports = function (...args) { return new exports.default(...args); };';
  // tsc writes "use strict", rollup 'use strict'.
  writeFileSync(
    entry,
    code.replace(/^(["'])use strict\1;\n/, (strict) => `${strict}${callable}\n`),
  );
}

const tsc = resolveTsc();
rmSync(dist, { recursive: true, force: true });
compile(tsc, 'tsconfig.build.json');
compile(tsc, 'tsconfig.build.cjs.json');
// The package is "type": "module"; this marker makes Node (and TypeScript) read dist/cjs/**/*.js as CommonJS.
mkdirSync(join(dist, 'cjs'), { recursive: true });
writeFileSync(join(dist, 'cjs', 'package.json'), `${JSON.stringify({ type: 'commonjs' }, null, 2)}\n`);
if (!existsSync(join(dist, 'esm', 'index.js'))) {
  console.error('build: dist/esm/index.js is missing; is src/index.ts there?');
  process.exit(1);
}
await vendorKy(pkgDir, () => walk(dist).map((file) => relative(pkgDir, file)));
if (await bundleDist(pkgDir)) console.log('build: bundled into entry files + shared chunks (rollup)');
makeCjsEntryCallable();
console.log(`build: ${shareTypes(dist)} ESM declaration files re-export the CommonJS ones`);
assertNoTestsShipped();
console.log(`build: ${relative(join(pkgDir, '..'), pkgDir)} -> dist/esm, dist/cjs`);

import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { median } from './stats.js';
import { BENCH_DIR } from './subjects.js';

/**
 * `npm pack --dry-run --json` of a package directory, or of a published `name@version` (run from `cwd`):
 * file count, unpacked and tarball bytes.
 */
export function packSize(
  target: string | null,
  cwd: string,
): { files: number; unpacked: number; tarball: number } {
  const args = ['pack', ...(target ? [target] : []), '--dry-run', '--json', '--ignore-scripts'];
  const r = spawnSync('npm', args, {
    cwd: realpathSync(cwd),
    encoding: 'utf8',
    timeout: 120_000,
  });
  if (r.status !== 0)
    throw new Error(
      `npm pack failed: ${(r.stderr || r.stdout).split('\n').find((l) => /err/i.test(l)) ?? r.status}`,
    );
  const [info] = JSON.parse(r.stdout.slice(r.stdout.indexOf('['))) as {
    entryCount: number;
    unpackedSize: number;
    size: number;
  }[];
  return { files: info!.entryCount, unpacked: info!.unpackedSize, tarball: info!.size };
}

/**
 * Cold-start cost of `import(specifier)` (or, with `mode: 'require'`, of `require(specifier)` in a CommonJS
 * process): median wall time of fresh `node` processes doing only that, minus a `node -e 0`-equivalent process
 * of the same kind run just before it: the median of these paired differences, so load from other processes on
 * the machine hits both sides of each pair alike.
 */
export function coldImportMs(
  specifier: string,
  runs: number,
  mode: 'import' | 'require' = 'import',
): { delta: number; baseline: number } {
  const flags = mode === 'import' ? ['--input-type=module'] : [];
  const load =
    mode === 'import'
      ? `await import(${JSON.stringify(specifier)})`
      : `require(${JSON.stringify(specifier)})`;
  const time = (code: string) => {
    const t0 = process.hrtime.bigint();
    const r = spawnSync(process.execPath, [...flags, '-e', code], {
      cwd: BENCH_DIR,
      encoding: 'utf8',
      timeout: 60_000,
    });
    if (r.status !== 0) {
      const why = r.stderr.split('\n').find((l) => /Error/.test(l)) ?? `exit ${r.status}`;
      throw new Error(`${mode} failed: ${why.slice(0, 200)}`);
    }
    return Number(process.hrtime.bigint() - t0) / 1e6;
  };
  const base: number[] = [];
  const deltas: number[] = [];
  time(load); // warm the file-system cache
  for (let i = 0; i < runs; i++) {
    const b = time('0');
    base.push(b);
    deltas.push(time(load) - b);
  }
  return { delta: median(deltas), baseline: median(base) };
}

/** The tiny app whose bundle is measured: construct the client, call `messages.create` once. */
export function appSource(specifier: string | null): string {
  const call = "{ model: 'claude-opus-4-5', max_tokens: 64, messages: [{ role: 'user', content: 'Hi' }] }";
  if (specifier === null) {
    return `const r = await fetch('https://api.example.invalid/v1/messages', { method: 'POST', headers: { 'x-api-key': 'k', 'anthropic-version': '2023-06-01', 'content-type': 'application/json' }, body: JSON.stringify(${call}) });\nconsole.log((await r.json()).content);\n`;
  }
  return `import Anthropic from '${specifier}';\nconst client = new Anthropic({ apiKey: 'k' });\nconsole.log((await client.messages.create(${call})).content);\n`;
}

/** The esbuild options of the app bundle: browser, ESM, minified (the figure and its breakdown use the same). */
const APP_BUNDLE = {
  bundle: true,
  minify: true,
  format: 'esm',
  platform: 'browser',
  target: 'es2022',
  write: false,
  logLevel: 'silent',
} as const;

/**
 * Where the app bundle's bytes come from: the same app bundled from ours' `src` (the build rolls everything into
 * one chunk, whose bytes cannot be attributed), minified bytes per part: a dependency by package name, our code
 * by its folder under `src/` (`internal`, `core`, `lib`, `resources`, ...). Largest first.
 */
export async function appBundleParts(srcEntry: string): Promise<{ part: string; bytes: number }[]> {
  const esbuild = await import('esbuild');
  const out = await esbuild.build({
    ...APP_BUNDLE,
    stdin: { contents: appSource(srcEntry), resolveDir: BENCH_DIR, loader: 'ts', sourcefile: 'app.ts' },
    metafile: true,
  });
  const parts = new Map<string, number>();
  for (const output of Object.values(out.metafile.outputs)) {
    for (const [path, { bytesInOutput }] of Object.entries(output.inputs)) {
      const dep = /node_modules\/(?:\.pnpm\/[^/]+\/node_modules\/)?((?:@[^/]+\/)?[^/]+)/.exec(path)?.[1];
      const own = /\/src\/([^/]+)\//.exec(path)?.[1];
      const part = dep ?? (own ? `src/${own}/` : 'src/ (top level)');
      parts.set(part, (parts.get(part) ?? 0) + bytesInOutput);
    }
  }
  return [...parts]
    .map(([part, bytes]) => ({ part, bytes }))
    .filter((p) => p.bytes > 0)
    .sort((a, b) => b.bytes - a.bytes);
}

/** esbuild bundle (browser, ESM, minified) of {@link appSource}: minified and gzip -9 bytes. */
export async function appBundleSize(
  specifier: string | null,
): Promise<{ minified: number; gzipped: number }> {
  const esbuild = await import('esbuild');
  // esbuild resolves paths, not file: URLs.
  const from = specifier?.startsWith('file:') ? fileURLToPath(specifier) : specifier;
  const out = await esbuild
    .build({
      ...APP_BUNDLE,
      stdin: { contents: appSource(from), resolveDir: BENCH_DIR, loader: 'ts', sourcefile: 'app.ts' },
    })
    .catch((err: { errors?: { text: string }[] }) => {
      throw new Error(`esbuild: ${err.errors?.[0]?.text ?? String(err)}`);
    });
  const code = out.outputFiles[0]!.contents;
  return { minified: code.length, gzipped: gzipSync(code, { level: 9 }).length };
}

/**
 * A plain-JS copy of ours for the cold-import figure when the package has no build yet: every `src/**\/*.ts`
 * transpiled one-to-one by esbuild (no bundling, same module graph as a `tsc` build would load).
 */
export async function transpileOurs(pkgDir: string): Promise<string> {
  const esbuild = await import('esbuild');
  const out = join(tmpdir(), 'sdkgen-bench-ours-js');
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
  const src = join(pkgDir, 'src');
  const entryPoints = (readdirSync(src, { recursive: true }) as string[])
    .filter((f) => f.endsWith('.ts') && !f.endsWith('.d.ts'))
    .map((f) => join(src, f));
  await esbuild.build({
    entryPoints,
    outdir: out,
    outbase: src,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    logLevel: 'silent',
  });
  writeFileSync(join(out, 'package.json'), '{ "type": "module" }\n');
  symlinkSync(join(realpathSync(pkgDir), 'node_modules'), join(out, 'node_modules'));
  return join(out, 'index.js');
}

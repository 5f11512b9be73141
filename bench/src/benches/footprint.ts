import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { BenchDef, Emit } from '../harness/bench.js';
import {
  appBundleParts,
  appBundleSize,
  coldImportMs,
  packSize,
  transpileOurs,
} from '../harness/footprint.js';
import { installedSize, packWorkspace } from '../harness/installed.js';
import { BENCH_DIR, PACKAGES, packageVersion, SDK_SUBJECTS } from '../harness/subjects.js';
import type { Figure } from '../harness/types.js';

const runs = (quick: boolean) => (quick ? 8 : 20);

/** What to `import()` for the cold-start figure: the package itself, or a transpiled copy of ours' source. */
async function importTarget(subject: string, pkgDir: string): Promise<{ specifier: string; note: string }> {
  if (subject !== 'ours') return { specifier: PACKAGES[subject]!, note: '' };
  const built = builtEntry(pkgDir);
  if (built) {
    const age = new Date(statSync(built).mtimeMs).toISOString();
    return {
      specifier: pathToFileURL(built).href,
      note: `its ESM build (\`${relative(pkgDir, built)}\`, built ${age})`,
    };
  }
  const file = await transpileOurs(pkgDir);
  return {
    specifier: pathToFileURL(file).href,
    note: 'no build yet: its src transpiled file by file with esbuild',
  };
}

/** The ESM (or CommonJS) entry the package publishes (`publishConfig.exports`, else `exports`), when it exists as JS. */
function builtEntry(pkgDir: string, condition: 'import' | 'require' = 'import'): string | undefined {
  type Conditional = string | { default?: string };
  type Exports = Record<string, string | { import?: Conditional; require?: Conditional; default?: string }>;
  const pkg = JSON.parse(readFileSync(join(pkgDir, 'package.json'), 'utf8')) as {
    exports?: Exports;
    publishConfig?: { exports?: Exports };
  };
  for (const exp of [pkg.publishConfig?.exports, pkg.exports]) {
    const dot = exp?.['.'];
    const imp = typeof dot === 'string' ? dot : (dot?.[condition] ?? dot?.default);
    const entry = typeof imp === 'string' ? imp : imp?.default;
    if (entry && /\.[mc]?js$/.test(entry) && existsSync(join(pkgDir, entry))) return join(pkgDir, entry);
  }
  return undefined;
}

/** Figures of one case where lower is better (sizes, times). */
const lower = (c: string, ...metrics: string[]): Omit<Figure, 'value'>[] =>
  metrics.map((metric) => ({ case: c, metric, better: 'lower' as const }));

/** Runs one figure-producing step, turning a failure into an "error" figure instead of losing the rest. */
async function step(
  emit: Emit,
  base: Omit<Figure, 'value'>[],
  body: () => Promise<number[]> | number[],
): Promise<void> {
  try {
    const values = await body();
    for (const [i, f] of base.entries()) emit({ figure: { ...f, value: values[i] ?? null } });
  } catch (err) {
    const note = (err instanceof Error ? err.message : String(err)).split('\n')[0]!.slice(0, 160);
    for (const f of base) emit({ figure: { ...f, value: null, status: 'error', note } });
  }
}

/** 6. Cold import time, package size, and the bundle size of a tiny app. */
const bench: BenchDef = {
  name: 'footprint',
  title: '6. Footprint: cold import, package size, app bundle',
  subjects: SDK_SUBJECTS,
  timeoutMs: () => 300_000,
  target:
    'cold import and cold require at most 20 ms, installed size at most 2 MB, app bundle at most 15 KB min+gzip (issue 16).',
  targets: [
    {
      label: 'app bundle ≤ 15 KB min+gzip',
      case: 'tiny app bundle',
      metric: 'min+gzip KB',
      kind: 'max',
      limit: 15,
      vs: 'sdk-0.74.0',
      unit: 'KB',
      whenMissed:
        'the parts listed under the table are what a `messages.create`-only app carries. `src/lib/` (the overlays: MessageStream, the partial-JSON parser, the tool runner, parse helpers) is reachable because `client.messages` is the overlay class, whose `stream()`, `parse()` and `toolRunner()` construct them synchronously, as 0.74.0 code expects; taking it out needs those methods to load their machinery lazily (a split chunk that `messages.create` never fetches) while still returning the same objects synchronously. ky is the next part: kept as the transport, only a smaller transport would remove it. The note under the table estimates the bundle without `src/lib/`.',
    },
    {
      label: 'cold import ≤ 20 ms',
      case: 'cold import over node -e 0',
      metric: 'ms',
      kind: 'max',
      limit: 20,
      vs: 'sdk-0.74.0',
      unit: 'ms',
    },
    {
      label: 'cold require ≤ 20 ms',
      case: 'cold require over node -e 0',
      metric: 'ms',
      kind: 'max',
      limit: 20,
      vs: 'sdk-0.74.0',
      unit: 'ms',
    },
    {
      label: 'installed ≤ 2 MB',
      case: 'installed with dependencies',
      metric: 'MB',
      kind: 'max',
      limit: 2,
      vs: 'sdk-0.74.0',
      unit: 'MB',
    },
  ],
  notes: (quick) => [
    'Cold require: the same pairs with `node -e 0` and `node -e "require(pkg)"` (ours: the CommonJS entry its exports map gives `require`).',
    `Cold import: ${runs(quick)} pairs of fresh processes, \`node --input-type=module -e 0\` then \`node --input-type=module -e "await import(pkg)"\`; the median of the paired differences. Ours is imported (and bundled) from its ESM build, or, while it has none, from its \`src\` transpiled file by file with esbuild.`,
    'Packed package: `npm pack --dry-run --json` (files = entryCount, unpacked = unpackedSize, tarball = size): ours from its package directory, the official releases as published (`npm pack @anthropic-ai/sdk@<version>`). Installed: `npm install` of the package into an empty project (ours: the tarball `pnpm pack` makes, as a release does; the official releases from the registry), then the bytes of every file under `node_modules` and its package folders; optional peers (zod) are not installed.',
    'App bundle: esbuild `--bundle --minify --format=esm --platform=browser` of an app that constructs the client and awaits one `messages.create`; gzip -9 of the output. Lean fetch: the same call with raw `fetch`.',
  ],
  async run(subject, opts, emit) {
    const ver = packageVersion(subject);
    if (ver) emit({ version: ver });
    const pkgDir = PACKAGES[subject] ? join(BENCH_DIR, 'node_modules', PACKAGES[subject]) : null;
    const target = pkgDir ? await importTarget(subject, pkgDir) : null;
    if (target?.note) emit({ note: `ours, cold import and app bundle: ${target.note}.` });
    let gzipRatio: number | undefined;
    await step(emit, lower('tiny app bundle', 'min+gzip KB', 'min KB'), async () => {
      const size = await appBundleSize(target?.specifier ?? null);
      gzipRatio = size.gzipped / size.minified;
      return [size.gzipped / 1e3, size.minified / 1e3];
    });
    if (subject === 'ours' && pkgDir && existsSync(join(pkgDir, 'src/index.ts'))) {
      const parts = await appBundleParts(join(pkgDir, 'src/index.ts'));
      const total = parts.reduce((sum, p) => sum + p.bytes, 0);
      const list = parts
        .filter((p) => p.bytes >= 100)
        .map((p) => `${p.part} ${(p.bytes / 1e3).toFixed(1)} KB (${Math.round((100 * p.bytes) / total)}%)`);
      const lib = parts.find((p) => p.part === 'src/lib/')?.bytes ?? 0;
      const withoutLib = gzipRatio
        ? ` Without \`src/lib/\`, at this bundle's gzip ratio (${gzipRatio.toFixed(2)}): about ${(((total - lib) * gzipRatio) / 1e3).toFixed(1)} KB min+gzip.`
        : '';
      emit({
        note: `ours, tiny app bundle by part (the same app bundled from src so bytes can be attributed; minified, ${(total / 1e3).toFixed(1)} KB in all): ${list.join(', ')}.${withoutLib}`,
      });
    }
    if (!pkgDir || !target) return;
    await step(emit, lower('cold import over node -e 0', 'ms'), () => [
      coldImportMs(target.specifier, runs(opts.quick)).delta,
    ]);
    await step(emit, lower('cold require over node -e 0', 'ms'), () => {
      const cjs = subject === 'ours' ? builtEntry(pkgDir, 'require') : PACKAGES[subject]!;
      if (!cjs) throw new Error('no CommonJS build');
      return [coldImportMs(cjs, runs(opts.quick), 'require').delta];
    });
    await step(emit, lower('packed package', 'files', 'unpacked MB', 'tarball KB'), () => {
      // The anchors are packed as published (npm cannot pack some of them from a pnpm store directory).
      const p = subject === 'ours' ? packSize(null, pkgDir) : packSize(`@anthropic-ai/sdk@${ver}`, BENCH_DIR);
      return [p.files, p.unpacked / 1e6, p.tarball / 1e3];
    });
    await step(emit, lower('installed with dependencies', 'MB', 'packages'), () => {
      // Ours as its release tarball (`pnpm pack`), the anchors as published; each installed with plain npm.
      const dest = mkdtempSync(join(tmpdir(), 'sdkgen-bench-pack-'));
      try {
        const s = installedSize(
          subject === 'ours' ? packWorkspace(pkgDir, dest) : `@anthropic-ai/sdk@${ver}`,
        );
        return [s.bytes / 1e6, s.packages];
      } finally {
        rmSync(dest, { recursive: true, force: true });
      }
    });
  },
};

export default bench;

#!/usr/bin/env node
// `pnpm generate [flags]`: regenerates packages/anthropic from spec/ with sdkgen, then builds the package.
// Flags are forwarded to `sdkgen generate`; --check, --dry-run and --dump only inspect, so no build follows.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../', import.meta.url));
const args = process.argv.slice(2);
const sdkgen = fileURLToPath(new URL('../bin/sdkgen.js', import.meta.url));
const gen = spawnSync(process.execPath, [sdkgen, 'generate', ...args], { cwd: root, stdio: 'inherit' });
if (gen.status !== 0) process.exit(gen.status ?? 2);
const inspectOnly = args.some((a) => a === '--check' || a === '--dry-run' || a.startsWith('--dump'));
if (inspectOnly) process.exit(0);
const build = spawnSync('npx', ['-y', 'pnpm@10', '--filter', '@sdkgen/anthropic', 'run', 'build'], {
  cwd: root,
  stdio: 'inherit',
});
process.exit(build.status ?? 1);

import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const pkgDir = fileURLToPath(new URL('./packages/anthropic/', import.meta.url));
const devExports: Record<string, string> = JSON.parse(readFileSync(`${pkgDir}package.json`, 'utf8')).exports;

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

/** One alias per `exports` key: `./x` -> `^@sdkgen/anthropic/x$`, `./dir/*.js` -> `^@sdkgen/anthropic/dir/(.+)\.js$`. */
function aliasFor(key: string, target: string) {
  const [prefix, suffix] = key.slice(1).split('*') as [string, string?];
  const find =
    suffix === undefined
      ? new RegExp(`^@sdkgen/anthropic${escapeRegExp(prefix)}$`)
      : new RegExp(`^@sdkgen/anthropic${escapeRegExp(prefix)}(.+)${escapeRegExp(suffix)}$`);
  return { find, replacement: `${pkgDir}${target.slice(2).replace('*', '$1')}` };
}

/** Node's order: exact keys first, then patterns by longer prefix, then by longer key. */
function precedence(a: string, b: string): number {
  const [sa, sb] = [a.indexOf('*'), b.indexOf('*')];
  if (sa < 0 !== sb < 0) return sa < 0 ? -1 : 1;
  return sb - sa || b.length - a.length;
}

/**
 * Resolves `@sdkgen/anthropic` and its deep paths to the SDK's TypeScript sources the way Node resolves them
 * through the package's (development) `exports` map, so every project's tests run against `src/` without a build
 * and see the same modules users do (e.g. the facades under `src/public/` for the resource paths). Shared by each
 * package's vitest config.
 */
export const sdkSourceAlias = Object.keys(devExports)
  .filter((key) => key !== './package.json')
  .sort(precedence)
  .map((key) => aliasFor(key, devExports[key] as string));

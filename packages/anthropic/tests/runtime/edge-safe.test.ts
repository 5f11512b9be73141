/**
 * The main entry runs wherever `fetch` does (browsers, Deno, Bun, Workers, edge functions): its whole module graph,
 * bundled for esbuild's neutral platform, must not reach a Node built-in. A `node:` import (or a bare `fs`, `path`,
 * ...) anywhere in the graph makes the bundle fail to resolve it, which fails this test with the importer's name.
 */
import { builtinModules } from 'node:module';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';

const SRC = fileURLToPath(new URL('../../src/', import.meta.url));
const NODE_BUILTINS = new Set(builtinModules.flatMap((m) => [m, `node:${m}`]));

/** Bundles `entry` for the neutral platform and returns every module path it pulled in, and its imports. */
async function neutralBundle(entry: string) {
  const result = await build({
    entryPoints: [`${SRC}${entry}`],
    bundle: true,
    write: false,
    platform: 'neutral',
    format: 'esm',
    mainFields: ['module', 'main'],
    metafile: true,
    logLevel: 'silent',
  });
  const inputs = result.metafile.inputs;
  const imports = Object.values(inputs).flatMap((input) => input.imports.map((i) => i.path));
  return { modules: Object.keys(inputs), imports };
}

describe('edge-safe entry', () => {
  it.each(['index.ts', 'client.ts', 'core/streaming.ts', 'core/uploads.ts', 'core/pagination.ts'])(
    '%s bundles for the neutral platform without a Node built-in',
    async (entry) => {
      const { modules, imports } = await neutralBundle(entry);
      expect(modules.length).toBeGreaterThan(entry === 'index.ts' ? 20 : 1);
      expect(imports.filter((path) => NODE_BUILTINS.has(path))).toEqual([]);
    },
    60_000,
  );

  it('the check itself notices a Node built-in', async () => {
    await expect(neutralBundle('helpers/beta/memory-filesystem.ts')).rejects.toThrow(/node:/);
  }, 60_000);
});

import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, test } from 'vitest';
import { generate } from '../src/pipeline.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const GOLDEN = join(ROOT, 'tests/golden');
const ANTHROPIC = join(ROOT, 'packages/anthropic/src');
const TSC = join(ROOT, 'node_modules/typescript/bin/tsc');
const scenarios = readdirSync(GOLDEN).filter((d) => existsSync(join(GOLDEN, d, 'sdk.config.yaml')));
const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

/**
 * Copies the generated package, which carries its own runtime, into a temp dir with the dependencies it declares.
 * A scenario with overlays in its config brings them in `lib/`; the ones without borrow the Anthropic overlays.
 */
function assemble(out: string, scenario: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'sdkgen-golden-'));
  dirs.push(dir);
  cpSync(out, dir, { recursive: true });
  const ownLib = join(GOLDEN, scenario, 'lib');
  if (existsSync(ownLib)) cpSync(ownLib, join(dir, 'src/lib'), { recursive: true });
  else if (!existsSync(join(dir, 'src/lib'))) symlinkSync(join(ANTHROPIC, 'lib'), join(dir, 'src/lib'));
  symlinkSync(join(ROOT, 'runtime/node_modules'), join(dir, 'node_modules'));
  const tsconfig = {
    extends: join(ROOT, 'tsconfig.base.json'),
    compilerOptions: { noEmit: true, types: ['node'], typeRoots: [join(ROOT, 'node_modules/@types')] },
    files: [join(dir, 'src/client.ts'), join(dir, 'src/resources/index.ts')],
  };
  writeFileSync(join(dir, 'tsconfig.json'), JSON.stringify(tsconfig));
  return dir;
}

describe.each(scenarios)('golden scenario %s', (name) => {
  const configPath = join(GOLDEN, name, 'sdk.config.yaml');
  // Scenarios without a committed `out/` (the large GitHub spec) are generated into a temp dir.
  const committed = existsSync(join(GOLDEN, name, 'out'));
  const outDir = committed ? join(GOLDEN, name, 'out') : mkdtempSync(join(tmpdir(), `sdkgen-${name}-`));
  if (!committed) dirs.push(outDir);

  // Only scenarios with committed output have something to compare byte for byte.
  if (committed) {
    test('committed output matches a fresh run byte for byte', async () => {
      const result = await generate({ configPath, outDir, mode: 'check' });
      expect(result.write!.changed.map((c) => c.path)).toEqual([]);
    });
  }

  test('output type-checks with tsc --noEmit', async () => {
    if (!committed) await generate({ configPath, outDir, mode: 'write' });
    const dir = assemble(outDir, name);
    let output = '';
    try {
      execFileSync(process.execPath, [TSC, '-p', join(dir, 'tsconfig.json')], {
        encoding: 'utf8',
        stdio: 'pipe',
      });
    } catch (err) {
      output = String((err as { stdout?: string }).stdout ?? err);
    }
    expect(output).toBe('');
  }, 240_000);
});

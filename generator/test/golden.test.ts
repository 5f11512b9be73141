import { execFileSync } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdtempSync,
  readdirSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, test } from 'vitest';
import { generate } from '../src/pipeline.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const GOLDEN = join(ROOT, 'tests/golden');
const RUNTIME = join(ROOT, 'packages/anthropic/src');
const TSC = join(ROOT, 'node_modules/typescript/bin/tsc');
const scenarios = readdirSync(GOLDEN).filter((d) => existsSync(join(GOLDEN, d, 'sdk.config.yaml')));
const dirs: string[] = [];
/** Scenarios made by `sdkgen init` (see generator/test/init.test.ts). */
const OWN_RUNTIME = new Set(['petstore']);
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

/** Symlinks `from` at `to`; where the output already has a directory there (its own `core/pagination.ts`), links the entries it lacks. */
function linkMissing(from: string, to: string): void {
  if (!existsSync(to)) {
    symlinkSync(from, to);
    return;
  }
  if (!statSync(to).isDirectory() || !statSync(from).isDirectory()) return;
  for (const entry of readdirSync(from)) linkMissing(join(from, entry), join(to, entry));
}

/** Copies the generated package next to the hand-written runtime so `tsc` sees a whole SDK. */
function assemble(out: string, scenario: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'sdkgen-golden-'));
  dirs.push(dir);
  cpSync(out, dir, { recursive: true });
  // A scenario may bring its own overlays in `lib/`; otherwise the SDK's hand-written runtime dirs are reused.
  const ownLib = join(GOLDEN, scenario, 'lib');
  if (existsSync(ownLib)) cpSync(ownLib, join(dir, 'src/lib'), { recursive: true });
  for (const part of readdirSync(RUNTIME)) {
    if (['client.ts', 'resources', 'index.ts'].includes(part) || (part === 'lib' && existsSync(ownLib)))
      continue;
    linkMissing(join(RUNTIME, part), join(dir, 'src', part));
  }
  symlinkSync(join(RUNTIME, '../node_modules'), join(dir, 'node_modules'));
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

  // Scenarios whose config names its own runtime classes (BaseClient, <Name>Error, its page schemes) cannot borrow
  // the Anthropic runtime; they type-check once the runtime is instantiated per SDK (issue 17, item 1).
  // No skipped placeholder: until then such a scenario has only its byte-for-byte test.
  if (OWN_RUNTIME.has(name)) return;
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

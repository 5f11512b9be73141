import { execFileSync, spawnSync } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, test, vi } from 'vitest';
import { main } from '../src/cli.js';
import { type BadSpecCase, CASES } from './bad-specs/cases.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const CORPUS = join(ROOT, 'generator/test/bad-specs');
const TSC = join(ROOT, 'node_modules/typescript/bin/tsc');
const BIN = join(ROOT, 'generator/bin/sdkgen.js');
const dir = mkdtempSync(join(tmpdir(), 'sdkgen-bad-specs-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A stack frame in CLI output means an exception escaped as something other than a `GeneratorError`. */
const STACK_FRAME = /\n\s+at /;

/** The `sdkgen generate` arguments for a case; built documents are written to the temp dir first. */
function args(c: BadSpecCase, out: string): string[] {
  let spec = join(CORPUS, c.spec);
  if (c.build) writeFileSync((spec = join(dir, c.spec)), JSON.stringify(c.build()));
  const config = join(CORPUS, c.config ?? 'sdk.config.yaml');
  return ['generate', '--spec', spec, '--config', config, '--out', out];
}

/** Runs the CLI in-process, capturing stderr; an exception that escapes `main` is reported, not thrown. */
async function run(argv: string[]): Promise<{ code: number | string; stderr: string }> {
  let stderr = '';
  const spy = vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
    stderr += String(chunk);
    return true;
  });
  try {
    return { code: await main(argv), stderr };
  } catch (err) {
    return { code: `crash: ${(err as Error).stack}`, stderr };
  } finally {
    spy.mockRestore();
  }
}

const generated: { spec: string; out: string }[] = [];

describe('bad-spec corpus: exit 2 with stage and pointer and nothing written, or valid output', () => {
  test.each(CASES.map((c) => [c.spec, c] as const))('%s', async (_name, c) => {
    const out = join(dir, 'out', c.spec);
    mkdirSync(out, { recursive: true });
    const { code, stderr } = await run(args(c, out));
    expect(stderr).not.toMatch(STACK_FRAME);
    if (c.error) {
      expect(code).toBe(2);
      const line = stderr.split('\n').find((l) => l.startsWith('sdkgen: '))!;
      const [, stage, pointer, message] = /^sdkgen: (\w+): (\S+): (.*)$/.exec(line ?? '') ?? [];
      expect({ stage, line }).toMatchObject({ stage: c.error.stage });
      if (typeof c.error.pointer === 'string') expect(pointer?.startsWith(c.error.pointer), line).toBe(true);
      else expect(pointer).toMatch(c.error.pointer);
      expect(message).toMatch(c.error.message);
      expect(readdirSync(out)).toEqual([]);
    } else {
      expect(code, stderr).toBe(0);
      expect(existsSync(join(out, 'src/client.ts'))).toBe(true);
      if (c.generates !== true) expect(stderr).toMatch(c.generates!.warning);
      generated.push({ spec: c.spec, out });
    }
  });

  test('every generated package type-checks (one tsc run)', () => {
    expect(generated.length).toBe(CASES.filter((c) => c.generates).length);
    const check = join(dir, 'typecheck');
    mkdirSync(check);
    const roots = generated.flatMap(({ out }, i) => {
      const pkg = join(check, String(i));
      // The output carries its own runtime: nothing else is copied in.
      cpSync(join(out, 'src'), join(pkg, 'src'), { recursive: true });
      return [join(pkg, 'src/client.ts'), join(pkg, 'src/resources/index.ts')];
    });
    symlinkSync(join(ROOT, 'runtime/node_modules'), join(check, 'node_modules'));
    // The runtime is ESM (`import('./ky.js')` typed as a module namespace), as in the SDK's own package.json.
    writeFileSync(join(check, 'package.json'), JSON.stringify({ type: 'module' }));
    const tsconfig = {
      extends: join(ROOT, 'tsconfig.base.json'),
      compilerOptions: { noEmit: true, types: ['node'], typeRoots: [join(ROOT, 'node_modules/@types')] },
      files: roots,
    };
    writeFileSync(join(check, 'tsconfig.json'), JSON.stringify(tsconfig));
    let output = '';
    try {
      execFileSync(process.execPath, [TSC, '-p', join(check, 'tsconfig.json')], {
        encoding: 'utf8',
        stdio: 'pipe',
      });
    } catch (err) {
      output = String((err as { stdout?: string }).stdout ?? err);
    }
    // Name the case in each diagnostic instead of its temp-dir index.
    expect(output.replace(/typecheck\/(\d+)\//g, (_, i) => `${generated[Number(i)]!.spec}/`)).toBe('');
  }, 240_000);

  test.each(['malformed.yaml', 'boolean-schemas.yaml', 'parameter-unknown-in.yaml'])(
    'the real CLI (a child process) on %s: exit 0 or 2, no stack trace',
    (spec) => {
      const c = CASES.find((x) => x.spec === spec)!;
      const out = join(dir, 'child', spec);
      mkdirSync(out, { recursive: true });
      const r = spawnSync(process.execPath, [BIN, ...args(c, out)], { encoding: 'utf8', cwd: ROOT });
      expect(r.stderr).not.toMatch(STACK_FRAME);
      expect(r.status).toBe(c.error ? 2 : 0);
      if (c.error) {
        expect(r.stderr).toMatch(new RegExp(`^sdkgen: ${c.error.stage}: \\S+: `, 'm'));
        expect(readdirSync(out)).toEqual([]);
      }
    },
    60_000,
  );
});

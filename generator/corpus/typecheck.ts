import { execFile } from 'node:child_process';
import { existsSync, symlinkSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
/** Where the dependencies of every generated package (ky, @types/node) are installed: the runtime's own. */
const DEPS = join(ROOT, 'runtime/node_modules');
const TSC = join(ROOT, 'node_modules/typescript/bin/tsc');

/** The first type error of a spec, and how many it had. */
export interface TypeErrors {
  count: number;
  first: { code: string; message: string; file: string };
}

/**
 * Gives a generated package its dependencies, and nothing else: the output carries its own runtime (`core/`,
 * `internal/`), so it is type-checked as the generator wrote it.
 */
export function assemble(outDir: string): void {
  if (!existsSync(join(outDir, 'node_modules'))) symlinkSync(DEPS, join(outDir, 'node_modules'));
}

const LINE = /^(.+?)\(\d+,\d+\): error (TS\d+): (.*)$/;

/** The root files of a generated SDK package: the package entry, the client and the resources index. */
export const SDK_ENTRIES = ['src/index.ts', 'src/client.ts', 'src/resources/index.ts'];

/**
 * Type-checks many generated packages in one tsc program, strict, with or without `exactOptionalPropertyTypes`;
 * returns errors by package directory. A program with syntax errors reports nothing else, so packages with
 * syntax errors are set aside and the rest checked again. `entries` are each package's root files (those that
 * exist), relative to its directory.
 */
export async function typecheck(
  workDir: string,
  outDirs: string[],
  exact: boolean,
  timeoutMs: number,
  entries: string[] = SDK_ENTRIES,
): Promise<Map<string, TypeErrors>> {
  const out = new Map<string, TypeErrors>();
  let dirs = outDirs;
  while (dirs.length > 0) {
    const found = await typecheckOnce(workDir, dirs, exact, timeoutMs, entries);
    const syntax = [...found].filter(([, e]) => /^TS1\d{3}$/.test(e.first.code));
    if (syntax.length === 0) {
      for (const [d, e] of found) out.set(d, e);
      break;
    }
    for (const [d, e] of syntax) out.set(d, e);
    dirs = dirs.filter((d) => !out.has(d));
  }
  return out;
}

async function typecheckOnce(
  workDir: string,
  outDirs: string[],
  exact: boolean,
  timeoutMs: number,
  entries: string[],
): Promise<Map<string, TypeErrors>> {
  const name = `tsconfig.${exact ? 'exact' : 'loose'}.${Math.abs(hash(outDirs.join()))}.json`;
  const tsconfig = {
    extends: join(ROOT, 'tsconfig.base.json'),
    compilerOptions: {
      noEmit: true,
      exactOptionalPropertyTypes: exact,
      types: ['node'],
      typeRoots: [join(ROOT, 'node_modules/@types')],
    },
    // The package entry too: it is what users import (and the only module that names some runtime paths).
    files: outDirs.flatMap((d) => entries.map((f) => join(d, f)).filter((f) => existsSync(f))),
  };
  writeFileSync(join(workDir, name), JSON.stringify(tsconfig));
  const stdout = await new Promise<string>((resolve) => {
    const args = ['--max-old-space-size=6144', TSC, '-p', join(workDir, name), '--pretty', 'false'];
    execFile(process.execPath, args, { cwd: workDir, maxBuffer: 1 << 28, timeout: timeoutMs }, (err, out) =>
      resolve(err && (err as { killed?: boolean }).killed ? `TIMEOUT\n${out}` : out),
    );
  });
  return parseErrors(stdout, workDir, outDirs);
}

function parseErrors(stdout: string, workDir: string, outDirs: string[]): Map<string, TypeErrors> {
  const byDir = new Map<string, TypeErrors>();
  const rel = outDirs.map((d) => [relative(workDir, d) + '/', d] as const);
  for (const line of stdout.split('\n')) {
    const m = LINE.exec(line);
    if (!m) continue;
    const owner = rel.find(([prefix]) => m[1]!.startsWith(prefix));
    // An error in the shared runtime is nobody's output: charge it to every package of the batch.
    for (const [prefix, dir] of owner ? [owner] : rel) {
      const seen = byDir.get(dir);
      if (seen) seen.count++;
      else
        byDir.set(dir, {
          count: 1,
          first: { code: m[2]!, message: m[3]!, file: m[1]!.slice(prefix.length) },
        });
    }
  }
  if (stdout.startsWith('TIMEOUT'))
    for (const [, dir] of rel)
      if (!byDir.has(dir))
        byDir.set(dir, { count: 1, first: { code: 'TIMEOUT', message: 'tsc timed out', file: '' } });
  return byDir;
}

function hash(s: string): number {
  let h = 0;
  for (let i = 0; i < s.length; i++) h = (Math.imul(31, h) + s.charCodeAt(i)) | 0;
  return h;
}

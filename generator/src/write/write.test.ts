import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { GeneratorError } from '../errors.js';
import { type WriteMode, write } from './index.js';

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});
const manifest = {
  generatorVersion: '1',
  specPath: 'spec.yaml',
  specHash: 'a',
  configPath: 'c.yaml',
  configHash: 'b',
};
const owned = ['src/resources/', 'api.md', '.sdkgen.json'];

function out(): string {
  const d = mkdtempSync(join(tmpdir(), 'sdkgen-write-'));
  dirs.push(d);
  return d;
}

const run = (
  outDir: string,
  mode: WriteMode,
  files = [
    { path: 'src/resources/a.ts', content: 'a\n' },
    { path: 'api.md', content: '# api\n' },
  ],
) => write(files, { outDir, mode, manifest, owned });

describe('write', () => {
  test('writes files and a manifest with their hashes; a second run changes nothing', () => {
    const d = out();
    expect(
      run(d, 'write')
        .changed.map((c) => c.path)
        .sort(),
    ).toEqual(['.sdkgen.json', 'api.md', 'src/resources/a.ts']);
    expect(readFileSync(join(d, 'src/resources/a.ts'), 'utf8')).toBe('a\n');
    const m = JSON.parse(readFileSync(join(d, '.sdkgen.json'), 'utf8'));
    expect(Object.keys(m.files)).toEqual(['api.md', 'src/resources/a.ts']);
    expect(m.spec).toEqual({ path: 'spec.yaml', sha256: 'a' });
    expect(run(d, 'write').changed).toEqual([]);
    expect(readdirSync(d).some((f) => f.startsWith('.sdkgen-tmp'))).toBe(false);
  });

  test('check reports a hand edit with a unified diff and writes nothing', () => {
    const d = out();
    run(d, 'write');
    writeFileSync(join(d, 'api.md'), '# api\nhand edit\n');
    const r = run(d, 'check');
    expect(r.changed.map((c) => [c.path, c.status])).toEqual([['api.md', 'changed']]);
    expect(r.changed[0]!.diff).toContain('-hand edit');
    expect(readFileSync(join(d, 'api.md'), 'utf8')).toContain('hand edit');
  });

  test('dry-run on an empty dir lists everything as added and writes nothing', () => {
    const d = out();
    expect(run(d, 'dry-run').changed.every((c) => c.status === 'added')).toBe(true);
    expect(readdirSync(d)).toEqual([]);
  });

  test('a file the previous manifest owned but this run does not produce is stale and removed', () => {
    const d = out();
    run(d, 'write');
    const r = run(d, 'write', [{ path: 'api.md', content: '# api\n' }]);
    expect(r.changed.find((c) => c.path === 'src/resources/a.ts')?.status).toBe('stale');
    expect(existsSync(join(d, 'src/resources/a.ts'))).toBe(false);
  });

  test.each(['src/core/x.ts', '../escape.ts', 'src/lib/Overlay.ts'])('refuses to write %s', (path) => {
    const d = out();
    expect(() => run(d, 'write', [{ path, content: 'x' }])).toThrow(GeneratorError);
    expect(readdirSync(d)).toEqual([]);
  });
});

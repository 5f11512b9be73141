import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, test, vi } from 'vitest';
import { main } from '../src/cli.js';

const MINI = fileURLToPath(new URL('../../tests/golden/mini/', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'sdkgen-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function capture(): { out: () => string; restore: () => void } {
  let text = '';
  const spies = [process.stdout, process.stderr].map((s) =>
    vi.spyOn(s, 'write').mockImplementation((chunk: string | Uint8Array) => {
      text += String(chunk);
      return true;
    }),
  );
  return {
    out: () => text,
    restore: () => {
      for (const s of spies) s.mockRestore();
    },
  };
}

describe('sdkgen generate', () => {
  const out = join(dir, 'out');
  const cfg = join(MINI, 'sdk.config.yaml');

  test('--check passes on fresh output and exits 1 with a diff after a hand edit', async () => {
    cpSync(join(MINI, 'out'), out, { recursive: true });
    const c = capture();
    try {
      expect(await main(['generate', '--config', cfg, '--out', out, '--check'])).toBe(0);
      const file = join(out, 'src/resources/files.ts');
      writeFileSync(file, readFileSync(file, 'utf8').replaceAll('upload(', 'uploadRenamed('));
      expect(await main(['generate', '--config', cfg, '--out', out, '--check'])).toBe(1);
      expect(c.out()).toContain('+  upload(');
      expect(c.out()).toContain('changed: src/resources/files.ts');
      expect(c.out()).toMatch(/load \d+ms/);
    } finally {
      c.restore();
    }
  });

  test('--dump plan prints the plan as JSON and writes nothing', async () => {
    const c = capture();
    try {
      expect(await main(['generate', '--config', cfg, '--out', join(dir, 'none'), '--dump', 'plan'])).toBe(0);
    } finally {
      c.restore();
    }
    const plan = JSON.parse(c.out().slice(c.out().indexOf('{')));
    expect(plan.modules.map((m: { path: string }) => m.path)).toContain('messages/batches');
  });

  test('an unknown command prints usage and exits 2', async () => {
    const c = capture();
    try {
      expect(await main(['frobnicate'])).toBe(2);
    } finally {
      c.restore();
    }
    expect(c.out()).toContain('usage: sdkgen generate');
  });
});

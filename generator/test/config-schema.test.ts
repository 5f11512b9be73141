import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { configKeys } from '../src/config/doc.js';
import { configReference, replaceReference } from '../src/config/doc-section.js';

const SRC = fileURLToPath(new URL('../src/', import.meta.url));
const README = fileURLToPath(new URL('../README.md', import.meta.url));
const TEMPLATES = fileURLToPath(new URL('../../templates/', import.meta.url));

/** Keys whose only reader is the schema itself, and why that is enough. */
const VALIDATED_ONLY: Record<string, string> = {
  version: 'the format version: `z.literal(1)` is the whole check',
};

/** Generator sources that may read config values: everything but tests and the schema declaring the keys (templates are added below). */
function sources(dir = SRC): string {
  return readdirSync(dir, { withFileTypes: true })
    .flatMap((e) => {
      const path = join(dir, e.name);
      if (e.isDirectory()) return [sources(path)];
      const skip =
        !e.name.endsWith('.ts') || e.name.endsWith('.test.ts') || path.endsWith('config/schema.ts');
      return skip ? [] : [readFileSync(path, 'utf8')];
    })
    .join('\n');
}

describe('config schema', () => {
  const templates = readdirSync(TEMPLATES).map((f) => readFileSync(join(TEMPLATES, f), 'utf8'));
  const text = [sources(), ...templates].join('\n');

  // A coarse check by key name: `.key` or `?.key` (not a method call like `.join(`), `'key'`, `key` inside a
  // destructuring pattern, or `{{key}}` in a template. It catches a key that nothing reads (declared for
  // "later", or left behind by a refactor); remove the key or read it.
  test.each(configKeys().map((k) => [k.path, k.name]))('%s is read by some stage', (path, name) => {
    if (VALIDATED_ONLY[path]) return;
    const read = new RegExp(
      `(\\??\\.)${name}\\b(?!\\s*\\()|['"]${name}['"]|\\{[^}=]*\\b${name}\\b[^}=]*\\}\\s*=|\\{\\{[^}]*\\b${name}\\b`,
    );
    expect(read.test(text), `no generator source reads config key ${path}`).toBe(true);
  });

  test('every key has a description', () => {
    expect(
      configKeys()
        .filter((k) => !k.description)
        .map((k) => k.path),
    ).toEqual([]);
  });

  test('the config reference in generator/README.md is current (pnpm --filter @sdkgen/generator config-doc)', () => {
    const readme = readFileSync(README, 'utf8');
    expect(replaceReference(readme, configReference())).toBe(readme);
  });
});

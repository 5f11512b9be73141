import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { config } from '../src/config/index.js';
import { Warnings } from '../src/errors.js';
import { load } from '../src/load/index.js';
import { normalize } from '../src/normalize/index.js';
import { plan } from '../src/plan/index.js';

// Each stage owns its decisions: normalize says what the spec says, plan decides the SDK, emit prints the plan.
const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const SRC = join(ROOT, 'generator/src');

/** The modules a stage folder imports (relative specifiers, first segment after `../`). */
function importedStages(folder: string): string[] {
  const out = new Set<string>();
  for (const f of readdirSync(join(SRC, folder)).filter(
    (n) => n.endsWith('.ts') && !n.endsWith('.test.ts'),
  )) {
    for (const m of readFileSync(join(SRC, folder, f), 'utf8').matchAll(/from '\.\.\/([\w-]+)\//g))
      out.add(m[1]!);
  }
  return [...out].sort();
}

describe('stage ownership', () => {
  test('normalize reads neither the SDK config nor a later stage', () => {
    // `load` for the loaded document's type, `ir` for what it builds.
    expect(importedStages('normalize')).toEqual(['ir', 'load']);
  });

  test('emit reads the plan, not the IR or the config', () => {
    const stages = importedStages('emit');
    expect(stages).not.toContain('normalize');
    expect(stages).not.toContain('config');
    for (const f of readdirSync(join(SRC, 'emit')).filter(
      (n) => n.endsWith('.ts') && !n.endsWith('.test.ts'),
    )) {
      // Types of IR nodes (IRType, IRDocs) are what plan data is made of; the IR as a whole (`IR`) is not read.
      expect(readFileSync(join(SRC, 'emit', f), 'utf8'), f).not.toMatch(
        /import type \{[^}]*\bIR\b[^}]*\} from/,
      );
    }
  });

  test("plan leaves the IR as the spec says: transport, header names and typeRefs go to the plan's copies", async () => {
    const cfg = await config({ configPath: join(ROOT, 'spec/sdk.config.yaml') });
    expect(Object.keys(cfg.typeRefs).length).toBeGreaterThan(0);
    const warnings = new Warnings();
    const ir = normalize(await load(cfg.specPath, warnings), warnings);
    const before = JSON.stringify(ir);
    const planned = plan(ir, cfg);
    expect(JSON.stringify(ir)).toBe(before);
    // The spec's own header param name stays in the IR; the plan exposes it as `betas`.
    const op = ir.operations['post /v1/messages?beta=true']!;
    expect(op.params.header.map((h) => h.sdkName)).toContain('anthropic-beta');
    const [schema, prop] = Object.keys(cfg.typeRefs)[0]!.split('.') as [string, string];
    const typeOf = (schemas: typeof ir.schemas) => {
      const t = schemas[schema]!.type;
      return t.kind === 'object' ? t.properties.find((p) => p.name === prop)?.type : undefined;
    };
    expect(typeOf(ir.schemas)).not.toMatchObject({ name: expect.stringMatching(/^\$typeRef:/) });
    expect(typeOf(planned.schemas)).toMatchObject({
      kind: 'ref',
      name: expect.stringMatching(/^\$typeRef:/),
    });
  });
});

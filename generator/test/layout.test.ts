import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, test } from 'vitest';
import { assemble, typecheck } from '../corpus/typecheck.js';
import { config } from '../src/config/index.js';
import { Warnings } from '../src/errors.js';
import { load } from '../src/load/index.js';
import { normalize } from '../src/normalize/index.js';
import { generate } from '../src/pipeline.js';
import { plan } from '../src/plan/index.js';
import { LINE_BUDGET } from '../src/plan/layout.js';

// The generated `src/resources` import each other without circles, and no file passes the line budget
// (plan/layout.ts decides the files; emit prints them).
const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const FIXTURE = join(ROOT, 'generator/test/fixtures/layout/sdk.config.yaml');
const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});
const tempDir = (name: string) => {
  const d = mkdtempSync(join(tmpdir(), `sdkgen-layout-${name}-`));
  dirs.push(d);
  return d;
};

interface Graph {
  /** File (relative to the root) -> the files it imports or re-exports from (a file importing itself left out). */
  edges: Map<string, string[]>;
  lines: Map<string, number>;
}

/** The relative `import`/`export ... from` graph of the `.ts` files under `root`, read from their text. */
function importGraph(root: string): Graph {
  const walk = (d: string): string[] =>
    readdirSync(d).flatMap((f) => {
      const p = join(d, f);
      return statSync(p).isDirectory() ? walk(p) : p.endsWith('.ts') ? [p] : [];
    });
  const files = walk(root);
  const known = new Set(files);
  const edges = new Map<string, string[]>();
  const lines = new Map<string, number>();
  for (const f of files) {
    const text = readFileSync(f, 'utf8');
    const to = new Set<string>();
    for (const m of text.matchAll(/^(?:import|export)\b[^;]*?\bfrom '(\.{1,2}\/[^']+)';/gm)) {
      const target = resolve(dirname(f), m[1]!.replace(/\.js$/, '.ts'));
      if (target !== f && known.has(target)) to.add(relative(root, target));
    }
    edges.set(relative(root, f), [...to].sort());
    lines.set(relative(root, f), text.split('\n').length - 1);
  }
  return { edges, lines };
}

/** Every import circle, each as the files of one strongly connected component (sorted). */
function circles(g: Graph): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const out: string[][] = [];
  const visit = (v: string) => {
    index.set(v, index.size);
    low.set(v, index.get(v)!);
    stack.push(v);
    for (const w of g.edges.get(v) ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (stack.includes(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) === index.get(v)) {
      const comp: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        comp.push(w);
      } while (w !== v);
      if (comp.length > 1) out.push(comp.sort());
    }
  };
  for (const v of [...g.edges.keys()].sort()) if (!index.has(v)) visit(v);
  return out;
}

const overBudget = (g: Graph, allowed: (file: string, lines: number) => boolean = () => false) =>
  [...g.lines].filter(([f, n]) => n > LINE_BUDGET && !allowed(f, n)).map(([f, n]) => `${f}: ${n}`);

describe('the import graph check', () => {
  test('finds a circle and a file over the budget', () => {
    const dir = tempDir('control');
    mkdirSync(join(dir, 'beta'));
    writeFileSync(join(dir, 'a.ts'), "import type * as B from './beta/b.js';\nexport type A = B.B;\n");
    writeFileSync(join(dir, 'beta/b.ts'), "import type { A } from '../a.js';\nexport type B = A | 1;\n");
    writeFileSync(join(dir, 'c.ts'), `${'export type C = 1;\n'.repeat(LINE_BUDGET + 1)}`);
    writeFileSync(join(dir, 'self.ts'), "import type * as S from './self.js';\nexport type S = 1;\n");
    const g = importGraph(dir);
    expect(circles(g)).toEqual([['a.ts', 'beta/b.ts']]);
    expect(overBudget(g)).toEqual([`c.ts: ${LINE_BUDGET + 1}`]);
  });
});

describe.each([
  ['packages/anthropic', join(ROOT, 'packages/anthropic/src/resources')],
  ...['kitchen', 'mini', 'petstore'].map((g) => [
    `golden ${g}`,
    join(ROOT, `tests/golden/${g}/out/src/resources`),
  ]),
])('committed %s', (_name, dir) => {
  const g = importGraph(dir!);
  test('resources/ has no import circle', () => expect(circles(g)).toEqual([]));
  test(`no file passes ${LINE_BUDGET} lines`, () => expect(overBudget(g)).toEqual([]));
});

describe('generated with the layout fixture (types files shared by a module cycle, a parent referenced by its child)', () => {
  const out = tempDir('fixture');
  test('no circle, the shared types file and the parent types file exist, and it type-checks', async () => {
    await generate({ configPath: FIXTURE, outDir: out, mode: 'write' });
    const g = importGraph(join(out, 'src/resources'));
    expect(circles(g)).toEqual([]);
    expect(g.edges.get('alpha.ts')).toEqual(['alpha-shared-types.ts']);
    expect(g.edges.get('beta.ts')).toEqual(['alpha-shared-types.ts']);
    expect(g.edges.get('things/parts.ts')).toContain('things/things-types.ts');
    expect(g.edges.get('things/things.ts')).toEqual(['things/parts.ts', 'things/things-types.ts']);
    const entry = readFileSync(join(out, 'src/resources/beta.ts'), 'utf8');
    expect(entry).toContain("export type { Beta } from './alpha-shared-types.js';");
    assemble(out);
    const errors = await typecheck(dirname(out), [out], true, 120_000);
    expect(errors.get(out)).toBeUndefined();
  }, 180_000);

  test('declarations that do not fit one file are split into parts that import only earlier parts', async () => {
    const cfg = await config({ configPath: FIXTURE });
    const warnings = new Warnings();
    const ir = normalize(await load(cfg.specPath, warnings), warnings);
    const lines: Record<string, number> = {
      ThingSummary: 1500,
      Thing: 900,
      ThingCreateParams: 100,
      Alpha: 1500,
      Beta: 1500,
    };
    const planned = plan(ir, cfg, {
      measure: (p) =>
        new Map(
          p.modules.map((m) => [
            m.path,
            { classLines: 10, typeLines: m.types.map((t) => lines[t.name] ?? 1) },
          ]),
        ),
      warnings,
    });
    const file = (path: string) => planned.layout.files.find((f) => f.path === path);
    const names = (path: string) => file(path)?.declarations.map((d) => d.name);
    // Thing refers to ThingSummary, which comes first; ThingCreateParams fills the second part.
    expect(names('things/things-types-1')).toEqual(['ThingSummary']);
    expect(names('things/things-types-2')).toEqual(['Thing', 'ThingCreateParams']);
    expect(file('things/things-types-2')!.named).toEqual([
      { from: 'things/things-types-1', names: ['ThingSummary'] },
    ]);
    expect(file('things/things-types')!.reexports).toEqual([
      { from: 'things/things-types-1' },
      { from: 'things/things-types-2' },
    ]);
    // Alpha and Beta refer to each other: one unit, which cannot be split, over the budget.
    expect(names('alpha-shared-types')).toEqual(['Alpha', 'Beta']);
    expect(warnings.format().join('\n')).toMatch(
      /alpha#Alpha: declarations referring to each other take 3000 lines/,
    );
  });
});

describe('GitHub spec (tests/golden/octokit), generated to a temp dir', () => {
  test('resources/ has no import circle; only what cannot be split passes the budget', async () => {
    const out = tempDir('octokit');
    await generate({
      configPath: join(ROOT, 'tests/golden/octokit/sdk.config.yaml'),
      outDir: out,
      mode: 'write',
    });
    const dir = join(out, 'src/resources');
    const g = importGraph(dir);
    expect(circles(g)).toEqual([]);
    // A resource class is one declaration (repos has hundreds of methods), and so is a declaration whose
    // hoisted namespace alone passes the budget; resources/index.ts lists every name once. Around those,
    // the file stays within the budget.
    const allowed = (file: string) => {
      const text = readFileSync(join(dir, file), 'utf8');
      if (file === 'index.ts') return true;
      const cls = /\nexport class \w+ extends APIResource \{[\s\S]*?\n\}\n/.exec(text)?.[0];
      if (cls) return text.split('\n').length - cls.split('\n').length <= LINE_BUDGET;
      return (text.match(/^export (?:interface|type) /gm) ?? []).length === 1;
    };
    expect(overBudget(g, allowed)).toEqual([]);
  }, 240_000);
});

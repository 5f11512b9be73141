import { escapePointer } from '../../src/errors.js';

/** A seeded PRNG (mulberry32): the same seed gives the same mutants on every machine. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type Path = (string | number)[];
type Random = () => number;

const pick = <T>(rand: Random, list: readonly T[]): T => list[Math.floor(rand() * list.length)]!;

/** `#/a/b~1c` for a path of keys. */
export function pointerOf(path: Path): string {
  return ['#', ...path.map(escapePointer)].join('/');
}

/** Every node below the root, parents before children. */
function nodes(doc: Json): Path[] {
  const out: Path[] = [];
  const walk = (node: Json, path: Path): void => {
    if (node === null || typeof node !== 'object') return;
    const entries: [string | number, Json][] = Array.isArray(node)
      ? node.map((v, i) => [i, v])
      : Object.entries(node);
    for (const [k, v] of entries) {
      out.push([...path, k]);
      walk(v, [...path, k]);
    }
  };
  walk(doc, []);
  return out;
}

function parentOf(doc: Json, path: Path): any {
  let node: any = doc;
  for (const k of path.slice(0, -1)) node = node[k];
  return node;
}

const WRONG_TYPED: Json[] = ['x', 42, -1, [], [1, 'a'], null, true, false, {}, { $ref: '#/nowhere' }];
const WEIRD_STRINGS = [
  '',
  ' ',
  'constructor',
  '__proto__',
  'class',
  'default',
  '1st',
  'a b',
  'a-b/c.d',
  '\u{1F600}',
  "it's",
  '*/',
  // biome-ignore lint/suspicious/noTemplateCurlyInString: a literal `${` is the point (it must not reach generated code unquoted)
  '${x}',
  'null',
];
const REF_TARGETS = [
  '#/components/schemas/Missing',
  '#/info',
  '#/paths',
  '#/info/title',
  './missing.yaml#/X',
  '#',
  '',
];

/** One mutation applied in place; returns what it did (for the reproducible report), or undefined if it could not apply. */
type Mutation = (doc: Json, rand: Random) => string | undefined;

const mutations: Record<string, Mutation> = {
  delete(doc, rand) {
    const path = pick(rand, nodes(doc));
    const parent = parentOf(doc, path);
    const key = path.at(-1)!;
    if (Array.isArray(parent)) parent.splice(key as number, 1);
    else delete parent[key];
    return `delete ${pointerOf(path)}`;
  },
  retype(doc, rand) {
    const path = pick(rand, nodes(doc));
    const value = pick(rand, WRONG_TYPED);
    parentOf(doc, path)[path.at(-1)!] = structuredClone(value);
    return `set ${pointerOf(path)} = ${JSON.stringify(value)}`;
  },
  rename(doc, rand) {
    const keyed = nodes(doc).filter((p) => typeof p.at(-1) === 'string');
    if (keyed.length === 0) return undefined;
    const path = pick(rand, keyed);
    const parent = parentOf(doc, path);
    const from = path.at(-1) as string;
    const to = pick(rand, [
      `${from}x`,
      from.toUpperCase(),
      '',
      '$ref',
      'type',
      '/weird key',
      'constructor',
      '__proto__',
    ]);
    if (to in parent) return undefined;
    Object.defineProperty(parent, to, {
      value: parent[from],
      enumerable: true,
      writable: true,
      configurable: true,
    });
    delete parent[from];
    return `rename ${pointerOf(path)} -> ${JSON.stringify(to)}`;
  },
  restring(doc, rand) {
    const strings = nodes(doc).filter((p) => typeof parentOf(doc, p)[p.at(-1)!] === 'string');
    if (strings.length === 0) return undefined;
    const path = pick(rand, strings);
    const value = pick(rand, WEIRD_STRINGS);
    parentOf(doc, path)[path.at(-1)!] = value;
    return `set ${pointerOf(path)} = ${JSON.stringify(value)}`;
  },
  duplicateOperationId(doc, rand) {
    const ops = nodes(doc).filter((p) => p[0] === 'paths' && p.length === 4 && p[3] === 'operationId');
    if (ops.length < 2) return undefined;
    const [a, b] = [pick(rand, ops), pick(rand, ops)];
    const value = parentOf(doc, a).operationId;
    parentOf(doc, b).operationId = value;
    return `set ${pointerOf(b)} = ${JSON.stringify(value)}`;
  },
  retargetRef(doc, rand) {
    const refs = nodes(doc).filter((p) => p.at(-1) === '$ref');
    if (refs.length === 0) return undefined;
    const path = pick(rand, refs);
    const others = refs.map((p) => parentOf(doc, p).$ref as string);
    const target = rand() < 0.5 ? pick(rand, others) : pick(rand, REF_TARGETS);
    parentOf(doc, path).$ref = target;
    return `set ${pointerOf(path)} = ${JSON.stringify(target)}`;
  },
};

/** Applies 1-3 random mutations to a deep copy of `doc`; returns the mutant and what was done. */
export function mutate(doc: Json, rand: Random): { doc: Json; steps: string[] } {
  const copy = structuredClone(doc);
  const steps: string[] = [];
  const count = 1 + Math.floor(rand() * 3);
  for (let tries = 0; steps.length < count && tries < 10; tries++) {
    const step = mutations[pick(rand, Object.keys(mutations))]!(copy, rand);
    if (step) steps.push(step);
  }
  return { doc: copy, steps };
}

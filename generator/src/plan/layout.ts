import { compareStrings, GeneratorError } from '../errors.js';
import type { IR, IRType } from '../ir/types.js';
import { classTypes, declTypes, reachedHomes } from './imports.js';
import type { Plan, PlannedFile, PlannedLayout, PlannedModule, PlannedType, TypeHome } from './types.js';

/** Most lines a generated file may have. */
export const LINE_BUDGET = 2000;

/** Lines a file's header and runtime imports may take, counted against the budget before they are printed. */
const FIXED_LINES = 16;

/** Printed lines of one module, measured by emit: its class part (0 without a class) and each declaration. */
export interface ModuleSizes {
  classLines: number;
  typeLines: number[];
}

/** Prints the class part and each declaration of every module once and counts their lines (`emit/measure.ts`). */
export type Measure = (plan: Plan) => Map<string, ModuleSizes>;

/** One declaration of a module, with what it refers to. */
interface Decl {
  key: string;
  module: string;
  name: string;
  lines: number;
  /** Declarations it refers to (`module#name`), its own module's included. */
  refs: Set<string>;
  /** Declarations of its module it names in raw text (alias targets): they must print in the same file. */
  together: Set<string>;
  /** Its namespace has members that refer to the module by its own import alias. */
  selfAlias: boolean;
}

const keyOf = (module: string, name: string) => `${module}#${name}`;
const moduleOfKey = (key: string) => key.slice(0, key.lastIndexOf('#'));

/**
 * Decides which file under `src/resources` prints each resource class and each declaration, so that every file
 * stays within `budget` lines (as printed: `sizes` come from emit) and the files import each other without circles:
 *
 * - A resource module keeps its declarations in its own file when no other module refers to them and the file
 *   fits; otherwise they move to `<module>-types.ts`, which the module re-exports (`export *`), so every import
 *   path keeps its names. A class file imports types files and the class files of its own sub-resources only.
 * - Types files import types files only. Modules whose declarations refer to each other (a strongly connected
 *   component of the module-level reference graph) share one `<first>-shared-types.ts`, which each of them
 *   re-exports its own names from.
 * - Declarations that do not fit one file are split into parts (`<module>-types-<n>.ts`, re-exported by the
 *   module's types file): declarations that refer to each other stay in one part, and a part imports only earlier
 *   parts, so the split needs no circle either.
 */
export function planLayout(
  ir: IR,
  plan: Plan,
  sizes: Map<string, ModuleSizes>,
  warn: (pointer: string, message: string) => void,
  budget = LINE_BUDGET,
): PlannedLayout {
  const modules = plan.modules;
  const byPath = new Map(modules.map((m) => [m.path, m]));
  const decls = new Map<string, Decl>();
  const declsOf = new Map<string, Decl[]>();
  for (const m of modules) {
    const lines = sizes.get(m.path)?.typeLines ?? [];
    const names = new Set(m.types.map((t) => t.name));
    const list = m.types.map((t, i): Decl => {
      const d: Decl = {
        key: keyOf(m.path, t.name),
        module: m.path,
        name: t.name,
        lines: lines[i] ?? 1,
        refs: refKeys(ir, plan.typeHomes, declTypes(t)),
        together: new Set(
          textOf(t)
            .flatMap((text) => text.match(/[A-Za-z_$][\w$]*/g) ?? [])
            .filter((id) => names.has(id) && id !== t.name)
            .map((id) => keyOf(m.path, id)),
        ),
        selfAlias: (t.members ?? []).some((mm) => !mm.type),
      };
      decls.set(d.key, d);
      return d;
    });
    declsOf.set(m.path, list);
  }
  const classRefs = new Map(modules.map((m) => [m.path, refKeys(ir, plan.typeHomes, classTypes(m))]));

  // Modules whose declarations another module's declarations or class refer to.
  const referenced = new Set<string>();
  const noteRefs = (from: string, refs: Set<string>) => {
    for (const r of refs) if (moduleOfKey(r) !== from) referenced.add(moduleOfKey(r));
  };
  for (const d of decls.values()) noteRefs(d.module, d.refs);
  for (const [path, refs] of classRefs) noteRefs(path, refs);

  const exported = (path: string) => (byPath.get(path)?.types ?? []).filter((t) => !t.hidden).length;
  const inline = new Set<string>();
  for (const m of modules) {
    if (!m.resource) continue;
    const importLines =
      m.imports.length + m.resource.subresources.reduce((n, s) => n + 3 + exported(s.module), 0);
    const typeLines = (declsOf.get(m.path) ?? []).reduce((n, d) => n + d.lines, 0);
    const total = FIXED_LINES + importLines + (sizes.get(m.path)?.classLines ?? 0) + typeLines;
    if (m.types.length === 0 || (!referenced.has(m.path) && total <= budget)) inline.add(m.path);
  }
  const typeModules = modules.filter((m) => !inline.has(m.path));
  // New file names never take a module's or a re-export file's path: `<name>-types-2` if `<name>-types` is one.
  const taken = new Set([...modules.map((m) => m.path), ...plan.indexes.map((i) => i.path)]);
  const claim = (path: string) => {
    let p = path;
    for (let i = 2; taken.has(p); i++) p = `${path}-${i}`;
    taken.add(p);
    return p;
  };
  const entryOf = new Map<string, string>();
  for (const m of modules)
    entryOf.set(m.path, inline.has(m.path) || !m.resource ? m.path : claim(`${m.path}-types`));
  const entry = (module: string) => entryOf.get(module) ?? module;
  const aliasOf = (from: string, to: string) =>
    byPath.get(from)?.imports.find((i) => i.module === to)?.alias ?? 'UNKNOWN_MODULE';

  // Module-level graph of the types files: which modules' declarations each one's declarations refer to.
  const moduleEdges = new Map<string, string[]>();
  for (const m of typeModules) {
    const targets = new Set<string>();
    for (const d of declsOf.get(m.path) ?? [])
      for (const r of d.refs)
        if (moduleOfKey(r) !== m.path && byPath.has(moduleOfKey(r))) targets.add(moduleOfKey(r));
    moduleEdges.set(m.path, [...targets].sort(compareStrings));
  }
  const groups: string[][] = [];
  for (const scc of stronglyConnected(
    typeModules.map((m) => m.path),
    (p) => moduleEdges.get(p) ?? [],
  )) {
    const members = [...scc].sort(compareStrings);
    const clash = members.length > 1 ? groupClash(members, byPath) : undefined;
    if (clash) {
      warn(
        byPath.get(members[0]!)!.types[0]?.pointer ?? '#',
        `the types of modules ${members.join(', ')} refer to each other but cannot share a file (${clash}); their files import each other`,
      );
      for (const m of members) groups.push([m]);
    } else groups.push(members);
  }
  groups.sort((a, b) => compareStrings(a[0]!, b[0]!));

  const files: PlannedFile[] = [];
  for (const group of groups) files.push(...groupFiles(group));
  for (const m of modules) if (m.resource) files.push(classFile(m));
  checkPaths(files, plan, byPath);
  return {
    budget,
    files: files.sort((a, b) => compareStrings(a.path, b.path)),
    typesEntry: Object.fromEntries(modules.map((m) => [m.path, entry(m.path)])),
  };

  function classFile(m: PlannedModule): PlannedFile {
    const own = inline.has(m.path);
    const refs = new Set([...classRefs.get(m.path)!].map(moduleOfKey));
    const imports = m.imports
      .filter((i) => own || i.value || (i.module !== m.path && refs.has(i.module)))
      .map((i) => ({
        alias: i.alias,
        from: i.value || i.module === m.path ? i.module : entry(i.module),
        value: i.value,
      }));
    return {
      path: m.path,
      kind: 'class',
      module: m.path,
      declarations: own ? m.types.map((t) => ({ module: m.path, name: t.name })) : [],
      local: [],
      imports,
      named: own ? [] : [{ from: entry(m.path), names: m.types.map((t) => t.name) }],
      reexports: own ? [] : [{ from: entry(m.path) }],
    };
  }

  /** The types files of one group: its declarations in one file or in parts, and each member's entry. */
  function groupFiles(group: string[]): PlannedFile[] {
    const list = group.flatMap((g) => declsOf.get(g) ?? []);
    const inGroup = new Set(list.map((d) => d.key));
    const chunks = split(list, inGroup);
    const shared = group.length > 1;
    const base = shared ? `${group[0]}-shared-types` : `${group[0]}-types`;
    const single = !shared && chunks.length <= 1;
    const paths = chunks.map((_, i) =>
      single ? entry(group[0]!) : claim(chunks.length === 1 ? base : `${base}-${i + 1}`),
    );
    const partPath = (i: number) => paths[i]!;
    const chunkOf = new Map<string, number>();
    chunks.forEach((c, i) => {
      for (const d of c) chunkOf.set(d.key, i);
    });
    const out: PlannedFile[] = chunks.map((c, i) => {
      const path = partPath(i);
      const imports = new Map<string, PlannedFile['imports'][number]>();
      const named = new Map<string, Set<string>>();
      for (const d of c) {
        if (d.selfAlias) {
          const alias = aliasOf(d.module, d.module);
          imports.set(`${alias} ${path}`, { alias, from: path, value: false });
        }
        for (const r of d.refs) {
          const target = decls.get(r);
          const module = moduleOfKey(r);
          if (inGroup.has(r)) {
            const k = chunkOf.get(r)!;
            if (k === i) continue;
            const from = named.get(partPath(k)) ?? named.set(partPath(k), new Set()).get(partPath(k))!;
            from.add(target!.name);
          } else if (module !== d.module && byPath.has(module)) {
            const alias = aliasOf(d.module, module);
            imports.set(`${alias} ${entry(module)}`, { alias, from: entry(module), value: false });
          }
        }
      }
      const order = new Map(list.map((d, j) => [d.key, j]));
      return {
        path,
        kind: 'types' as const,
        declarations: [...c]
          .sort((a, b) => order.get(a.key)! - order.get(b.key)!)
          .map((d) => ({ module: d.module, name: d.name })),
        local: shared ? group : [],
        imports: [...imports.values()].sort(
          (a, b) => compareStrings(a.from, b.from) || compareStrings(a.alias, b.alias),
        ),
        named: [...named.entries()]
          .sort(([a], [b]) => compareStrings(a, b))
          .map(([from, names]) => ({ from, names: [...names].sort(compareStrings) })),
        reexports: [],
      };
    });
    if (single) {
      if (out.length === 0) out.push(emptyTypes(entry(group[0]!)));
      return out;
    }
    for (const g of group) {
      const names = (k: number) => chunks[k]!.filter((d) => d.module === g).map((d) => d.name);
      out.push({
        path: entry(g),
        kind: 'index',
        declarations: [],
        local: [],
        imports: [],
        named: [],
        reexports: chunks
          .map((_, k) => ({ from: partPath(k), ...(shared ? { names: names(k) } : {}) }))
          .filter((r) => !r.names || r.names.length > 0),
      });
    }
    return out;
  }

  /**
   * Cuts a group's declarations into parts within the budget. Declarations that refer to each other (or name
   * each other in text) are one unit; units are taken dependencies first, nearest the spec order, so each part
   * refers only to itself and to earlier parts.
   */
  function split(list: Decl[], inGroup: Set<string>): Decl[][] {
    if (list.length === 0) return [];
    const index = new Map(list.map((d, i) => [d.key, i]));
    // Text references bind both ways: the two declarations print in one file.
    const named = list.map(() => new Set<number>());
    list.forEach((d, i) => {
      for (const r of d.together) if (index.has(r)) named[index.get(r)!]!.add(i);
    });
    const edgeList = list.map((d, i) => {
      const out = new Set(named[i]);
      for (const r of [...d.refs, ...d.together])
        if (index.has(r) && index.get(r) !== i) out.add(index.get(r)!);
      return [...out].sort((a, b) => a - b);
    });
    const comps = stronglyConnected(
      list.map((_, i) => i),
      (i) => edgeList[i]!,
    ).map((c) => [...c].sort((a, b) => a - b));
    const compOf = new Map<number, number>();
    comps.forEach((c, ci) => {
      for (const i of c) compOf.set(i, ci);
    });
    // Kahn's order over the components: a component is ready once the components it refers to are placed.
    const deps = comps.map(
      (c, ci) => new Set(c.flatMap((i) => edgeList[i]!.map((j) => compOf.get(j)!)).filter((x) => x !== ci)),
    );
    const dependents = comps.map(() => [] as number[]);
    deps.forEach((ds, ci) => {
      for (const d of ds) dependents[d]!.push(ci);
    });
    const waiting = deps.map((ds) => ds.size);
    // Components are numbered by discovery; a ready one is taken by its first declaration's place in the module.
    const ready = new MinHeap((ci) => comps[ci]![0]!);
    comps.forEach((_, ci) => {
      if (waiting[ci] === 0) ready.push(ci);
    });
    const order: number[] = [];
    while (ready.size > 0) {
      const ci = ready.pop();
      order.push(ci);
      for (const n of dependents[ci]!) if (--waiting[n]! === 0) ready.push(n);
    }
    const total = list.reduce((n, d) => n + d.lines, 0);
    const chunks: Decl[][] = [];
    let chunk: Decl[] = [];
    let lines = 0;
    let imported = new Set<string>();
    let fromParts = new Map<number, number>();
    const placed = new Map<string, number>();
    const importCost = (unit: Decl[]): { lines: number; add: () => void } => {
      const unitKeys = new Set(unit.map((d) => d.key));
      const newImports = new Set<string>();
      const newNamed = new Map<number, number>();
      for (const d of unit) {
        if (d.selfAlias && !imported.has(`self ${d.module}`)) newImports.add(`self ${d.module}`);
        for (const r of d.refs) {
          if (unitKeys.has(r)) continue;
          if (inGroup.has(r)) {
            const k = placed.get(r);
            if (k !== undefined && k !== chunks.length) newNamed.set(k, (newNamed.get(k) ?? 0) + 1);
          } else if (moduleOfKey(r) !== d.module) {
            const key = `${aliasOf(d.module, moduleOfKey(r))} ${moduleOfKey(r)}`;
            if (!imported.has(key)) newImports.add(key);
          }
        }
      }
      let cost = newImports.size;
      for (const [k, n] of newNamed) cost += n + (fromParts.has(k) ? 0 : 2);
      return {
        lines: cost,
        add: () => {
          for (const i of newImports) imported.add(i);
          for (const [k, n] of newNamed) fromParts.set(k, (fromParts.get(k) ?? 0) + n);
        },
      };
    };
    if (FIXED_LINES + total + importCost(list).lines <= budget) return [list];
    for (const ci of order) {
      const unit = comps[ci]!.map((i) => list[i]!);
      const unitLines = unit.reduce((n, d) => n + d.lines, 0);
      let cost = importCost(unit);
      if (chunk.length > 0 && FIXED_LINES + lines + unitLines + cost.lines > budget) {
        chunks.push(chunk);
        chunk = [];
        lines = 0;
        imported = new Set();
        fromParts = new Map();
        cost = importCost(unit);
      }
      if (chunk.length === 0 && FIXED_LINES + unitLines + cost.lines > budget)
        warn(
          unit[0]!.key,
          `declarations referring to each other take ${unitLines} lines, over the ${budget}-line budget of a file`,
        );
      cost.add();
      chunk.push(...unit);
      lines += unitLines + cost.lines;
      for (const d of unit) placed.set(d.key, chunks.length);
    }
    if (chunk.length > 0) chunks.push(chunk);
    return chunks;
  }
}

function emptyTypes(path: string): PlannedFile {
  return { path, kind: 'types', declarations: [], local: [], imports: [], named: [], reexports: [] };
}

/** Why the members of a module cycle cannot print in one file: a name two of them declare, or an alias two use differently. */
function groupClash(members: string[], byPath: Map<string, PlannedModule>): string | undefined {
  const names = new Map<string, string>();
  const aliases = new Map<string, string>();
  for (const path of members) {
    const m = byPath.get(path)!;
    for (const t of m.types) {
      const first = names.get(t.name);
      if (first !== undefined) return `both ${first} and ${path} declare ${t.name}`;
      names.set(t.name, path);
    }
    for (const i of m.imports) {
      if (members.includes(i.module)) continue;
      const first = aliases.get(i.alias);
      if (first !== undefined && first !== i.module) return `alias ${i.alias} names ${first} and ${i.module}`;
      aliases.set(i.alias, i.module);
    }
  }
  return undefined;
}

function checkPaths(files: PlannedFile[], plan: Plan, byPath: Map<string, PlannedModule>): void {
  const taken = new Map<string, string>(plan.indexes.map((i) => [i.path, `re-export file ${i.path}`]));
  for (const f of files) {
    const first = taken.get(f.path);
    if (first !== undefined) {
      const owner = f.module ?? f.declarations[0]?.module ?? f.path;
      throw new GeneratorError(
        'plan',
        byPath.get(owner)?.types[0]?.pointer ?? '#',
        `file "resources/${f.path}.ts" is needed for module "${owner}" but is also the ${first}`,
      );
    }
    taken.set(f.path, `file of module ${f.module ?? f.declarations[0]?.module ?? f.path}`);
  }
}

/** Raw TypeScript text a declaration prints (alias targets, `extends` clauses, namespace members). */
function textOf(t: PlannedType): string[] {
  const out = (t.members ?? []).filter((m) => !m.type).map((m) => m.text);
  if (t.decl.kind === 'alias' && t.decl.text) out.push(t.decl.text);
  if (t.decl.kind === 'interface') out.push(...t.decl.extends);
  return out;
}

/** Declarations (`module#name`) that `types` refer to, through inline types (printed in place) too. */
function refKeys(ir: IR, homes: Record<string, TypeHome>, types: IRType[]): Set<string> {
  return new Set(reachedHomes(ir, homes, types).map((h) => keyOf(h.module, h.name)));
}

/** Strongly connected components (Tarjan, without recursion), each listed once, in discovery order. */
export function stronglyConnected<T>(nodes: T[], next: (n: T) => T[]): T[][] {
  const index = new Map<T, number>();
  const low = new Map<T, number>();
  const onStack = new Set<T>();
  const stack: T[] = [];
  const out: T[][] = [];
  let counter = 0;
  for (const root of nodes) {
    if (index.has(root)) continue;
    const work: { node: T; edges: T[]; i: number }[] = [];
    const enter = (n: T) => {
      index.set(n, counter);
      low.set(n, counter++);
      stack.push(n);
      onStack.add(n);
      work.push({ node: n, edges: next(n), i: 0 });
    };
    enter(root);
    while (work.length > 0) {
      const top = work[work.length - 1]!;
      if (top.i < top.edges.length) {
        const w = top.edges[top.i++]!;
        if (!index.has(w)) enter(w);
        else if (onStack.has(w)) low.set(top.node, Math.min(low.get(top.node)!, index.get(w)!));
        continue;
      }
      work.pop();
      const parent = work[work.length - 1];
      if (parent) low.set(parent.node, Math.min(low.get(parent.node)!, low.get(top.node)!));
      if (low.get(top.node) === index.get(top.node)) {
        const comp: T[] = [];
        let w: T;
        do {
          w = stack.pop()!;
          onStack.delete(w);
          comp.push(w);
        } while (w !== top.node);
        out.push(comp);
      }
    }
  }
  return out;
}

/** A binary heap of numbers ordered by `key` (smallest first). */
class MinHeap {
  private readonly items: number[] = [];
  constructor(private readonly key: (n: number) => number) {}
  get size(): number {
    return this.items.length;
  }
  push(n: number): void {
    const a = this.items;
    a.push(n);
    for (let i = a.length - 1; i > 0; ) {
      const up = (i - 1) >> 1;
      if (this.key(a[up]!) <= this.key(a[i]!)) break;
      [a[up], a[i]] = [a[i]!, a[up]!];
      i = up;
    }
  }
  pop(): number {
    const a = this.items;
    const top = a[0]!;
    const last = a.pop()!;
    if (a.length > 0) {
      a[0] = last;
      for (let i = 0; ; ) {
        const [l, r] = [2 * i + 1, 2 * i + 2];
        let min = i;
        if (l < a.length && this.key(a[l]!) < this.key(a[min]!)) min = l;
        if (r < a.length && this.key(a[r]!) < this.key(a[min]!)) min = r;
        if (min === i) break;
        [a[min], a[i]] = [a[i]!, a[min]!];
        i = min;
      }
    }
    return top;
  }
}

/**
 * Reads the declared public surface of an installed package with the TypeScript compiler: for every subpath, its
 * exports, and for every exported class, interface or type its properties (name, optionality) and static members,
 * plus one level of namespace members. Resolution goes through the package's `exports` map (`moduleResolution`
 * node16) under the `import` or the `require` condition, i.e. what a consumer's compiler sees.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';

/** What one exported name is: the meanings it has and its members. */
export interface ExportShape {
  /** Usable as a value (class, function, variable, enum). */
  value: boolean;
  /** Usable as a type. */
  type: boolean;
  /** Whether it is a class (its instances are made by the SDK, so extra members are harmless). */
  isClass: boolean;
  /**
   * Properties of the declared (instance) type, `name` or `name?` for optional ones; private members left out.
   * Empty for types that are not object types (unions, primitives), whose "properties" are the primitive's.
   */
  props: string[];
  /** Static members of a class (its constructor type), without `prototype`. */
  statics: string[];
  /** Names in the namespace merged with this export (`Messages.MessageParam`), nested with dots. */
  members: string[];
}

/** One subpath's exports, or why it did not resolve. */
export type ModuleShape = { exports: Record<string, ExportShape> } | { error: string };

/** The surface of a package: subpath (`''` for the root, `resources/messages`, ...) -> module. */
export type Surface = Record<string, ModuleShape>;

/**
 * How the consumer resolves: the exports map's `import` or `require` condition (`moduleResolution` node16), or
 * TypeScript's legacy `node10` resolution, which ignores `exports` (files and `typesVersions` instead).
 */
export type Condition = 'import' | 'require' | 'node10';

const ENTRY_EXT: Record<Condition, string> = { import: 'mts', require: 'cts', node10: 'ts' };

const isPrivate = (s: ts.Symbol) =>
  s.name.startsWith('__#') ||
  s.name.startsWith('#') ||
  (s.declarations ?? []).some((d) => (ts.getCombinedModifierFlags(d) & ts.ModifierFlags.Private) !== 0);

function propNames(checker: ts.TypeChecker, type: ts.Type): string[] {
  return checker
    .getPropertiesOfType(type)
    .filter((p) => !isPrivate(p) && p.name !== 'prototype')
    .map((p) => {
      // Well-known symbols are named `__@iterator@123`; the number differs between programs.
      const name = p.name.startsWith('__@') ? `[Symbol.${p.name.slice(3).replace(/@\d+$/, '')}]` : p.name;
      return p.flags & ts.SymbolFlags.Optional ? `${name}?` : name;
    })
    .sort();
}

function namespaceMembers(checker: ts.TypeChecker, sym: ts.Symbol, depth: number): string[] {
  if (depth > 3 || !(sym.flags & (ts.SymbolFlags.NamespaceModule | ts.SymbolFlags.ValueModule))) return [];
  const out: string[] = [];
  for (const m of checker.getExportsOfModule(sym)) {
    out.push(m.name);
    const target = m.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(m) : m;
    for (const inner of namespaceMembers(checker, target, depth + 1)) out.push(`${m.name}.${inner}`);
  }
  return out.sort();
}

function describe(checker: ts.TypeChecker, sym: ts.Symbol): ExportShape {
  const f = sym.flags;
  const value = (f & ts.SymbolFlags.Value) !== 0;
  const type = (f & ts.SymbolFlags.Type) !== 0;
  const decl = sym.declarations?.[0];
  const isTypeLike = f & (ts.SymbolFlags.Class | ts.SymbolFlags.Interface | ts.SymbolFlags.TypeAlias);
  const declared = isTypeLike ? checker.getDeclaredTypeOfSymbol(sym) : undefined;
  const objectLike = declared && declared.flags & (ts.TypeFlags.Object | ts.TypeFlags.Intersection);
  const props = objectLike ? propNames(checker, declared) : [];
  const statics =
    f & ts.SymbolFlags.Class && decl ? propNames(checker, checker.getTypeOfSymbolAtLocation(sym, decl)) : [];
  const isClass = ((declared?.getSymbol()?.flags ?? f) & ts.SymbolFlags.Class) !== 0;
  return { value, type, isClass, props, statics, members: namespaceMembers(checker, sym, 0) };
}

/**
 * Reads the surface of `pkg` as installed under `root/node_modules`, for the given subpaths, in one compiler
 * program: an entry file imports every subpath, and the checker resolves each import to its module.
 */
export function readSurface(root: string, pkg: string, subpaths: string[], condition: Condition): Surface {
  const dir = join(root, '.parity');
  mkdirSync(dir, { recursive: true });
  const safe = pkg.replace(/[^\w]/g, '_');
  const entry = join(dir, `${safe}-${condition}.${ENTRY_EXT[condition]}`);
  const spec = (sub: string) => (sub === '' ? pkg : `${pkg}/${sub}`);
  writeFileSync(entry, subpaths.map((sub, i) => `import * as m${i} from '${spec(sub)}';\n`).join(''));
  const program = ts.createProgram([entry], {
    module: condition === 'node10' ? ts.ModuleKind.CommonJS : ts.ModuleKind.Node16,
    moduleResolution:
      condition === 'node10' ? ts.ModuleResolutionKind.Node10 : ts.ModuleResolutionKind.Node16,
    target: ts.ScriptTarget.ES2022,
    strict: true,
    skipLibCheck: true,
    noEmit: true,
    // Global types load as in a consumer project: every package under node_modules/@types.
    typeRoots: [join(root, 'node_modules', '@types')],
  });
  const checker = program.getTypeChecker();
  const source = program.getSourceFile(entry);
  if (!source) throw new Error(`parity: cannot read ${entry}`);
  const cache = new Map<ts.Symbol, ExportShape>();
  const surface: Surface = {};
  source.statements.filter(ts.isImportDeclaration).forEach((decl, i) => {
    const sub = subpaths[i] as string;
    const mod = checker.getSymbolAtLocation(decl.moduleSpecifier);
    if (!mod) {
      surface[sub] = { error: `cannot resolve '${spec(sub)}' (${condition})` };
      return;
    }
    const exports: Record<string, ExportShape> = {};
    for (const e of checker.getExportsOfModule(mod)) {
      const target = e.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(e) : e;
      let shape = cache.get(target);
      if (!shape) cache.set(target, (shape = describe(checker, target)));
      exports[e.name] = shape;
    }
    surface[sub] = { exports };
  });
  return surface;
}

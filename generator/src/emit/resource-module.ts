import {
  type ImportDeclarationStructure,
  ModuleDeclarationKind,
  type ModuleDeclarationStructure,
  type StatementStructures,
  StructureKind,
} from 'ts-morph';
import type { Plan, PlannedFile, PlannedModule, PlannedType } from '../plan/types.js';
import { declarationStatements } from './declarations.js';
import { deprecatedTable } from './request-rules.js';
import { resourceClass, TIMEOUT_TABLE } from './resource-class.js';
import { runtimeImports, specifier } from './runtime-imports.js';
import { literal, type PrintScope } from './type-printer.js';

/** Everything `emit` passes down for one module. */
export interface ModuleContext {
  plan: Plan;
  scope: PrintScope;
}

/**
 * Statements of a resource module's file: imports, class, its declarations when the layout keeps them here
 * (else a named import of them and `export *` from the types file that holds them), namespace merge.
 */
export function classFile(
  file: PlannedFile,
  mod: PlannedModule,
  ctx: ModuleContext,
): (string | StatementStructures)[] {
  const path = `resources/${file.path}`;
  const scope = ctx.scope;
  const body = classPart(mod, ctx);
  const types = typeStatements(declared(file, ctx.plan), ctx.plan, () => scope);
  const imports: ImportDeclarationStructure[] = [
    ...runtimeImports(path, scope.uses, scope.errorClass),
    ...namespaceImports(file, false),
    ...subresourceNamedImports(mod, ctx.plan, path),
    ...file.named.map((n) => ({
      kind: StructureKind.ImportDeclaration as const,
      moduleSpecifier: specifier(path, `resources/${n.from}`),
      namedImports: n.names.map((name) => `type ${name}`),
    })),
  ];
  return [...imports, ...reexports(file), ...body.head, body.cls, ...types, ...body.tail];
}

/** Statements of a types file: imports, then the declarations the layout puts in it. */
export function typesFile(
  file: PlannedFile,
  plan: Plan,
  scopeFor: (module: string) => PrintScope,
): (string | StatementStructures)[] {
  const path = `resources/${file.path}`;
  const uses = new Set<string>();
  const scopes = new Map<string, PrintScope>();
  const scope = (module: string) =>
    scopes.get(module) ??
    scopes.set(module, { ...scopeFor(module), uses, local: new Set(file.local) }).get(module)!;
  const types = typeStatements(declared(file, plan), plan, scope);
  const errorClass = scopeFor(file.declarations[0]?.module ?? '').errorClass;
  return [
    ...runtimeImports(path, uses, errorClass),
    ...namespaceImports(file, true),
    ...file.named.map((n) => ({
      kind: StructureKind.ImportDeclaration as const,
      moduleSpecifier: specifier(path, `resources/${n.from}`),
      isTypeOnly: true,
      namedImports: n.names,
    })),
    ...types,
  ];
}

/** Text of a file that re-exports the parts holding a module's declarations. */
export function indexFile(file: PlannedFile): string {
  return `${reexports(file).join('\n')}\n`;
}

/** The class part of a resource module (tables, class, namespace merge), as emit prints and measures it. */
export function classPart(
  mod: PlannedModule,
  ctx: ModuleContext,
): { head: string[]; cls: StatementStructures; tail: (string | StatementStructures)[] } {
  return {
    head: [...timeoutTable(mod), ...deprecatedTable(mod.resource?.methods ?? [])],
    cls: resourceClass(mod, ctx.scope),
    tail: namespaceMerge(mod, ctx.plan),
  };
}

/** Each declaration's statements, printed with the scope of its module; records the runtime names it uses. */
export function typeStatements(
  types: { module: string; type: PlannedType }[],
  plan: Plan,
  scopeFor: (module: string) => PrintScope,
): StatementStructures[] {
  return types.flatMap(({ module, type }) => declarationOf(type, plan, scopeFor(module)));
}

/** The statements of one declaration. */
export function declarationOf(t: PlannedType, plan: Plan, scope: PrintScope): StatementStructures[] {
  const out = declarationStatements(t, scope);
  if (t.decl.kind === 'interface')
    for (const e of t.decl.extends) if (isPageParams(plan, e)) scope.uses.add(`pageParams:${e}`);
  if (t.decl.kind === 'alias' && t.decl.generic) scope.uses.add(`page:${t.decl.generic.name}`);
  return out;
}

function declared(file: PlannedFile, plan: Plan): { module: string; type: PlannedType }[] {
  const byPath = new Map(plan.modules.map((m) => [m.path, m]));
  return file.declarations.map(({ module, name }) => ({
    module,
    type: byPath.get(module)!.types.find((t) => t.name === name)!,
  }));
}

function namespaceImports(file: PlannedFile, typesOnly: boolean): ImportDeclarationStructure[] {
  const path = `resources/${file.path}`;
  return file.imports.map((i) => ({
    kind: StructureKind.ImportDeclaration as const,
    moduleSpecifier: specifier(path, `resources/${i.from}`),
    namespaceImport: i.alias,
    isTypeOnly: typesOnly || !i.value,
  }));
}

function reexports(file: PlannedFile): string[] {
  const path = `resources/${file.path}`;
  return file.reexports.map((r) => {
    const from = specifier(path, `resources/${r.from}`);
    if (!r.names) return `export * from '${from}';`;
    return `export type {\n${r.names.map((n) => `  ${n},`).join('\n')}\n} from '${from}';`;
  });
}

function isPageParams(plan: Plan, name: string): boolean {
  return plan.client.paginationSchemes.some((s) => s.paramsType === name);
}

function exportedTypes(plan: Plan, module: string): string[] {
  return (plan.modules.find((m) => m.path === module)?.types ?? [])
    .filter((t) => !t.hidden)
    .map((t) => t.name);
}

function subresourceNamedImports(mod: PlannedModule, plan: Plan, file: string): ImportDeclarationStructure[] {
  return (mod.resource?.subresources ?? []).map((s) => ({
    kind: StructureKind.ImportDeclaration,
    moduleSpecifier: specifier(file, `resources/${s.module}`),
    namedImports: [s.className, ...exportedTypes(plan, s.module).map((t) => `type ${t}`)],
  }));
}

function namespaceMerge(mod: PlannedModule, plan: Plan): (string | StatementStructures)[] {
  const r = mod.resource!;
  const assigns = r.subresources.map((s) => `${r.className}.${s.className} = ${s.className};`);
  const own = exportedTypes(plan, mod.path);
  const exportsOf = (names: string[], cls?: string): string => {
    const items = [...(cls ? [`${cls} as ${cls}`] : []), ...names.map((n) => `type ${n} as ${n}`)];
    return `export {\n${items.map((i) => `  ${i},`).join('\n')}\n};`;
  };
  const statements: string[] = [];
  if (own.length > 0) statements.push(exportsOf(own));
  for (const s of r.subresources) statements.push(exportsOf(exportedTypes(plan, s.module), s.className));
  if (statements.length === 0) return assigns;
  const ns: ModuleDeclarationStructure = {
    kind: StructureKind.Module,
    name: r.className,
    isExported: true,
    hasDeclareKeyword: true,
    declarationKind: ModuleDeclarationKind.Namespace,
    statements,
  };
  return [...assigns, ns];
}

/** The model -> max non-streaming tokens table of a `fromMaxTokens` timeout policy (from the config). */
function timeoutTable(mod: PlannedModule): string[] {
  const t = mod.resource?.methods.find((m) => m.timeout?.kind === 'fromMaxTokens')?.timeout;
  if (t?.kind !== 'fromMaxTokens') return [];
  const entries = Object.entries(t.table).map(([model, tokens]) => `  ${literal(model)}: ${tokens},`);
  return [
    `/** Models whose non-streaming responses are capped below what \`max_tokens\` allows (from the SDK config). */\nconst ${TIMEOUT_TABLE}: Record<string, number> = {\n${entries.join('\n')}\n};`,
  ];
}

/** A fresh print scope for the declarations and class of one module. */
export function moduleScope(plan: Plan, errorClass: string): (module: string) => PrintScope {
  const byPath = new Map(plan.modules.map((m) => [m.path, m]));
  return (module) => ({
    schemas: plan.schemas,
    homes: plan.typeHomes,
    module,
    aliases: new Map((byPath.get(module)?.imports ?? []).map((i) => [i.module, i.alias])),
    request: false,
    uses: new Set(),
    errorClass,
  });
}

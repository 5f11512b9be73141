import {
  type ImportDeclarationStructure,
  ModuleDeclarationKind,
  type ModuleDeclarationStructure,
  type StatementStructures,
  StructureKind,
} from 'ts-morph';
import type { Plan, PlannedModule } from '../plan/types.js';
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

/** Statements of a module under `src/resources`: imports, class, types, namespace merge. */
export function resourceModule(mod: PlannedModule, ctx: ModuleContext): (string | StatementStructures)[] {
  const file = `resources/${mod.path}`;
  const scope = ctx.scope;
  const cls = mod.resource ? [resourceClass(mod, scope)] : [];
  const types = typeStatements(mod, ctx.plan, scope);
  const imports: ImportDeclarationStructure[] = [
    ...runtimeImports(file, scope.uses, scope.errorClass),
    ...moduleImports(mod, file, false),
    ...subresourceNamedImports(mod, ctx.plan, file),
  ];
  const tail = mod.resource ? namespaceMerge(mod, ctx.plan) : [];
  return [
    ...imports,
    ...timeoutTable(mod),
    ...deprecatedTable(mod.resource?.methods ?? []),
    ...cls,
    ...types,
    ...tail,
  ];
}

/**
 * The same module split in two, for resources whose types pass ~2k lines: `<name>.ts` keeps the class,
 * the namespace merge and `export * from './<name>-types.js'` (so every import path still works), and
 * `<name>-types.ts` holds the declarations.
 */
export function splitResourceModule(
  mod: PlannedModule,
  ctx: ModuleContext,
  freshScope: () => PrintScope,
): { main: (string | StatementStructures)[]; types: (string | StatementStructures)[]; typesPath: string } {
  const file = `resources/${mod.path}`;
  const typesPath = `${mod.path}-types`;
  const typesFile = `resources/${typesPath}`;
  const typeScope = freshScope();
  const types = typeStatements(mod, ctx.plan, typeScope);
  const typesOut = [
    ...runtimeImports(typesFile, typeScope.uses, typeScope.errorClass),
    ...moduleImports(mod, typesFile, true),
    ...types,
  ];
  const scope = ctx.scope;
  const cls = [resourceClass(mod, scope)];
  const own = mod.types.map((t) => `type ${t.name}`);
  const main = [
    ...runtimeImports(file, scope.uses, scope.errorClass),
    ...moduleImports(mod, file, false),
    ...subresourceNamedImports(mod, ctx.plan, file),
    {
      kind: StructureKind.ImportDeclaration as const,
      moduleSpecifier: specifier(file, typesFile),
      namedImports: own,
    },
    `export * from '${specifier(file, typesFile)}';`,
    ...timeoutTable(mod),
    ...deprecatedTable(mod.resource?.methods ?? []),
    ...cls,
    ...namespaceMerge(mod, ctx.plan),
  ];
  return { main, types: typesOut, typesPath };
}

function typeStatements(mod: PlannedModule, plan: Plan, scope: PrintScope): StatementStructures[] {
  const types = mod.types.flatMap((t) => declarationStatements(t, scope));
  for (const t of mod.types) {
    if (t.decl.kind === 'interface')
      for (const e of t.decl.extends) if (isPageParams(plan, e)) scope.uses.add(`pageParams:${e}`);
    if (t.decl.kind === 'alias' && t.decl.generic) scope.uses.add(`page:${t.decl.generic.name}`);
  }
  return types;
}

function moduleImports(mod: PlannedModule, file: string, typesOnly: boolean): ImportDeclarationStructure[] {
  return mod.imports.map((i) => ({
    kind: StructureKind.ImportDeclaration as const,
    moduleSpecifier: specifier(file, `resources/${i.module}`),
    namespaceImport: i.alias,
    isTypeOnly: typesOnly || !i.value,
  }));
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

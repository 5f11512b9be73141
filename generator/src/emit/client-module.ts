import {
  type ClassDeclarationStructure,
  type ImportDeclarationStructure,
  type StatementStructures,
  StructureKind,
} from 'ts-morph';
import { pascalCase } from '../plan/names.js';
import type { ModuleExport, Plan, PlannedClientResource } from '../plan/types.js';
import { specifier } from './runtime-imports.js';
import { literal } from './type-printer.js';

const FILE = 'client';

/** Value name the client uses for a resource: the overlay class when one is declared, else the generated one. */
function classFor(r: PlannedClientResource): string {
  if (r.overlay) return r.overlay.exportName;
  return r.children.length > 0 ? `${r.className}WithOverlays` : r.className;
}

/** The generated `client.ts`: the client class with lazy resources, overlays wired in, and its namespace. */
export function clientModule(plan: Plan): (string | StatementStructures)[] {
  const c = plan.client;
  const imports = [...baseImports(plan)];
  const local = typeLocals(plan);
  for (const r of c.resources) imports.push(...resourceImports(r, local), ...nestedImports(r));
  imports.push(...handWrittenImports(plan));
  const seen = new Set<string>();
  const unique = imports.filter((i) => {
    const key = JSON.stringify([i.moduleSpecifier, i.namespaceImport, i.namedImports]);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  return [
    ...unique,
    `export { ${c.baseClassName}, type ClientOptions };`,
    ...typeReexports(c.reexports.types),
    ...c.constants.map((k) => `export const ${k.name} = ${literal(k.value)};`),
    ...c.resources.flatMap(wrapperClasses),
    clientClass(plan),
    ...c.resources.map((r) => `${c.className}.${r.className} = ${classFor(r)};`),
    namespace(plan),
    `export default ${c.className};`,
  ];
}

const importOf = (
  moduleSpecifier: string,
  rest: Partial<ImportDeclarationStructure>,
): ImportDeclarationStructure => ({
  kind: StructureKind.ImportDeclaration,
  moduleSpecifier,
  ...rest,
});

/** Every overlay in the tree, top-down. */
function overlaysOf(rs: PlannedClientResource[]): NonNullable<PlannedClientResource['overlay']>[] {
  return rs.flatMap((r) => [...(r.overlay ? [r.overlay] : []), ...overlaysOf(r.children)]);
}

/** Namespace imports of the hand-written modules whose names the client's namespace re-exports. */
function handWrittenImports(plan: Plan): ImportDeclarationStructure[] {
  const c = plan.client;
  const names = [...c.reexports.namespace, ...overlaysOf(c.resources).flatMap((o) => o.exports)];
  return [...new Set(names.map((n) => n.module))].map((module) =>
    importOf(specifier(FILE, module), { namespaceImport: moduleAlias(module) }),
  );
}

/** `export type { A, B } from './module.js';`, one statement a module. */
function typeReexports(names: ModuleExport[]): string[] {
  const byModule = new Map<string, string[]>();
  for (const n of names) byModule.set(n.module, [...(byModule.get(n.module) ?? []), n.name]);
  return [...byModule].map(
    ([module, list]) => `export type { ${list.join(', ')} } from '${specifier(FILE, module)}';`,
  );
}

/** `export import Name = ModuleAlias.Name;` for a hand-written name in a namespace. */
function namespaceReexport(n: ModuleExport, indent: string): string {
  return `${indent}export import ${n.name} = ${moduleAlias(n.module)}.${n.name};`;
}

/**
 * The page classes and params types the namespace names, minus those the config's `reexports.namespace` already
 * names from `core/pagination` (a name declared twice would not compile); an empty string marks one left out.
 */
/** The base class, request options, pagination and shared-types imports. */
function baseImports(plan: Plan): ImportDeclarationStructure[] {
  const c = plan.client;
  const out = [
    importOf(specifier(FILE, c.baseModule), { namedImports: [c.baseClassName, 'type ClientOptions'] }),
    importOf(specifier(FILE, 'internal/request-options'), { isTypeOnly: true, namespaceImport: 'Opts' }),
  ];
  const schemes = c.namespace.schemes;
  if (schemes.length > 0) {
    out.push(importOf(specifier(FILE, 'core/pagination'), { namespaceImport: 'Pagination' }));
    const params = schemes.flatMap((s) => (s.paramsType ? [s.paramsType] : []));
    if (params.length > 0)
      out.push(importOf(specifier(FILE, 'core/pagination'), { isTypeOnly: true, namedImports: params }));
  }
  if (c.sharedModule) {
    out.push(
      importOf(specifier(FILE, `resources/${c.sharedModule}`), {
        isTypeOnly: true,
        namespaceImport: 'Shared',
      }),
    );
  }
  return out;
}

/**
 * The name client.ts gives each imported resource type, by resource module: its own, unless a declaration of
 * client.ts has it (a schema named like the client class: `Api` in an API whose client is `Api`) or an earlier
 * resource's type took it (two modules with an `OrderCancelled`); then `<Name>Type` (numbered if taken).
 */
function typeLocals(plan: Plan): (r: PlannedClientResource, type: string) => string {
  const c = plan.client;
  const taken = new Set([c.className, c.baseClassName, 'ClientOptions', ...c.constants.map((k) => k.name)]);
  for (const r of c.resources) taken.add(r.className);
  const names = new Map<string, string>();
  for (const r of c.resources) {
    for (const t of r.types) {
      let local = t;
      for (let i = 1; taken.has(local); i++) local = i === 1 ? `${t}Type` : `${t}Type${i}`;
      taken.add(local);
      names.set(`${r.module}\u0000${t}`, local);
    }
  }
  return (r, type) => names.get(`${r.module}\u0000${type}`) ?? type;
}

function resourceImports(
  r: PlannedClientResource,
  local: ((r: PlannedClientResource, type: string) => string) | undefined,
): ImportDeclarationStructure[] {
  const out: ImportDeclarationStructure[] = [
    {
      kind: StructureKind.ImportDeclaration,
      moduleSpecifier: specifier(FILE, `resources/${r.module}`),
      namedImports: [
        ...(r.overlay ? [] : [r.className]),
        ...(local
          ? r.types.map((t) => (local(r, t) === t ? `type ${t}` : `type ${t} as ${local(r, t)}`))
          : []),
      ],
    },
  ];
  if (r.overlay) {
    out.push({
      kind: StructureKind.ImportDeclaration,
      moduleSpecifier: specifier(FILE, r.overlay.module),
      namedImports: [r.overlay.exportName],
    });
  }
  out.push(...mergedNamespaceImports(r));
  return out.filter((i) => i.namespaceImport || (i.namedImports as string[]).length > 0);
}

/** Whether the namespace entry of `r` must be a class + namespace merge (it or a descendant is overlaid). */
function merged(r: PlannedClientResource): boolean {
  return r.overlay !== undefined || r.children.length > 0;
}

/** Namespace imports of `r`'s module and its sub-resource modules, for the merged namespace form. */
function mergedNamespaceImports(r: PlannedClientResource): ImportDeclarationStructure[] {
  if (!merged(r)) return [];
  const modules = [r.module, ...r.subresources.map((s) => s.module)];
  return [
    ...modules.map((module) => ({
      kind: StructureKind.ImportDeclaration as const,
      moduleSpecifier: specifier(FILE, `resources/${module}`),
      namespaceImport: moduleAlias(module),
    })),
    ...r.children.flatMap(mergedNamespaceImports),
  ];
}

function nestedImports(r: PlannedClientResource): ImportDeclarationStructure[] {
  return r.children.flatMap((ch) => [
    ...(ch.overlay
      ? [
          {
            kind: StructureKind.ImportDeclaration as const,
            moduleSpecifier: specifier(FILE, ch.overlay.module),
            namedImports: [ch.overlay.exportName],
          },
        ]
      : [
          {
            kind: StructureKind.ImportDeclaration as const,
            moduleSpecifier: specifier(FILE, `resources/${ch.module}`),
            namedImports: [`${ch.className} as ${aliasOf(ch)}`],
          },
        ]),
    ...nestedImports(ch),
  ]);
}

function aliasOf(r: PlannedClientResource): string {
  return `${r.className}Resource${r.module.replace(/[^A-Za-z0-9]/g, '_')}`;
}

/** Subclasses that swap nested generated resources for their overlays (`client.beta.messages`). */
function wrapperClasses(r: PlannedClientResource): (string | StatementStructures)[] {
  if (r.children.length === 0) return [];
  const out: (string | StatementStructures)[] = r.children.flatMap(wrapperClasses);
  const base = r.overlay ? r.overlay.exportName : r.className;
  const cls: ClassDeclarationStructure = {
    kind: StructureKind.Class,
    name: `${r.className}WithOverlays`,
    isExported: true,
    extends: base,
    docs: [`{@link ${base}} with its sub-resources replaced by their hand-written overlays.`],
    properties: [
      // The namespace types the sub-resource as its overlay, so the static reference must match.
      ...r.children.map((ch) => ({
        kind: StructureKind.Property as const,
        name: ch.className,
        isStatic: true,
        hasOverrideKeyword: true,
        initializer: childClass(ch),
      })),
      ...r.children.map((ch) => ({
        kind: StructureKind.Property as const,
        name: `#${ch.prop}`,
        type: `${childClass(ch)} | undefined`,
      })),
    ],
    getAccessors: r.children.map((ch) => ({
      kind: StructureKind.GetAccessor,
      name: ch.prop,
      hasOverrideKeyword: true,
      returnType: childClass(ch),
      statements: `return (this.#${ch.prop} ??= new ${childClass(ch)}(this._client));`,
    })),
  };
  out.push(cls);
  return out;
}

function childClass(ch: PlannedClientResource): string {
  if (ch.children.length > 0) return `${ch.className}WithOverlays`;
  return ch.overlay ? ch.overlay.exportName : aliasOf(ch);
}

function clientClass(plan: Plan): ClassDeclarationStructure {
  const c = plan.client;
  return {
    kind: StructureKind.Class,
    name: c.className,
    isExported: true,
    extends: c.baseClassName,
    docs: [
      `API client. Resources are created on first access.\n\n@example\n\`\`\`ts\nconst client = new ${c.className}();\n\`\`\``,
    ],
    properties: [
      ...c.constants
        .filter((k) => k.static)
        .map((k) => ({
          kind: StructureKind.Property as const,
          name: k.name,
          isStatic: true,
          hasOverrideKeyword: true,
          initializer: k.name,
        })),
      ...c.resources.map((r) => ({
        kind: StructureKind.Property as const,
        name: `#${r.prop}`,
        type: `${classFor(r)} | undefined`,
      })),
    ],
    getAccessors: c.resources.map((r) => ({
      kind: StructureKind.GetAccessor,
      name: r.prop,
      returnType: classFor(r),
      statements: `return (this.#${r.prop} ??= new ${classFor(r)}(this));`,
    })),
  };
}

/** Namespace alias of a resource module in client.ts (`BetaMessagesMessagesModule`). */
function moduleAlias(module: string): string {
  return `${module
    .split('/')
    .map((seg) => pascalCase(seg))
    .join('')}Module`;
}

/**
 * An overlay stands in for the generated class under the original name: value and instance type are the
 * overlay's (or the wrapper's, when a sub-resource is overlaid), while the generated class's namespace (its
 * types and sub-resources) stays reachable, so `Anthropic.Messages.ContentBlock`, `Anthropic.Messages.Batches`
 * and `Anthropic.Beta.Messages.BetaMessage` keep working. Recursive for nested overlays.
 */
function mergedNamespace(r: PlannedClientResource, indent: string): string[] {
  const m = moduleAlias(r.module);
  const inner = `${indent}  `;
  const members: string[] = [];
  for (const s of r.subresources) {
    const child = r.children.find((c) => c.module === s.module);
    if (child) members.push(...mergedNamespace(child, inner));
    else members.push(`${inner}export import ${s.className} = ${m}.${r.className}.${s.className};`);
  }
  members.push(...r.types.map((t) => `${inner}export import ${t} = ${m}.${t};`));
  members.push(...(r.overlay?.exports ?? []).map((n) => namespaceReexport(n, inner)));
  for (const s of r.subresources)
    members.push(...s.types.map((t) => `${inner}export import ${t} = ${moduleAlias(s.module)}.${t};`));
  return [
    `${indent}export class ${r.className} extends ${classFor(r)} {}`,
    `${indent}export namespace ${r.className} {`,
    ...members,
    `${indent}}`,
  ];
}

function namespace(plan: Plan): string {
  const c = plan.client;
  const local = typeLocals(plan);
  const lines: string[] = [
    `export declare namespace ${c.className} {`,
    '  export type RequestOptions = Opts.RequestOptions;',
  ];
  for (const s of c.namespace.schemes) {
    if (s.name) lines.push(`  export import ${s.name} = Pagination.${s.name};`);
    if (s.paramsType) lines.push(`  export { type ${s.paramsType} as ${s.paramsType} };`);
  }
  lines.push(...c.reexports.namespace.map((n) => namespaceReexport(n, '  ')));
  for (const r of c.resources) {
    // A top-level resource's names are the namespace's own, as its generated types are.
    lines.push(...(r.overlay?.exports ?? []).map((n) => namespaceReexport(n, '  ')));
    // A type name two resources export is the namespace's once (the plan says which): the other's stays in its own.
    const own = c.namespace.resourceTypes[r.module] ?? [];
    const names = [
      ...(merged(r) ? [] : [`${r.className} as ${r.className}`]),
      ...own.map((t) => `type ${local(r, t)} as ${t}`),
    ];
    if (merged(r)) lines.push(...mergedNamespace(r, '  '));
    lines.push(`  export {\n${names.map((n) => `    ${n},`).join('\n')}\n  };`);
  }
  for (const t of c.namespace.sharedTypes) lines.push(`  export type ${t} = Shared.${t};`);
  lines.push('}');
  return lines.join('\n');
}

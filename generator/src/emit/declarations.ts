import {
  type InterfaceDeclarationStructure,
  ModuleDeclarationKind,
  type ModuleDeclarationStructure,
  type PropertySignatureStructure,
  type StatementStructures,
  StructureKind,
  type TypeAliasDeclarationStructure,
} from 'ts-morph';
import type { IRDocs, IRType } from '../ir/types.js';
import { propertyKey } from '../plan/names.js';
import type { PlannedProperty, PlannedType } from '../plan/types.js';
import {
  docText,
  type HoistedType,
  Hoister,
  indexSignatureType,
  type PrintScope,
  printType,
} from './type-printer.js';

/** Statements for one planned type: the declaration, then a namespace with its hoisted inline types. */
export function declarationStatements(t: PlannedType, scope: PrintScope): StatementStructures[] {
  const s = { ...scope, request: t.request === true };
  const out = declare(t.name, t.decl, t, s, t.name);
  if (t.members?.length) {
    out.push({
      kind: StructureKind.Module,
      name: t.name,
      isExported: true,
      declarationKind: ModuleDeclarationKind.Namespace,
      statements: t.members.map((m) => ({
        kind: StructureKind.TypeAlias,
        name: m.name,
        isExported: true,
        type: m.type ? printType(m.type, s, m.name) : `${scope.aliases.get(scope.module)}.${m.text}`,
      })),
    });
  }
  return out;
}

type Decl = PlannedType['decl'];

function declare(
  name: string,
  decl: Decl,
  docs: IRDocs,
  scope: PrintScope,
  qualifier: string,
): StatementStructures[] {
  const hoister = new Hoister(qualifier);
  const main =
    decl.kind === 'interface'
      ? interfaceDecl(name, decl, docs, scope, hoister)
      : aliasDecl(name, decl, docs, scope, hoister);
  if (hoister.children.length === 0) return [main];
  return [main, namespaceOf(name, hoister.children, scope, qualifier)];
}

function namespaceOf(
  name: string,
  children: HoistedType[],
  scope: PrintScope,
  qualifier: string,
): ModuleDeclarationStructure {
  const statements: StatementStructures[] = [];
  for (let i = 0; i < children.length; i++) {
    const c = children[i]!;
    statements.push(...declare(c.name, declFor(c.type), c.docs, scope, `${qualifier}.${c.name}`));
  }
  return {
    kind: StructureKind.Module,
    name,
    isExported: true,
    declarationKind: ModuleDeclarationKind.Namespace,
    statements,
  };
}

function declFor(t: IRType): Decl {
  if (t.kind === 'object') {
    return {
      kind: 'interface',
      properties: t.properties,
      extends: [],
      ...(t.additionalProperties ? { additional: t.additionalProperties } : {}),
    };
  }
  return { kind: 'alias', type: t };
}

function docsArray(d: IRDocs): string[] | undefined {
  const text = docText(d);
  return text ? [text] : undefined;
}

function interfaceDecl(
  name: string,
  decl: Extract<Decl, { kind: 'interface' }>,
  docs: IRDocs,
  scope: PrintScope,
  hoister: Hoister,
): InterfaceDeclarationStructure {
  const properties: PropertySignatureStructure[] = decl.properties.map((p) => property(p, scope, hoister));
  const out: InterfaceDeclarationStructure = {
    kind: StructureKind.Interface,
    name,
    isExported: true,
    properties,
  };
  const ext = [...(decl.extendsRefs ?? []).map((r) => printType(r, scope, name)), ...decl.extends];
  if (ext.length > 0) out.extends = ext;
  if (decl.additional) {
    const siblings = decl.properties.map((p, i) => ({
      type: String(properties[i]!.type),
      required: p.required,
    }));
    const returnType = indexSignatureType(printType(decl.additional, scope, 'value', hoister), siblings);
    out.indexSignatures = [{ keyName: 'key', keyType: 'string', returnType }];
  }
  const d = docsArray(docs);
  if (d) out.docs = d;
  return out;
}

function property(p: PlannedProperty, scope: PrintScope, hoister: Hoister): PropertySignatureStructure {
  const out: PropertySignatureStructure = {
    kind: StructureKind.PropertySignature,
    name: propertyKey(p.name),
    type: printType(p.type, scope, p.name, hoister),
    hasQuestionToken: !p.required,
  };
  const d = docsArray(p);
  if (d) out.docs = d;
  return out;
}

function aliasDecl(
  name: string,
  decl: Extract<Decl, { kind: 'alias' }>,
  docs: IRDocs,
  scope: PrintScope,
  hoister: Hoister,
): TypeAliasDeclarationStructure {
  let type = decl.text ?? 'unknown';
  if (decl.type) type = printType(decl.type, scope, name, hoister);
  if (decl.generic) type = `${decl.generic.name}<${printType(decl.generic.arg, scope, 'item')}>`;
  const out: TypeAliasDeclarationStructure = { kind: StructureKind.TypeAlias, name, isExported: true, type };
  const d = docsArray(docs);
  if (d) out.docs = d;
  return out;
}

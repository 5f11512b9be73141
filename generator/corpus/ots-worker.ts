// A long-lived child process of the openapi-typescript comparison (compare-openapi-typescript.ts): converts one
// spec per message with openapi-typescript, both ways, and answers with the outcome.
//
// - `tree/index.ts`: `openapiTS(spec)` + `astToString`, the package's own output (one `components` tree).
// - `named/index.ts`: the issue-12 proposal: every component schema as `export type <Name> = ...`, the
//   `components["schemas"]["X"]` references rewritten by a `postTransform` hook to the name sdkgen's plan gives X.
// - `names.json`: for each component schema, its declaration name there and its home in sdkgen's plan.
// - `facts.json`: the type classes of each component schema, read from the spec (ots-classes.ts).
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import openapiTS, { astToString, type GlobalContext } from 'openapi-typescript';
import ts from 'typescript';
import { parse } from 'yaml';
import { generate } from '../src/pipeline.js';
import { typeName } from '../src/plan/names.js';
import type { TypeHome } from '../src/plan/types.js';
import { schemaFacts, uploadFacts } from './ots-classes.js';
import type { GenerateOutcome } from './worker.js';

/** A job sent to the worker: the spec, sdkgen's corpus config (for its names), where to write. */
export interface OtsJob {
  id: string;
  spec: string;
  config: string;
  out: string;
}

/** Names of one component schema: the spec's, the declaration's in `named/`, and sdkgen's home. */
export interface SchemaName {
  spec: string;
  name: string;
  home?: TypeHome;
}

/** A method of sdkgen's plan: its operation's pointer, its module and params type. */
export interface PlannedMethodName {
  pointer: string;
  module: string;
  params?: string;
}

/** `names.json`. */
export interface Names {
  schemas: SchemaName[];
  methods: PlannedMethodName[];
}

/** What the worker answers; `ms` is the whole job, the rest are openapi-typescript's own times and sizes. */
export interface OtsOutcome extends GenerateOutcome {
  treeMs?: number;
  namedMs?: number;
  treeBytes?: number;
  namedBytes?: number;
  schemas?: number;
  /** `components[...]` references left in `named/` (ones the rewrite does not cover, e.g. to responses). */
  leftoverRefs?: number;
  /** Property `$ref`s `postTransform` does not see, rewritten by `transformProperty`. */
  propertyRefs?: number;
}

/** `components["schemas"]["X"]["y"]...` as [root, ...indices], or undefined for any other node. */
function indexChain(node: ts.TypeNode): { root: string; indices: string[] } | undefined {
  const indices: string[] = [];
  let n = node;
  while (ts.isIndexedAccessTypeNode(n)) {
    const i = n.indexType;
    if (!ts.isLiteralTypeNode(i) || !ts.isStringLiteral(i.literal)) return undefined;
    indices.unshift(i.literal.text);
    n = n.objectType;
  }
  if (!ts.isTypeReferenceNode(n) || !ts.isIdentifier(n.typeName) || n.typeArguments) return undefined;
  return { root: ts.idText(n.typeName), indices };
}

/** The declaration name of every component schema: sdkgen's planned name, made unique within one file. */
function declarationNames(specNames: string[], homes: Record<string, TypeHome>): SchemaName[] {
  const taken = new Set<string>();
  return specNames.map((spec) => {
    const home = homes[spec];
    const base = home?.name ?? typeName(spec.replace(/\./g, '-'));
    let name = base;
    for (let i = 2; taken.has(name); i++) name = `${base}${i}`;
    taken.add(name);
    return home ? { spec, name, home } : { spec, name };
  });
}

/** The property name of a `components.schemas` member (an identifier or a string literal). */
function memberName(m: ts.TypeElement): string | undefined {
  const n = m.name;
  if (!n) return undefined;
  if (ts.isIdentifier(n) || ts.isStringLiteral(n) || ts.isNumericLiteral(n)) return n.text;
  return undefined;
}

/** The `schemas` members of the `components` interface openapiTS returned. */
function schemaMembers(nodes: ts.Node[]): ts.PropertySignature[] {
  for (const n of nodes) {
    if (!ts.isInterfaceDeclaration(n) || ts.idText(n.name) !== 'components') continue;
    const schemas = n.members.find((m) => memberName(m) === 'schemas');
    if (schemas && ts.isPropertySignature(schemas) && schemas.type && ts.isTypeLiteralNode(schemas.type))
      return schemas.type.members.filter(ts.isPropertySignature);
  }
  return [];
}

/** The component schema names of a spec, as openapi-typescript bundled it, in document order. */
function schemaNamesOf(nodes: ts.Node[]): string[] {
  return schemaMembers(nodes)
    .map(memberName)
    .filter((n): n is string => n !== undefined);
}

interface PlanDump {
  typeHomes: Record<string, TypeHome>;
  modules: { path: string; resource?: { methods: { pointer: string; params?: { typeName: string } }[] } }[];
}

/** sdkgen's type homes and methods for the spec (its corpus config), or none when sdkgen refuses the spec. */
async function sdkgenPlan(job: OtsJob): Promise<PlanDump> {
  try {
    const r = await generate({
      configPath: job.config,
      specPath: job.spec,
      outDir: join(job.out, 'unused'),
      mode: 'write',
      dump: 'plan',
    });
    return JSON.parse(r.dump!) as PlanDump;
  } catch {
    return { typeHomes: {}, modules: [] };
  }
}

async function run(job: OtsJob): Promise<OtsOutcome> {
  const start = performance.now();
  const ms = () => Math.round(performance.now() - start);
  const url = pathToFileURL(job.spec);
  try {
    // 1. The package's own output: one tree for the whole document.
    let t = performance.now();
    const treeNodes = await openapiTS(url, { silent: true });
    const tree = astToString(treeNodes);
    const treeMs = Math.round(performance.now() - t);
    mkdirSync(join(job.out, 'tree'), { recursive: true });
    writeFileSync(join(job.out, 'tree/index.ts'), tree);

    // 2. Named declarations, references rewritten to sdkgen's names by `postTransform`.
    const plan = await sdkgenPlan(job);
    const names = declarationNames(schemaNamesOf(treeNodes), plan.typeHomes);
    const byName = new Map(names.map((n) => [n.spec, n.name]));
    let ctx: GlobalContext | undefined;
    let propertyRefs = 0;
    /** `components["schemas"]["X"]...` -> `<Name>...`; undefined for any other node. */
    const rename = (type: ts.TypeNode | undefined): ts.TypeNode | undefined => {
      const chain = type ? indexChain(type) : undefined;
      if (chain?.root !== 'components' || chain.indices[0] !== 'schemas') return undefined;
      const [, schema, ...rest] = chain.indices;
      const name = byName.get(schema!) ?? typeName(schema!.replace(/\./g, '-'));
      return rest.reduce<ts.TypeNode>(
        (acc, i) => ts.factory.createIndexedAccessTypeNode(acc, ts.factory.createLiteralTypeNode(lit(i))),
        ts.factory.createTypeReferenceNode(name),
      );
    };
    t = performance.now();
    const nodes = await openapiTS(url, {
      silent: true,
      postTransform(type, options) {
        ctx = options.ctx;
        return rename(type);
      },
      // A property that is a `$ref` never reaches `postTransform` (openapi-typescript prints it with `oapiRef`
      // directly), so its signature is rewritten here.
      transformProperty(property, _schema, options) {
        const type = rename(property.type);
        if (!type) return undefined;
        if (options.path?.startsWith('#/components/schemas/')) propertyRefs++;
        return ts.factory.updatePropertySignature(
          property,
          property.modifiers,
          property.name,
          property.questionToken,
          type,
        );
      },
    });
    const decls: ts.Node[] = [];
    for (const m of schemaMembers(nodes)) {
      const name = byName.get(memberName(m)!)!;
      const alias = ts.factory.createTypeAliasDeclaration(
        [ts.factory.createModifier(ts.SyntaxKind.ExportKeyword)],
        name,
        undefined,
        m.type!,
      );
      const docs = ts.getSyntheticLeadingComments(m);
      if (docs) ts.setSyntheticLeadingComments(alias, docs);
      decls.push(alias);
    }
    // Helper types openapi-typescript appends (`WithRequired`, enums) go with the declarations; the footer's
    // `operations` interface does not (operations are not schemas).
    const helpers = (ctx?.injectFooter ?? []).filter(
      (n) => !(ts.isInterfaceDeclaration(n) && ts.idText(n.name) === 'operations'),
    );
    const named = astToString([...decls, ...helpers]);
    const namedMs = Math.round(performance.now() - t);
    mkdirSync(join(job.out, 'named'), { recursive: true });
    writeFileSync(join(job.out, 'named/index.ts'), named || 'export {};\n');
    const methods = Object.values(plan.modules).flatMap((m) =>
      (m.resource?.methods ?? []).map((x) => ({
        pointer: x.pointer,
        module: m.path,
        ...(x.params ? { params: x.params.typeName } : {}),
      })),
    );
    writeFileSync(join(job.out, 'names.json'), JSON.stringify({ schemas: names, methods } satisfies Names));
    const text = readFileSync(job.spec, 'utf8');
    const doc = job.spec.endsWith('.json') ? JSON.parse(text) : parse(text);
    writeFileSync(
      join(job.out, 'facts.json'),
      JSON.stringify({ schemas: schemaFacts(doc), uploads: uploadFacts(doc) }),
    );
    return {
      id: job.id,
      status: 'ok',
      ms: ms(),
      treeMs,
      namedMs,
      treeBytes: Buffer.byteLength(tree),
      namedBytes: Buffer.byteLength(named),
      schemas: names.length,
      leftoverRefs: (named.match(/\bcomponents\[/g) ?? []).length,
      propertyRefs,
    };
  } catch (err) {
    const e = err as Error;
    return { id: job.id, status: 'error', ms: ms(), message: String(e?.message ?? e).slice(0, 2000) };
  }
}

function lit(s: string): ts.LiteralExpression {
  return /^\d+$/.test(s) ? ts.factory.createNumericLiteral(s) : ts.factory.createStringLiteral(s);
}

process.on('message', (job: OtsJob) => {
  void run(job).then((outcome) => process.send!(outcome));
});
